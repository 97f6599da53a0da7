// TwoPhaseBig.tla: the TwoPhase oracle with 5 RMs.
import { printIfMain } from './tlc-bfs.js';
import { runBig } from './TwoPhase.oracle.js';

export const run = runBig;

printIfMain(import.meta.url, () => run());
