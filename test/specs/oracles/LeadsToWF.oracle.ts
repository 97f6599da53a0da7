// LeadsToWF.tla: LeadsToSF with weak fairness on Bump.
import { printIfMain } from './tlc-bfs.js';
import { runWeak } from './LeadsToSF.oracle.js';

export const run = runWeak;

printIfMain(import.meta.url, () => run());
