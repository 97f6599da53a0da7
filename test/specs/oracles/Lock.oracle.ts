// Lock.tla / LockWeak.tla by hand: pc of processes a and b, and the holder ('free', 'a' or 'b').
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness, type Fairness, type LiveProperty } from './tlc-liveness.js';

type Pc = 'idle' | 'waiting' | 'cs';
interface S { pc: [Pc, Pc]; holder: string }
const names = ['a', 'b'];
const set = (pc: [Pc, Pc], i: number, v: Pc): [Pc, Pc] => (i === 0 ? [v, pc[1]] : [pc[0], v]);

const want = (i: number) => (s: S): S[] => (s.pc[i] === 'idle' ? [{ pc: set(s.pc, i, 'waiting'), holder: s.holder }] : []);
const acquire = (i: number) => (s: S): S[] =>
  s.pc[i] === 'waiting' && s.holder === 'free' ? [{ pc: set(s.pc, i, 'cs'), holder: names[i]! }] : [];
const release = (i: number) => (s: S): S[] => (s.pc[i] === 'cs' ? [{ pc: set(s.pc, i, 'idle'), holder: 'free' }] : []);

const lock: OracleModel<S> = {
  init: () => [{ pc: ['idle', 'idle'], holder: 'free' }],
  next: (s) => [0, 1].flatMap((i) => [...want(i)(s), ...acquire(i)(s), ...release(i)(s)]),
  invariants: [['Exclusive', (s) => !(s.pc[0] === 'cs' && s.pc[1] === 'cs')]],
};
const noStarvation: LiveProperty<S> = {
  kind: 'all',
  props: [0, 1].map((i) => ({ kind: 'leadsTo', p: (s: S) => s.pc[i] === 'waiting', q: (s: S) => s.pc[i] === 'cs' }) as const),
};
const fairness = (acq: 'WF' | 'SF'): Fairness<S>[] =>
  [0, 1].flatMap((i) => [{ kind: 'WF', step: release(i) } as const, { kind: acq, step: acquire(i) } as const]);

export const run = () => tlcLiveness(lock, fairness('SF'), noStarvation);
export const runWeak = () => tlcLiveness(lock, fairness('WF'), noStarvation);

printIfMain(import.meta.url, () => run());
