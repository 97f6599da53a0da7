// InitConstraintInv.tla by hand: x from {0, 1, 5} (normalised order), CONSTRAINT x < 3.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const run = () =>
  tlcBfs<number>({
    init: () => [0, 1, 5],
    next: (x) => [x],
    constraint: (x) => x < 3,
    invariants: [['NotFive', (x) => x !== 5]],
  });

printIfMain(import.meta.url, () => run());
