// ActionProp.tla by hand: a counter 0..3 that wraps, with [][x' >= x]_x as an action property.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const run = () =>
  tlcBfs<number>({
    init: () => [0],
    *next(x) {
      if (x < 3) yield x + 1;
      if (x === 3) yield 0;
    },
    actionProperties: [['Monotone', (s, t) => t >= s || t === s]],
  });

printIfMain(import.meta.url, () => run());
