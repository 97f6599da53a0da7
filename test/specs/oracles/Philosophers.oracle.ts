// Philosophers.tla by hand: phil and fork as arrays indexed 0..N-1.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

type Ph = 'thinking' | 'hungry' | 'left' | 'eating';
interface S { phil: Ph[]; fork: boolean[] }

const upd = <T>(xs: readonly T[], i: number, v: T) => xs.map((x, j) => (j === i ? v : x));

export const run = (n = 5) =>
  tlcBfs<S>({
    init: () => [{ phil: new Array<Ph>(n).fill('thinking'), fork: new Array<boolean>(n).fill(false) }],
    *next({ phil, fork }) {
      for (let i = 0; i < n; i++) {
        const l = i;
        const r = (i + 1) % n;
        if (phil[i] === 'thinking') yield { phil: upd(phil, i, 'hungry'), fork };
        if (phil[i] === 'hungry' && !fork[l]) yield { phil: upd(phil, i, 'left'), fork: upd(fork, l, true) };
        if (phil[i] === 'left' && !fork[r]) yield { phil: upd(phil, i, 'eating'), fork: upd(fork, r, true) };
        if (phil[i] === 'eating') yield { phil: upd(phil, i, 'thinking'), fork: upd(upd(fork, l, false), r, false) };
      }
    },
    invariants: [
      ['NeighboursNotBothEating', ({ phil }) => phil.every((p, i) => !(p === 'eating' && phil[(i + 1) % n] === 'eating'))],
    ],
  });

printIfMain(import.meta.url, () => run());
