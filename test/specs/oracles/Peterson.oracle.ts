// Peterson.tla / PetersonUnfair.tla by hand: pc/flag as two-element arrays indexed by process 0
// and 1; Starvation checked by the liveness oracle under WF per process, or no fairness.
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness, type LiveProperty } from './tlc-liveness.js';

type Pc = 'ncs' | 'turn' | 'wait' | 'cs';
interface S { pc: [Pc, Pc]; flag: [boolean, boolean]; turn: 0 | 1 }

const set = <T>(xs: [T, T], i: 0 | 1, v: T): [T, T] => (i === 0 ? [v, xs[1]] : [xs[0], v]);

const proc = (i: 0 | 1) => (s: S): S[] => {
  const o = (1 - i) as 0 | 1;
  const out: S[] = [];
  if (s.pc[i] === 'ncs') out.push({ pc: set(s.pc, i, 'turn'), flag: set(s.flag, i, true), turn: s.turn });
  if (s.pc[i] === 'turn') out.push({ pc: set(s.pc, i, 'wait'), flag: s.flag, turn: o });
  if (s.pc[i] === 'wait' && (!s.flag[o] || s.turn === i)) out.push({ pc: set(s.pc, i, 'cs'), flag: s.flag, turn: s.turn });
  if (s.pc[i] === 'cs') out.push({ pc: set(s.pc, i, 'ncs'), flag: set(s.flag, i, false), turn: s.turn });
  return out;
};

const peterson: OracleModel<S> = {
  init: () => [{ pc: ['ncs', 'ncs'], flag: [false, false], turn: 0 }],
  next: (s) => [...proc(0)(s), ...proc(1)(s)],
  invariants: [
    ['TypeOK', () => true],
    ['MutualExclusion', (s) => !(s.pc[0] === 'cs' && s.pc[1] === 'cs')],
  ],
};

// Starvation == \A i \in Procs : (pc[i] = "turn") ~> (pc[i] = "cs")
const starvation: LiveProperty<S> = {
  kind: 'all',
  props: ([0, 1] as const).map((i) => ({ kind: 'leadsTo', p: (s: S) => s.pc[i] === 'turn', q: (s: S) => s.pc[i] === 'cs' }) as const),
};

export const run = () => tlcLiveness(peterson, [{ kind: 'WF', step: proc(0) }, { kind: 'WF', step: proc(1) }], starvation);
export const runUnfair = () => tlcLiveness(peterson, [], starvation);

printIfMain(import.meta.url, () => run());
