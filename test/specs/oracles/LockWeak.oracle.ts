// LockWeak.tla: the Lock oracle with weak fairness on Acquire.
import { printIfMain } from './tlc-bfs.js';
import { runWeak } from './Lock.oracle.js';

export const run = runWeak;

printIfMain(import.meta.url, () => run());
