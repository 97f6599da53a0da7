// ReadersWritersSym.tla: the ReadersWriters oracle keyed by orbit.
import { printIfMain } from './tlc-bfs.js';
import { runSym } from './ReadersWriters.oracle.js';

export const run = runSym;

printIfMain(import.meta.url, () => run());
