// TwoPhaseLive.tla: the TwoPhase oracle (4 RMs) under WF of Next, checked for <>(all decided).
import { printIfMain } from './tlc-bfs.js';
import { runLive } from './TwoPhase.oracle.js';

export const run = runLive;

printIfMain(import.meta.url, () => run());
