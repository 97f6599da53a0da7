// SlidingNine.tla: the Sliding oracle on a 3 x 3 board.
import { printIfMain } from './tlc-bfs.js';
import { sliding } from './Sliding.oracle.js';

export const run = () => sliding(3, 3);

printIfMain(import.meta.url, () => run());
