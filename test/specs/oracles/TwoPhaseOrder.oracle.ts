// TwoPhaseOrder.tla: the TwoPhase oracle with 3 RMs (r1 < r2 < r3 by name, whatever the cfg's
// order) and the invariant NeverCommitted.
import { printIfMain } from './tlc-bfs.js';
import { runOrder } from './TwoPhase.oracle.js';

export const run = runOrder;

printIfMain(import.meta.url, () => run());
