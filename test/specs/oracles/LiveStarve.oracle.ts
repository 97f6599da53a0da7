// LiveStarve.tla: LiveProcs under WF of the whole Next.
import { printIfMain } from './tlc-bfs.js';
import { runWhole } from './LiveProcs.oracle.js';

export const run = runWhole;

printIfMain(import.meta.url, () => run());
