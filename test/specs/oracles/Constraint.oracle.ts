// Constraint.tla by hand: (x, y) with the CONSTRAINT Bound and the ACTION_CONSTRAINT NoOneToTwo.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { x: number; y: number }

export const run = () =>
  tlcBfs<S>({
    init: () => [{ x: 0, y: 0 }, { x: 5, y: 0 }],
    next: ({ x, y }) => [{ x: x + 1, y }, { x, y: y + 1 }],
    constraint: ({ x, y }) => x <= 2 && y <= 1,
    actionConstraint: (s, t) => !(s.x === 1 && t.x === 2),
    invariants: [['TypeOK', ({ x, y }) => x >= 0 && x <= 5 && y >= 0 && y <= 2]],
  });

printIfMain(import.meta.url, () => run());
