// Random specs over structured values -- a set, a sequence and a function -- for differential
// testing of value semantics that decide distinct counts: set normalisation, sequences built
// as functions on 1..n (`[i \in 1..Len(q) |-> ...]`, also empty) equal to tuples, EXCEPT with
// @, SelectSeq, CHOOSE of the least element, Cardinality. Like random-spec.ts, the spec is a data
// structure printed as TLA+ for the engine and interpreted in TypeScript for the oracle BFS.
import fc from 'fast-check';
import type { OracleModel } from '../../specs/oracles/tlc-bfs.js';

export type Template =
  | { readonly kind: 'add' }
  | { readonly kind: 'removeMin' }
  | { readonly kind: 'push' }
  | { readonly kind: 'pop' }
  | { readonly kind: 'bump'; readonly k: number }
  | { readonly kind: 'setF' }
  | { readonly kind: 'reverse' }
  | { readonly kind: 'drop'; readonly k: number };

export interface DataSpec {
  /** Init: S \in SUBSET base */
  readonly base: readonly number[];
  /** Init: q \in {<<>>, <<c>>} for c in this list (empty: q = <<>>) */
  readonly q0: readonly number[];
  readonly f0: number;
  readonly actions: readonly Template[];
  /** INVARIANT ~(Cardinality(S) = a /\ Len(q) = b) */
  readonly forbidden?: readonly [number, number];
  readonly checkDeadlock: boolean;
}

const small = fc.integer({ min: 0, max: 3 });
const template: fc.Arbitrary<Template> = fc.oneof(
  fc.constant({ kind: 'add' as const }),
  fc.constant({ kind: 'removeMin' as const }),
  fc.constant({ kind: 'push' as const }),
  fc.constant({ kind: 'pop' as const }),
  fc.record({ kind: fc.constant('bump' as const), k: fc.integer({ min: 1, max: 2 }) }),
  fc.constant({ kind: 'setF' as const }),
  fc.constant({ kind: 'reverse' as const }),
  fc.record({ kind: fc.constant('drop' as const), k: small }),
);

export const randomDataSpec: fc.Arbitrary<DataSpec> = fc.record(
  {
    base: fc.array(small, { maxLength: 3 }),
    q0: fc.array(small, { maxLength: 2 }),
    f0: fc.integer({ min: 0, max: 2 }),
    actions: fc.array(template, { minLength: 1, maxLength: 5 }),
    forbidden: fc.tuple(fc.integer({ min: 0, max: 4 }), small),
    checkDeadlock: fc.boolean(),
  },
  { requiredKeys: ['base', 'q0', 'f0', 'actions', 'checkDeadlock'] },
);

const set = (xs: readonly number[]) => `{${xs.join(', ')}}`;

function templateTla(t: Template): string {
  switch (t.kind) {
    case 'add':
      return `\\E e \\in (0..3) \\ S : S' = S \\cup {e} /\\ UNCHANGED <<q, f>>`;
    case 'removeMin':
      return `S /= {} /\\ S' = S \\ {CHOOSE e \\in S : \\A o \\in S : e <= o} /\\ UNCHANGED <<q, f>>`;
    case 'push':
      return `Len(q) < 3 /\\ \\E e \\in S : q' = Append(q, e) /\\ UNCHANGED <<S, f>>`;
    case 'pop':
      return `q /= <<>> /\\ q' = Tail(q) /\\ S' = S \\cup {Head(q)} /\\ UNCHANGED f`;
    case 'bump':
      return `\\E i \\in 0..1 : f' = [f EXCEPT ![i] = (@ + ${t.k}) % 3] /\\ UNCHANGED <<S, q>>`;
    case 'setF':
      return `f' = [i \\in 0..1 |-> Cardinality(S) % 3] /\\ UNCHANGED <<S, q>>`;
    case 'reverse':
      return `q' = [i \\in 1..Len(q) |-> q[Len(q) + 1 - i]] /\\ UNCHANGED <<S, f>>`;
    case 'drop':
      return `S' = {e \\in S : e /= ${t.k}} /\\ q' = SelectSeq(q, LAMBDA e : e /= ${t.k}) /\\ UNCHANGED f`;
    default: {
      const never: never = t;
      throw new Error(`unknown template ${String(never)}`);
    }
  }
}

