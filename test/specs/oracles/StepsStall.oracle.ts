// StepsStall.tla: the StepsForever oracle with fairness on Flip only.
import { printIfMain } from './tlc-bfs.js';
import { runStall } from './StepsForever.oracle.js';

export const run = runStall;

printIfMain(import.meta.url, () => run());
