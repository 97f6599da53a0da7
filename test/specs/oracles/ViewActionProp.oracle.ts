// ViewActionProp.tla by hand: (x, y) fingerprinted by the VIEW x, with [][x' + y' >= x + y]_vars.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

type S = readonly [number, number];

export const run = () =>
  tlcBfs<S>({
    init: () => [[1, 0]],
    *next([x, y]) {
      if (x === 1) yield [0, 1];
      if (x === 0 && y === 1) yield [0, 0];
    },
    key: ([x]) => String(x),
    actionProperties: [['NoDrop', ([x, y], [x2, y2]) => x2 + y2 >= x + y]],
  });

printIfMain(import.meta.url, () => run());
