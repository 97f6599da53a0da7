// ChooseCount.tla by hand, with TLC's CHOOSE picks written in: Start = 2, First = p1, Second = p2.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { x: number; owner: string }

export const run = (start = 2, first = 'p1', second = 'p2') =>
  tlcBfs<S>({
    init: () => [{ x: start, owner: first }],
    *next({ x, owner }) {
      if (x < 5) yield { x: x + 1, owner };
      if (owner === first) yield { x: 0, owner: second };
    },
    checkDeadlock: false,
  });

printIfMain(import.meta.url, () => run());
