// ActionForms.tla by hand: (x, y); successors of A (x' ascending), then B, then C.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

type S = readonly [number, number];

const a = ([x, y]: S): S[] => (x === 0 ? [[1, y]] : [x, x + 1].filter((v) => v <= 3).map((v) => [v, y] as const));
// CASE: the first arm whose guard holds is the only one tried.
const b = ([x, y]: S): S[] => (x === 1 ? [[2, y]] : x < 3 ? (y < 2 ? [[0, y + 1]] : []) : [[x, y]]);
const c = ([x, y]: S): S[] => (y !== 1 && y !== 2 ? [[x, y + 2]] : []);

export const run = () =>
  tlcBfs<S>({
    init: () => [[0, 0]],
    next: (s) => [...a(s), ...b(s), ...c(s)],
    invariants: [['TypeOK', ([x, y]) => x <= 3 && y <= 2]],
  });

printIfMain(import.meta.url, () => run());
