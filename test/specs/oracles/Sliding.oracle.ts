// Sliding.tla / SlidingNine.tla by hand: the board as an array of tiles, row-major, the blank (0)
// swapping with the tile -width, -1, +1, +width away (the order of Next's \E).
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const sliding = (width: number, height: number, from?: number[]) => {
  const n = width * height;
  const solved = [...Array(n).keys()].map((i) => (i + 1) % n);
  const start = from ?? solved;
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
    invariants: [
      ['IsPermutation', (b) => [...b].sort((p, q) => p - q).every((v, i) => v === i)],
      // SlidingGoal's NotSolved; trivially true while exploring from the solved board
      ['NotSolved', (b) => from === undefined || b.join() !== solved.join()],
    ],
  });
};

export const run = () => sliding(4, 2);

printIfMain(import.meta.url, () => run());
