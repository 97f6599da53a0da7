// InitOrder.tla by hand: SUBSET {1,2,3} by cardinality then lexicographically, [{1,2} -> {0,1}]
// with y[2] turning fastest.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { x: number[]; y: [number, number] }
const subsets = [[], [1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3]];
const fcns: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1]];

export const run = () =>
  tlcBfs<S>({
    *init() {
      for (const x of subsets) for (const y of fcns) yield { x, y };
    },
    next: (s) => [s],
    invariants: [['Inv', ({ x, y }) => !(x.length === 2 && y[0] === 1 && y[1] === 0)]],
  });

printIfMain(import.meta.url, () => run());
