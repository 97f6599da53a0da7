// Instances.tla by hand: two wrapping counters, limits 2 (A) and 3 (B(3)).
import { printIfMain, tlcBfs } from './tlc-bfs.js';

type S = [number, number];
const step = (c: number, limit: number) => (c < limit ? c + 1 : 0);

export const run = () =>
  tlcBfs<S>({
    init: () => [[0, 0]],
    next: ([a, b]) => [[step(a, 2), b], [a, step(b, 3)]],
    invariants: [['Inv', ([a, b]) => a <= 2 && b <= 3]],
  });

printIfMain(import.meta.url, () => run());
