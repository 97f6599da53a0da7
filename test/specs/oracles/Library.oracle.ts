// Library.tla by hand: a bag over {1, 2} as its two copy counts.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

type Bag = [number, number];

export const run = () =>
  tlcBfs<Bag>({
    init: () => [[0, 0]],
    *next(b) {
      for (const i of [0, 1] as const) {
        if (b[0] + b[1] < 3) yield (i === 0 ? [b[0] + 1, b[1]] : [b[0], b[1] + 1]) as Bag;
        if (b[i] > 0) yield (i === 0 ? [b[0] - 1, b[1]] : [b[0], b[1] - 1]) as Bag;
      }
    },
    invariants: [['Bounded', (b) => b[0] + b[1] <= 3]],
  });

printIfMain(import.meta.url, () => run());
