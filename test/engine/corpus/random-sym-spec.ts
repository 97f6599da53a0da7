// Random symmetric specs: three processes (model values p1, p2, p3) with a program counter each
// and a shared counter, every action the same for every process, checked with and without
// SYMMETRY Permutations(Procs). Under symmetry TLC deduplicates by orbit but explores the state
// it found first, not a canonical one, so the counts at a violation depend on which member of
// an orbit came first -- the oracle keeps actual states too.
import fc from 'fast-check';
import type { OracleModel } from '../../specs/oracles/tlc-bfs.js';

export type ProcAction =
  | { readonly kind: 'step'; readonly from: number; readonly to: number }
  | { readonly kind: 'acquire'; readonly from: number; readonly to: number; readonly limit: number }
  | { readonly kind: 'release'; readonly from: number; readonly to: number };

export interface SymSpec {
  readonly actions: readonly ProcAction[];
  /** a global action: when every process is at `at`, all go back to 0 and the counter too */
  readonly resetAt?: number;
  /** INVARIANT Cardinality({q \in Procs : pc[q] = 2}) /= k */
  readonly forbiddenAtTwo?: number;
  readonly symmetric: boolean;
  readonly checkDeadlock: boolean;
}

const pcVal = fc.integer({ min: 0, max: 2 });
const procAction: fc.Arbitrary<ProcAction> = fc.oneof(
  fc.record({ kind: fc.constant('step' as const), from: pcVal, to: pcVal }),
  fc.record({ kind: fc.constant('acquire' as const), from: pcVal, to: pcVal, limit: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('release' as const), from: pcVal, to: pcVal }),
);

export const randomSymSpec: fc.Arbitrary<SymSpec> = fc.record(
  {
    actions: fc.array(procAction, { minLength: 1, maxLength: 4 }),
    resetAt: pcVal,
    forbiddenAtTwo: fc.integer({ min: 1, max: 3 }),
    symmetric: fc.boolean(),
    checkDeadlock: fc.boolean(),
  },
  { requiredKeys: ['actions', 'symmetric', 'checkDeadlock'] },
);

function actionTla(a: ProcAction): string {
  const move = `pc[p] = ${a.from} /\\ pc' = [pc EXCEPT ![p] = ${a.to}]`;
  switch (a.kind) {
    case 'step':
      return `${move} /\\ UNCHANGED c`;
    case 'acquire':
      return `${move} /\\ c < ${a.limit} /\\ c' = c + 1`;
    case 'release':
      return `${move} /\\ c > 0 /\\ c' = c - 1`;
    default: {
      const never: never = a;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

export function symToTla(name: string, s: SymSpec): { tla: string; cfg: string } {
  const tla = [
    `---- MODULE ${name} ----`,
    'EXTENDS Naturals, FiniteSets, TLC',
    'CONSTANT Procs',
    'VARIABLES pc, c',
    'Init == pc = [q \\in Procs |-> 0] /\\ c = 0',
    ...s.actions.map((a, i) => `A${i}(p) == ${actionTla(a)}`),
    `Reset == ${s.resetAt !== undefined ? `(\\A q \\in Procs : pc[q] = ${s.resetAt}) /\\ pc' = [q \\in Procs |-> 0] /\\ c' = 0` : 'FALSE'}`,
    `Next == (\\E p \\in Procs : ${s.actions.map((_, i) => `A${i}(p)`).join(' \\/ ')}) \\/ Reset`,
    `Safe == ${s.forbiddenAtTwo !== undefined ? `Cardinality({q \\in Procs : pc[q] = 2}) /= ${s.forbiddenAtTwo}` : 'TRUE'}`,
    'Sym == Permutations(Procs)',
    '====',
    '',
  ].join('\n');
  const cfg = [
    'CONSTANT Procs = {p3, p1, p2}',
    'INIT Init',
    'NEXT Next',
    ...(s.forbiddenAtTwo !== undefined ? ['INVARIANT Safe'] : []),
    ...(s.symmetric ? ['SYMMETRY Sym'] : []),
    `CHECK_DEADLOCK ${s.checkDeadlock ? 'TRUE' : 'FALSE'}`,
    '',
  ].join('\n');
  return { tla, cfg };
}

interface St {
  readonly pc: readonly number[]; // indexed by p1, p2, p3 (TLC's order of the model values)
  readonly c: number;
}

export function symToOracle(s: SymSpec): OracleModel<St> {
  return {
    init: () => [{ pc: [0, 0, 0], c: 0 }],
    *next({ pc, c }) {
      for (let p = 0; p < 3; p++) {
        for (const a of s.actions) {
          if (pc[p] !== a.from) continue;
          const pc2 = pc.map((v, i) => (i === p ? a.to : v));
          if (a.kind === 'step') yield { pc: pc2, c };
          if (a.kind === 'acquire' && c < a.limit) yield { pc: pc2, c: c + 1 };
          if (a.kind === 'release' && c > 0) yield { pc: pc2, c: c - 1 };
        }
      }
      if (s.resetAt !== undefined && pc.every((v) => v === s.resetAt)) yield { pc: [0, 0, 0], c: 0 };
    },
    // An orbit of Permutations(Procs) is the multiset of program counters with the counter.
    key: s.symmetric ? ({ pc, c }) => `${[...pc].sort().join('')}/${c}` : ({ pc, c }) => `${pc.join('')}/${c}`,
    invariants:
      s.forbiddenAtTwo !== undefined ? [['Safe', ({ pc }: St) => pc.filter((v) => v === 2).length !== s.forbiddenAtTwo]] : [],
    checkDeadlock: s.checkDeadlock,
  };
}
