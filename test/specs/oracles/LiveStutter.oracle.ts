// LiveStutter.tla: LiveReach without fairness.
import { printIfMain } from './tlc-bfs.js';
import { runUnfair } from './LiveReach.oracle.js';

export const run = runUnfair;

printIfMain(import.meta.url, () => run());
