// DieHardEven.tla: the DieHard oracle with capacities 4 and 6 and the even-ness invariants.
import { printIfMain } from './tlc-bfs.js';
import { runEven } from './DieHard.oracle.js';

export const run = runEven;

printIfMain(import.meta.url, () => run());
