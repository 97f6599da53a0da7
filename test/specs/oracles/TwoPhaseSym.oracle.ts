// TwoPhaseSym.tla: the TwoPhase oracle keyed by the least permutation of each state.
import { printIfMain } from './tlc-bfs.js';
import { runSym } from './TwoPhase.oracle.js';

export const run = runSym;

printIfMain(import.meta.url, () => run());
