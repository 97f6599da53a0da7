// ABPWeak.tla: the ABP oracle with weak fairness on receiving.
import { printIfMain } from './tlc-bfs.js';
import { runWeak } from './ABP.oracle.js';

export const run = runWeak;

printIfMain(import.meta.url, () => run());
