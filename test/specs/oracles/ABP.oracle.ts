// ABP.tla / ABPWeak.tla by hand: the alternating bit protocol with queues as arrays.
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness, type Fairness } from './tlc-liveness.js';

interface S { sb: number; sv: number; rb: number; rv: number; msgQ: [number, number][]; ackQ: number[] }
const data = [0, 1];
const maxLen = 2;
const without = <T>(q: T[], i: number) => q.filter((_, j) => j !== i);

const sendMsg = (s: S): S[] => (s.msgQ.length < maxLen ? [{ ...s, msgQ: [...s.msgQ, [s.sb, s.sv]] }] : []);
const rcvMsg = (s: S): S[] => {
  if (s.msgQ.length === 0) return [];
  const [bit, val] = s.msgQ[0]!;
  const msgQ = s.msgQ.slice(1);
  return [bit === s.rb ? { ...s, msgQ, rb: 1 - s.rb, rv: val } : { ...s, msgQ }];
};
const sendAck = (s: S): S[] => (s.ackQ.length < maxLen ? [{ ...s, ackQ: [...s.ackQ, 1 - s.rb] }] : []);
const rcvAck = (s: S): S[] => {
  if (s.ackQ.length === 0) return [];
  const ackQ = s.ackQ.slice(1);
  return s.ackQ[0] === s.sb ? data.map((sv) => ({ ...s, ackQ, sb: 1 - s.sb, sv })) : [{ ...s, ackQ }];
};
const loseMsg = (s: S): S[] => s.msgQ.map((_, i) => ({ ...s, msgQ: without(s.msgQ, i) }));
const loseAck = (s: S): S[] => s.ackQ.map((_, i) => ({ ...s, ackQ: without(s.ackQ, i) }));

const abp: OracleModel<S> = {
  *init() {
    for (const sv of data) for (const rv of data) yield { sb: 0, sv, rb: 0, rv, msgQ: [], ackQ: [] };
  },
  next: (s) => [...sendMsg(s), ...rcvMsg(s), ...sendAck(s), ...rcvAck(s), ...loseMsg(s), ...loseAck(s)],
  invariants: [
    ['TypeOK', () => true],
    ['Delivered', (s) => s.rb === s.sb || s.rv === s.sv],
  ],
};
const fairness = (rcv: 'WF' | 'SF'): Fairness<S>[] => [
  { kind: rcv, step: rcvMsg },
  { kind: rcv, step: rcvAck },
  { kind: 'WF', step: sendMsg },
  { kind: 'WF', step: sendAck },
];
const alternates = {
  kind: 'all',
  props: [0, 1].map((b) => ({ kind: 'infinitelyOften', p: (s: S) => s.sb === b }) as const),
} as const;

export const run = () => tlcLiveness(abp, fairness('SF'), alternates);
export const runWeak = () => tlcLiveness(abp, fairness('WF'), alternates);

printIfMain(import.meta.url, () => run());
