// ActionSemantics.tla by hand: (x, y); successors in the order Jump (x' ascending), Back,
// the stuttering disjunct, Climb (k ascending).
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { x: number; y: number }

export const run = () =>
  tlcBfs<S>({
    *init() {
      for (let x = 0; x <= 3; x++) if (x + (x + 1) > 2) yield { x, y: x + 1 };
    },
    *next({ x, y }) {
      for (let x2 = 0; x2 <= 4; x2++) if (x2 > x) yield { x: x2, y: x2 === 4 ? 0 : y };
      if (x > 0) yield { x: x - 1, y: (y + 1) % 5 };
      yield { x, y };
      for (const k of [1, 2]) if (y + k <= 4) yield { x, y: y + k };
    },
    invariants: [['TypeOK', ({ x, y }) => x >= 0 && x <= 4 && y >= 0 && y <= 4]],
  });

printIfMain(import.meta.url, () => run());
