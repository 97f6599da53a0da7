// ViewSpec.tla by hand: states {x, steps} fingerprinted by the VIEW x alone.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { x: number; steps: number }

export const run = () =>
  tlcBfs<S>({
    init: () => [{ x: 0, steps: 0 }],
    *next({ x, steps }) {
      if (x < 3) yield { x: x + 1, steps: steps + 1 };
      if (x > 0) yield { x: x - 1, steps: steps + 1 };
    },
    key: (s) => String(s.x),
    invariants: [['FewSteps', (s) => s.steps < 4]],
  });

printIfMain(import.meta.url, () => run());