export function dataToTla(name: string, s: DataSpec): { tla: string; cfg: string } {
  const q0 = s.q0.length === 0 ? 'q = <<>>' : `q \\in {<<>>} \\cup {<<c>> : c \\in ${set(s.q0)}}`;
  const tla = [
    `---- MODULE ${name} ----`,
    'EXTENDS Naturals, Sequences, FiniteSets',
    'VARIABLES S, q, f',
    `Init == S \\in SUBSET ${set(s.base)} /\\ ${q0} /\\ f = [i \\in 0..1 |-> ${s.f0}]`,
    ...s.actions.map((t, i) => `A${i} == ${templateTla(t)}`),
    `Next == ${s.actions.map((_, i) => `A${i}`).join(' \\/ ')}`,
    `Safe == ${s.forbidden ? `~(Cardinality(S) = ${s.forbidden[0]} /\\ Len(q) = ${s.forbidden[1]})` : 'TRUE'}`,
    '====',
    '',
  ].join('\n');
  const cfg = ['INIT Init', 'NEXT Next', ...(s.forbidden ? ['INVARIANT Safe'] : []), `CHECK_DEADLOCK ${s.checkDeadlock ? 'TRUE' : 'FALSE'}`, ''].join('\n');
  return { tla, cfg };
}

// ---- the TypeScript reading ----------------------------------------------------------------

interface St {
  readonly S: readonly number[]; // sorted, no duplicates
  readonly q: readonly number[];
  readonly f: readonly [number, number];
}

const norm = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

/** SUBSET in TLC's order (SubsetValue.elementsNormalized): by size, then lexicographically. */
function subsets(base: readonly number[]): number[][] {
  const b = norm(base);
  const all: number[][] = [[]];
  for (const x of b) for (const s of all.slice()) all.push([...s, x]);
  return all.sort((s, t) => s.length - t.length || s.join().localeCompare(t.join(), 'en', { numeric: true }));
}

function successors(t: Template, st: St): St[] {
  const { S, q, f } = st;
  switch (t.kind) {
    case 'add':
      return [0, 1, 2, 3].filter((e) => !S.includes(e)).map((e) => ({ S: norm([...S, e]), q, f }));
    case 'removeMin':
      return S.length > 0 ? [{ S: S.slice(1), q, f }] : [];
    case 'push':
      return q.length < 3 ? S.map((e) => ({ S, q: [...q, e], f })) : [];
    case 'pop':
      return q.length > 0 ? [{ S: norm([...S, q[0]!]), q: q.slice(1), f }] : [];
    case 'bump':
      return [0, 1].map((i) => ({ S, q, f: (i === 0 ? [(f[0] + t.k) % 3, f[1]] : [f[0], (f[1] + t.k) % 3]) as [number, number] }));
    case 'setF':
      return [{ S, q, f: [S.length % 3, S.length % 3] }];
    case 'reverse':
      return [{ S, q: [...q].reverse(), f }];
    case 'drop':
      return [{ S: S.filter((e) => e !== t.k), q: q.filter((e) => e !== t.k), f }];
    default: {
      const never: never = t;
      throw new Error(`unknown template ${String(never)}`);
    }
  }
}

export function dataToOracle(s: DataSpec): OracleModel<St> {
  return {
    *init() {
      const qs = s.q0.length === 0 ? [[]] : [[], ...norm(s.q0).map((c) => [c])];
      for (const S of subsets(s.base)) for (const q of qs) yield { S, q, f: [s.f0, s.f0] as const };
    },
    *next(st) {
      for (const t of s.actions) yield* successors(t, st);
    },
    key: (st) => JSON.stringify(st),
    invariants: s.forbidden ? [['Safe', (st: St) => !(st.S.length === s.forbidden![0] && st.q.length === s.forbidden![1])]] : [],
    checkDeadlock: s.checkDeadlock,
  };
}
