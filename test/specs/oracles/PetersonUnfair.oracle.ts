// PetersonUnfair.tla: the Peterson oracle without fairness.
import { printIfMain } from './tlc-bfs.js';
import { runUnfair } from './Peterson.oracle.js';

export const run = runUnfair;

printIfMain(import.meta.url, () => run());
