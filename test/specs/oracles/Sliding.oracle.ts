// Sliding.tla by hand: the board as an array of 8 tiles, the blank moving by -4, -1, 1, 4.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const run = () =>
  tlcBfs<number[]>({
    init: () => [[1, 2, 3, 4, 5, 6, 7, 0]],
    *next(board) {
      const b = board.indexOf(0);
      for (const d of [-4, -1, 1, 4]) {
        const n = b + d;
        if (n < 0 || n > 7) continue;
        if ((d === -1 || d === 1) && Math.floor(n / 4) !== Math.floor(b / 4)) continue;
        const t = board.slice();
        t[b] = board[n]!;
        t[n] = 0;
        yield t;
      }
    },
    key: (b) => b.join(''),
    invariants: [['IsPermutation', (b) => [...b].sort().join('') === '01234567']],
  });

printIfMain(import.meta.url, () => run());
