// Substitution.tla by hand: owner among the model values a, b, c; Limit(Cap) = Double(2) = 4.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { owner: string; n: number }
const nodes = ['a', 'b', 'c'];
const limit = 2 * 2;

export const run = () =>
  tlcBfs<S>({
    init: () => [{ owner: 'a', n: 0 }],
    *next({ owner, n }) {
      for (const p of nodes) if (p !== owner) yield { owner: p, n };
      if (n < limit) yield { owner, n: n + 1 };
    },
    invariants: [['TypeOK', (s) => s.n <= limit]],
  });

printIfMain(import.meta.url, () => run());
