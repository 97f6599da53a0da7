// DataStructs.tla by hand: cfg and bal as [a, b] pairs, pairs as a sorted list of "i:b" strings.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { cfg: number[]; owner: number; log: number[]; bal: number[]; pairs: string[] }

const subsets = <T>(xs: T[]): T[][] => xs.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);
const upd = (xs: number[], i: number, v: number) => xs.map((x, j) => (j === i ? v : x));

export const run = () =>
  tlcBfs<S>({
    *init() {
      for (const a of [0, 1]) for (const b of [0, 1]) for (const owner of [1, 2])
        for (const ps of subsets(['1:T', '2:T'])) yield { cfg: [a, b], owner, log: [], bal: [0, 0], pairs: ps.sort() };
    },
    *next(s) {
      for (const k of [0, 1]) yield { ...s, cfg: upd(s.cfg, k, 1 - s.cfg[k]!) };
      if (s.log.length < 2) yield { ...s, log: [...s.log, s.owner], owner: 3 - s.owner };
      for (const k of [0, 1]) if (s.bal[k]! < s.cfg[k]!) yield { ...s, bal: upd(s.bal, k, s.bal[k]! + 1) };
      for (const p of s.pairs) {
        const [i, b] = p.split(':');
        const turned = `${i}:${b === 'T' ? 'F' : 'T'}`;
        const rest = s.pairs.filter((x) => x !== p);
        yield { ...s, pairs: rest.includes(turned) ? rest : [...rest, turned].sort() };
      }
    },
    invariants: [
      ['TypeOK', (s) => s.bal.every((v) => v <= 1)],
      ['OnePerIndex', (s) => new Set(s.pairs.map((p) => p[0])).size === s.pairs.length],
      ['Indices', () => true],
      ['LogAlternates', (s) => s.log.every((v, i) => i === 0 || v !== s.log[i - 1])],
    ],
  });

printIfMain(import.meta.url, () => run());
