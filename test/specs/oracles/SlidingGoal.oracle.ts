// SlidingGoal.tla: the Sliding oracle on a 3 x 3 board from a board 20 moves from solved.
import { printIfMain } from './tlc-bfs.js';
import { sliding } from './Sliding.oracle.js';

export const run = () => sliding(3, 3, [0, 7, 5, 4, 3, 2, 8, 1, 6]);

printIfMain(import.meta.url, () => run());
