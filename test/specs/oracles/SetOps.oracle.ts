// SetOps.tla by hand: the state is a subset of 1..3 as a sorted array.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const run = () =>
  tlcBfs<number[]>({
    init: () => [[]],
    *next(s) {
      for (const x of [1, 2, 3]) if (!s.includes(x)) yield [...s, x].sort();
      for (const x of s) yield s.filter((y) => y !== x);
    },
    invariants: [['Small', (s) => s.length <= 3]],
  });

printIfMain(import.meta.url, () => run());
