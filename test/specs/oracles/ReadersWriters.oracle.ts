// ReadersWriters.tla / ReadersWritersSym.tla by hand: reading and writing as sorted name lists.
// Under the symmetry of both sets, a state is identified by how many read and how many write.
import { printIfMain, tlcBfs, type OracleModel } from './tlc-bfs.js';

interface S { reading: string[]; writing: string[] }
const readers = ['r1', 'r2', 'r3'];
const writers = ['w1', 'w2'];

const model = (symmetric: boolean): OracleModel<S> => ({
  init: () => [{ reading: [], writing: [] }],
  *next({ reading, writing }) {
    for (const r of readers) {
      if (writing.length === 0 && !reading.includes(r)) yield { reading: [...reading, r].sort(), writing };
      if (reading.includes(r)) yield { reading: reading.filter((x) => x !== r), writing };
    }
    for (const w of writers) {
      if (reading.length === 0 && writing.length === 0) yield { reading, writing: [w] };
      if (writing.includes(w)) yield { reading, writing: [] };
    }
  },
  ...(symmetric ? { key: (s: S) => `${s.reading.length}/${s.writing.length}` } : {}),
  invariants: [
    ['Exclusion', (s) => s.writing.length === 0 || s.reading.length === 0],
    ['OneWriter', (s) => s.writing.length <= 1],
  ],
});

export const run = () => tlcBfs(model(false));
export const runSym = () => tlcBfs(model(true));

printIfMain(import.meta.url, () => run());
