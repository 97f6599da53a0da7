// TwoPhaseHuge.tla: the TwoPhase oracle with 7 RMs (about 18 s).
import { printIfMain } from './tlc-bfs.js';
import { runHuge } from './TwoPhase.oracle.js';

export const run = runHuge;

printIfMain(import.meta.url, () => run());
