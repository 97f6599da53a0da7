// PlusCalls.tla by hand: the translated PlusCal (two processes calling procedure Add) as a
// TypeScript state machine, searched by the TLC-counting BFS of test/specs/oracles. Nothing
// from engine/ is imported, so the expected numbers are independent of our engine.
import { printIfMain, tlcBfs, type OracleModel } from '../../oracles/tlc-bfs.js';

interface Frame { procedure: 'Add'; pc: string; tmp: number; n: number }
interface S { total: number; pc: string[]; stack: Frame[][]; n: number[]; tmp: number[] }

const set = <T>(xs: readonly T[], i: number, v: T): T[] => xs.map((x, j) => (j === i ? v : x));
const procs = [0, 1]; // self = 1, 2 at indices 0, 1

export const model: OracleModel<S> = {
  init: () => [{ total: 0, pc: ['P1', 'P1'], stack: [[], []], n: [0, 0], tmp: [0, 0] }],
  *next(s) {
    for (const i of procs) {
      // A1(self): tmp[self] := total + n[self]
      if (s.pc[i] === 'A1') yield { ...s, tmp: set(s.tmp, i, s.total + s.n[i]!), pc: set(s.pc, i, 'A2') };
      // A2(self): total := tmp[self]; return (restore pc, tmp, n from the frame)
      if (s.pc[i] === 'A2') {
        const [top, ...rest] = s.stack[i]!;
        yield { total: s.tmp[i]!, pc: set(s.pc, i, top!.pc), tmp: set(s.tmp, i, top!.tmp), n: set(s.n, i, top!.n), stack: set(s.stack, i, rest) };
      }
    }
    for (const i of procs) {
      // P1(self): call Add(self)
      if (s.pc[i] === 'P1') {
        const frame: Frame = { procedure: 'Add', pc: 'P2', tmp: s.tmp[i]!, n: s.n[i]! };
        yield { ...s, n: set(s.n, i, i + 1), stack: set(s.stack, i, [frame, ...s.stack[i]!]), tmp: set(s.tmp, i, 0), pc: set(s.pc, i, 'A1') };
      }
      if (s.pc[i] === 'P2') yield { ...s, pc: set(s.pc, i, 'Done') };
    }
    if (s.pc.every((p) => p === 'Done')) yield s; // Terminating: a stuttering step, still generated
  },
  invariants: [
    ['TotalOK', (s) => !s.pc.every((p) => p === 'Done') || [1, 2, 3].includes(s.total)],
    ['StackOK', (s) => s.stack.every((f) => f.length <= 1)],
  ],
};

export const run = () => tlcBfs(model);

printIfMain(import.meta.url, () => run());

/** PlusCallsLost.tla: the same algorithm, invariant NoLostUpdate (total = 3 once both are done). */
export const runLost = () =>
  tlcBfs({ ...model, invariants: [['NoLostUpdate', (s: S) => !s.pc.every((p) => p === 'Done') || s.total === 3]] });
