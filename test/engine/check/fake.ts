// A hand-written CompiledSpec over integer variables, so the search can be tested on tiny
// state machines without the front end or the evaluator. Successors carry an action label
// per disjunct, as the evaluator's would.
import type { ActionLabel, CompiledSpec, Property, State } from '../../../engine/eval/api.js';
import type { Loc } from '../../../engine/frontend/ast.js';
import type { Value } from '../../../engine/values/value.js';

export type Ints = readonly number[];

export function loc(line: number, module = 'Fake'): Loc {
  return { file: `${module}.tla`, module, line, col: 1, endLine: line, endCol: 20 };
}

export interface FakeSpec {
  variables: readonly string[];
  init: () => Iterable<Ints>;
  /** disjuncts of Next in order: each yields the successors of that disjunct */
  actions: readonly { name: string; line: number; next: (s: Ints) => Iterable<Ints> }[];
  invariants?: readonly [string, (s: Ints) => boolean][];
  actionProperties?: readonly [string, (s: Ints, t: Ints) => boolean][];
  initPredicates?: readonly [string, (s: Ints) => boolean][];
  temporal?: readonly string[];
  constraint?: (s: Ints) => boolean;
  actionConstraint?: (s: Ints, t: Ints) => boolean;
  view?: (s: Ints) => unknown;
  checkDeadlock?: boolean;
  assumptions?: readonly boolean[];
  postconditions?: readonly [string, () => boolean][];
}

const toState = (xs: Ints): State => xs.map((n): Value => ({ kind: 'int', n }));
const toInts = (s: State): Ints => s.map((v) => (v.kind === 'int' ? v.n : NaN));

export function fakeSpec(f: FakeSpec): CompiledSpec {
  const props: Property[] = [
    ...(f.actionProperties ?? []).map(([name, holds], i): Property => ({ kind: 'actionInvariant', name, loc: loc(100 + i), holds: (s, t) => holds(toInts(s), toInts(t)) })),
    ...(f.initPredicates ?? []).map(([name, holds], i): Property => ({ kind: 'initPredicate', name, loc: loc(200 + i), holds: (s) => holds(toInts(s)) })),
    ...(f.temporal ?? []).map((name, i): Property => ({ kind: 'temporal', name, loc: loc(300 + i), formula: { kind: 'bool', value: true, loc: loc(300 + i) } })),
  ];
  return {
    rootModule: 'Fake',
    variables: f.variables,
    checkAssumptions: () => (f.assumptions ?? []).map((holds, i) => ({ holds, loc: loc(50 + i) })),
    *initStates() {
      for (const s of f.init()) yield toState(s);
    },
    *successors(s: State) {
      for (const a of f.actions) {
        const action: ActionLabel = { name: a.name, loc: loc(a.line) };
        for (const t of a.next(toInts(s))) yield { state: toState(t), action };
      }
    },
    invariants: (f.invariants ?? []).map(([name, holds], i) => ({ name, loc: loc(10 + i), holds: (s: State) => holds(toInts(s)) })),
    stateConstraint: (s) => (f.constraint ? f.constraint(toInts(s)) : true),
    actionConstraint: (s, t) => (f.actionConstraint ? f.actionConstraint(toInts(s), toInts(t)) : true),
    properties: props,
    fairness: [],
    fingerprint: (s) => JSON.stringify(f.view ? f.view(toInts(s)) : toInts(s)),
    formatState: (s) => toInts(s).map((n, i) => `/\\ ${f.variables[i]} = ${n}`).join('\n'),
    itfState: (s) => Object.fromEntries(toInts(s).map((n, i) => [f.variables[i]!, { '#bigint': String(n) }])),
    postconditions: (f.postconditions ?? []).map(([name, holds], i) => ({ name, loc: loc(400 + i), holds })),
    checkDeadlock: f.checkDeadlock ?? true,
  };
}

export { toInts };
