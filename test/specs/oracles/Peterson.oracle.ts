// Peterson.tla by hand: pc/flag as two-element arrays indexed by process 0 and 1.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

type Pc = 'ncs' | 'turn' | 'wait' | 'cs';
interface S { pc: [Pc, Pc]; flag: [boolean, boolean]; turn: 0 | 1 }

const set = <T>(xs: [T, T], i: 0 | 1, v: T): [T, T] => (i === 0 ? [v, xs[1]] : [xs[0], v]);

export const run = () =>
  tlcBfs<S>({
    init: () => [{ pc: ['ncs', 'ncs'], flag: [false, false], turn: 0 }],
    *next(s) {
      for (const i of [0, 1] as const) {
        const o = (1 - i) as 0 | 1;
        if (s.pc[i] === 'ncs') yield { pc: set(s.pc, i, 'turn'), flag: set(s.flag, i, true), turn: s.turn };
        if (s.pc[i] === 'turn') yield { pc: set(s.pc, i, 'wait'), flag: s.flag, turn: o };
        if (s.pc[i] === 'wait' && (!s.flag[o] || s.turn === i)) yield { pc: set(s.pc, i, 'cs'), flag: s.flag, turn: s.turn };
        if (s.pc[i] === 'cs') yield { pc: set(s.pc, i, 'ncs'), flag: set(s.flag, i, false), turn: s.turn };
      }
    },
    invariants: [
      ['TypeOK', () => true],
      ['MutualExclusion', (s) => !(s.pc[0] === 'cs' && s.pc[1] === 'cs')],
    ],
  });

printIfMain(import.meta.url, () => run());
