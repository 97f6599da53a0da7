// Fifo.tla by hand: sequences as arrays; sent is determined by got and q but kept as TLC keeps it.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

interface S { sent: number[]; q: number[]; got: number[] }

export const run = (msgs = [1, 2, 3], cap = 2, maxSent = 5) =>
  tlcBfs<S>({
    init: () => [{ sent: [], q: [], got: [] }],
    *next(s) {
      for (const m of msgs) {
        if (s.q.length < cap && s.sent.length < maxSent) yield { sent: [...s.sent, m], q: [...s.q, m], got: s.got };
      }
      if (s.q.length > 0) yield { sent: s.sent, q: s.q.slice(1), got: [...s.got, s.q[0]!] };
    },
    invariants: [
      ['InOrder', (s) => JSON.stringify([...s.got, ...s.q]) === JSON.stringify(s.sent)],
      ['Prefix', (s) => JSON.stringify(s.got) === JSON.stringify(s.sent.slice(0, s.got.length))],
      ['Bounded', (s) => s.q.length <= cap],
    ],
    checkDeadlock: false,
  });

printIfMain(import.meta.url, () => run());
