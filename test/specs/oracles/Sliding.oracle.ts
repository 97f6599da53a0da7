// Sliding.tla / SlidingNine.tla by hand: the board as an array of tiles, row-major, the blank (0)
// swapping with the tile -width, -1, +1, +width away (the order of Next's \E).
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const sliding = (width: number, height: number) => {
  const n = width * height;
  const start = [...Array(n).keys()].map((i) => (i + 1) % n);
  return tlcBfs<number[]>({
    init: () => [start],
    *next(board) {
      const b = board.indexOf(0);
      for (const d of [-width, -1, 1, width]) {
        const t = b + d;
        if (t < 0 || t >= n) continue;
        if ((d === -1 || d === 1) && Math.floor(t / width) !== Math.floor(b / width)) continue;
        const next = board.slice();
        next[b] = board[t]!;
        next[t] = 0;
        yield next;
      }
    },
    key: (b) => b.join(','),
    invariants: [['IsPermutation', (b) => [...b].sort((p, q) => p - q).every((v, i) => v === i)]],
  });
};

export const run = () => sliding(4, 2);

printIfMain(import.meta.url, () => run());
