// Pipeline.tla by hand: the translated PlusCal (producers 1 and 2, consumer 0) as a TypeScript
// state machine in TLC's successor order (Next == Cons \/ \E self \in {1, 2} : Prod(self) \/
// Terminating; either-branches in order; \E over sets in ascending order), searched by the
// TLC-counting BFS of test/specs/oracles. Nothing from engine/ is imported.
import { printIfMain, tlcBfs, type OracleModel } from '../../oracles/tlc-bfs.js';

interface S { bag: number[]; count: number; pc: [string, string, string]; got: number } // pc[0] consumer, pc[1], pc[2] producers

const withPc = (s: S, i: 0 | 1 | 2, v: string): S['pc'] => s.pc.map((p, j) => (j === i ? v : p)) as S['pc'];
const add = (bag: readonly number[], v: number) => (bag.includes(v) ? [...bag] : [...bag, v].sort((a, b) => a - b));

export const model: OracleModel<S> = {
  init: () => [{ bag: [], count: 0, pc: ['c1', 'p1', 'p1'], got: 0 }],
  *next(s) {
    // Cons: c1 takes any value of the bag, c2 finishes
    if (s.pc[0] === 'c1' && s.bag.length > 0) {
      for (const v of s.bag) yield { ...s, got: v, bag: s.bag.filter((b) => b !== v), pc: withPc(s, 0, 'c2') };
    }
    if (s.pc[0] === 'c2') yield { ...s, pc: withPc(s, 0, 'Done') };
    for (const self of [1, 2] as const) {
      if (s.pc[self] === 'p1') {
        for (const v of [10, 20]) yield { ...s, bag: add(s.bag, v + self), pc: withPc(s, self, 'p2') };
        yield { ...s, pc: withPc(s, self, 'p2') }; // the skip branch
      }
      if (s.pc[self] === 'p2' && s.count < 2) yield { ...s, count: s.count + 1, pc: withPc(s, self, 'p3') };
      if (s.pc[self] === 'p3') yield { ...s, pc: withPc(s, self, 'Done') };
    }
    if (s.pc.every((p) => p === 'Done')) yield s; // Terminating
  },
  invariants: [['TypeOK', (s) => s.count <= 2 && [0, 11, 12, 21, 22].includes(s.got) && s.bag.length <= 2]],
};

export const run = () => tlcBfs(model);
/** PipelineLive.tla: CHECK_DEADLOCK FALSE, so the whole graph is searched. */
export const runLive = () => tlcBfs({ ...model, checkDeadlock: false });

printIfMain(import.meta.url, () => run());
