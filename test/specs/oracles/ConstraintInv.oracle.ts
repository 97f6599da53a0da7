// ConstraintInv.tla by hand: the invariant is evaluated on the successor that fails the CONSTRAINT.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const run = () =>
  tlcBfs<number>({
    init: () => [0],
    next: (x) => [x + 1],
    constraint: (x) => x <= 2,
    invariants: [['Small', (x) => x < 3]],
  });

printIfMain(import.meta.url, () => run());
