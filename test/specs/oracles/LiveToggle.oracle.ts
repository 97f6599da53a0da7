// LiveToggle.tla: the toggle of LiveSettle never settles at 1.
import { printIfMain } from './tlc-bfs.js';
import { runToggle } from './LiveSettle.oracle.js';

export const run = runToggle;

printIfMain(import.meta.url, () => run());
