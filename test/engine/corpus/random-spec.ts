// Random small specs for differential testing of the engine's counting rules: each spec is a
// plain data structure that is both printed as TLA+ (for the engine) and interpreted directly in
// TypeScript (for the oracle in test/specs/oracles/tlc-bfs.ts). The family covers what the
// counts depend on: duplicate initial states, \E and x' \in S branching, self-loops, guards,
// CONSTRAINT, ACTION_CONSTRAINT, VIEW, deadlock on or off, and invariant and action-property
// violations whose counts depend on TLC's successor order. Values stay small non-negative integers, so TLC's order on
// them is the numeric one and `%` needs no sign rules.
import fc from 'fast-check';
import type { OracleModel } from '../../specs/oracles/tlc-bfs.js';
import type { Fairness, LiveProperty } from '../../specs/oracles/tlc-liveness.js';

export type Var = 'x' | 'y';

/** The value a primed variable gets: (v + k) % m, a constant, or one of a set. */
export type Update =
  | { readonly kind: 'step'; readonly from: Var; readonly add: number; readonly mod: number }
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'oneOf'; readonly values: readonly number[] }
  | { readonly kind: 'same' }
  /** (v + d) % mod for the action's \E-bound d */
  | { readonly kind: 'byParam'; readonly from: Var; readonly mod: number }
  /** IF test > bound THEN value ELSE (v + 1) % mod */
  | { readonly kind: 'cond'; readonly test: Var; readonly bound: number; readonly value: number; readonly mod: number };

export type Guard =
  | { readonly kind: 'true' }
  | { readonly kind: 'less'; readonly v: Var; readonly bound: number }
  | { readonly kind: 'greater'; readonly v: Var; readonly bound: number }
  | { readonly kind: 'differ' };

export interface Action {
  readonly guard: Guard;
  /** values of the \E-bound d, in the order written (TLC enumerates them normalised) */
  readonly params?: readonly number[];
  readonly x: Update;
  readonly y: Update;
}

export type Atom = readonly [Var, number];

export type SimpleProp =
  | { readonly kind: 'eventually' | 'infinitelyOften' | 'eventuallyAlways'; readonly p: Atom }
  /** written P ~> Q, or [](P => <>Q) when `boxed` */
  | { readonly kind: 'leadsTo'; readonly p: Atom; readonly q: Atom; readonly boxed?: boolean }
  /** []<><<A_i>>_vars */
  | { readonly kind: 'stepsForever'; readonly action: number };

export interface Live {
  /** fairness on one action, or on the disjunction of two (WF_vars(A0 \/ A2)) */
  readonly fair: readonly { readonly strong: boolean; readonly action: number; readonly orAction?: number }[];
  /** a conjunction of one or two properties */
  readonly props: readonly SimpleProp[];
}

export interface RandomSpec {
  readonly initX: readonly number[];
  readonly initY: readonly number[];
  /** an extra Init disjunct x = a /\ y = b (may duplicate a state) */
  readonly initExtra?: readonly [number, number];
  readonly actions: readonly Action[];
  /** CONSTRAINT x + y <= bound */
  readonly constraintSum?: number;
  /** ACTION_CONSTRAINT x' + y' /= x + y + k */
  readonly actionConstraintNot?: number;
  /** INVARIANT ~(x = a /\ y = b) */
  readonly forbidden?: readonly [number, number];
  /** PROPERTY [][x' + y' >= x + y - k]_<<x, y>> */
  readonly monotoneSlack?: number;
  /** VIEW x, or VIEW <<x, y % 2>> */
  readonly view?: 'x' | 'xParity';
  /** fairness on some actions and a temporal PROPERTY Live (then SPECIFICATION Spec) */
  readonly live?: Live;
  readonly checkDeadlock: boolean;
}

const num = fc.integer({ min: 0, max: 4 });
const vr = fc.constantFrom<Var>('x', 'y');
const update = (withParam: boolean): fc.Arbitrary<Update> =>
  fc.oneof(
    fc.record({ kind: fc.constant('step' as const), from: vr, add: fc.integer({ min: 0, max: 3 }), mod: fc.integer({ min: 2, max: 5 }) }),
    fc.record({ kind: fc.constant('const' as const), value: num }),
    fc.record({ kind: fc.constant('oneOf' as const), values: fc.array(num, { minLength: 1, maxLength: 3 }) }),
    fc.constant({ kind: 'same' as const }),
    fc.record({ kind: fc.constant('cond' as const), test: vr, bound: fc.integer({ min: 0, max: 3 }), value: num, mod: fc.integer({ min: 2, max: 5 }) }),
    ...(withParam ? [fc.record({ kind: fc.constant('byParam' as const), from: vr, mod: fc.integer({ min: 2, max: 5 }) })] : []),
  );
const guard: fc.Arbitrary<Guard> = fc.oneof(
  fc.constant({ kind: 'true' as const }),
  fc.record({ kind: fc.constant('less' as const), v: vr, bound: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('greater' as const), v: vr, bound: fc.integer({ min: 0, max: 3 }) }),
  fc.constant({ kind: 'differ' as const }),
);
const action: fc.Arbitrary<Action> = fc.boolean().chain((withParam) =>
  fc.record(
    {
      guard,
      params: fc.array(num, { minLength: 1, maxLength: 3 }),
      x: update(withParam),
      y: update(withParam),
    },
    { requiredKeys: withParam ? ['guard', 'params', 'x', 'y'] : ['guard', 'x', 'y'] },
  ),
);

const anySpec: fc.Arbitrary<RandomSpec> = fc.record(
  {
    initX: fc.array(num, { minLength: 1, maxLength: 3 }),
    initY: fc.array(num, { minLength: 1, maxLength: 2 }),
    initExtra: fc.tuple(num, num),
    actions: fc.array(action, { minLength: 1, maxLength: 4 }),
    constraintSum: fc.integer({ min: 1, max: 7 }),
    actionConstraintNot: fc.integer({ min: 0, max: 2 }),
    forbidden: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })),
    monotoneSlack: fc.integer({ min: 0, max: 3 }),
    view: fc.constantFrom('x' as const, 'xParity' as const),
    checkDeadlock: fc.boolean(),
  },
  { requiredKeys: ['initX', 'initY', 'actions', 'checkDeadlock'] },
);

const atom: fc.Arbitrary<Atom> = fc.tuple(vr, fc.integer({ min: 0, max: 3 }));
const simpleProp: fc.Arbitrary<SimpleProp> = fc.oneof(
  fc.record({ kind: fc.constantFrom('eventually' as const, 'infinitelyOften' as const, 'eventuallyAlways' as const), p: atom }),
  fc.record({ kind: fc.constant('leadsTo' as const), p: atom, q: atom, boxed: fc.boolean() }),
  fc.record({ kind: fc.constant('stepsForever' as const), action: fc.nat() }),
);
const live: fc.Arbitrary<Live> = fc.record({
  fair: fc.array(fc.record({ strong: fc.boolean(), action: fc.nat(), orAction: fc.nat() }, { requiredKeys: ['strong', 'action'] }), { maxLength: 3 }),
  props: fc.array(simpleProp, { minLength: 1, maxLength: 2 }),
});

/** Specs with fairness and a temporal property, kept to what TLC checks soundly: no CONSTRAINT,
 *  ACTION_CONSTRAINT or VIEW (TLC warns that liveness under those may be wrong). */
export const randomLiveSpec: fc.Arbitrary<RandomSpec> = fc.tuple(anySpec, live).map(([s, l]) => ({
  ...s,
  constraintSum: undefined,
  actionConstraintNot: undefined,
  view: undefined,
  monotoneSlack: undefined,
  live: {
    ...l,
    props: l.props.map((p) => (p.kind === 'stepsForever' ? { ...p, action: p.action % s.actions.length } : p)),
    fair: l.fair.map((f) => ({
      ...f,
      action: f.action % s.actions.length,
      ...(f.orAction !== undefined ? { orAction: f.orAction % s.actions.length } : {}),
    })),
  },
}));

/** VIEW only without constraints: TLC rebuilds a trace from fingerprints, taking the first
 *  initial state or successor with the recorded fingerprint (Tool.getState) without asking the
 *  constraints, so a constrained-out state sharing a view makes TLC itself fail
 *  (TLC_FAILED_TO_RECOVER_NEXT). That corner is TLC's, not a counting rule. */
export const randomSpec: fc.Arbitrary<RandomSpec> = anySpec.map((s) =>
  s.view !== undefined && (s.constraintSum !== undefined || s.actionConstraintNot !== undefined)
    ? { ...s, constraintSum: undefined, actionConstraintNot: undefined }
    : s,
);

// ---- TLA+ text ------------------------------------------------------------------------

const set = (xs: readonly number[]) => `{${xs.join(', ')}}`;

function updateTla(v: Var, u: Update): string {
  switch (u.kind) {
    case 'step':
      return `${v}' = (${u.from} + ${u.add}) % ${u.mod}`;
    case 'const':
      return `${v}' = ${u.value}`;
    case 'oneOf':
      return `${v}' \\in ${set(u.values)}`;
    case 'same':
      return `UNCHANGED ${v}`;
    case 'byParam':
      return `${v}' = (${u.from} + d) % ${u.mod}`;
    case 'cond':
      return `${v}' = (IF ${u.test} > ${u.bound} THEN ${u.value} ELSE (${v} + 1) % ${u.mod})`;
    default: {
      const never: never = u;
      throw new Error(`unknown update ${String(never)}`);
    }
  }
}

function guardTla(g: Guard): string {
  switch (g.kind) {
    case 'true':
      return 'TRUE';
    case 'less':
      return `${g.v} < ${g.bound}`;
    case 'greater':
      return `${g.v} > ${g.bound}`;
    case 'differ':
      return 'x /= y';
    default: {
      const never: never = g;
      throw new Error(`unknown guard ${String(never)}`);
    }
  }
}

export function toTla(name: string, s: RandomSpec): { tla: string; cfg: string } {
  const init = `(x \\in ${set(s.initX)} /\\ y \\in ${set(s.initY)})` + (s.initExtra ? ` \\/ (x = ${s.initExtra[0]} /\\ y = ${s.initExtra[1]})` : '');
  const actions = s.actions.map((a, i) => {
    const body = `${guardTla(a.guard)} /\\ ${updateTla('x', a.x)} /\\ ${updateTla('y', a.y)}`;
    return `A${i} == ${a.params ? `\\E d \\in ${set(a.params)} : ${body}` : body}`;
  });
  const tla = [
    `---- MODULE ${name} ----`,
    'EXTENDS Naturals',
    'VARIABLES x, y',
    `Init == ${init}`,
    ...actions,
    `Next == ${s.actions.map((_, i) => `A${i}`).join(' \\/ ')}`,
    `Bound == ${s.constraintSum !== undefined ? `x + y <= ${s.constraintSum}` : 'TRUE'}`,
    `StepRule == ${s.actionConstraintNot !== undefined ? `x' + y' /= x + y + ${s.actionConstraintNot}` : 'TRUE'}`,
    `Safe == ${s.forbidden ? `~(x = ${s.forbidden[0]} /\\ y = ${s.forbidden[1]})` : 'TRUE'}`,
    `Mono == [][x' + y' >= x + y - ${s.monotoneSlack ?? 0}]_<<x, y>>`,
    `View == ${s.view === 'xParity' ? '<<x, y % 2>>' : 'x'}`,
    'vars == <<x, y>>',
    `Spec == Init /\\ [][Next]_vars${(s.live?.fair ?? [])
      .map((f) => ` /\\ ${f.strong ? 'SF' : 'WF'}_vars(${f.orAction !== undefined ? `A${f.action} \\/ A${f.orAction}` : `A${f.action}`})`)
      .join('')}`,
    `Live == ${s.live ? liveTla(s.live) : 'TRUE'}`,
    '====',
    '',
  ].join('\n');
  const cfg = [
    ...(s.live ? ['SPECIFICATION Spec', 'PROPERTY Live'] : ['INIT Init', 'NEXT Next']),
    ...(s.constraintSum !== undefined ? ['CONSTRAINT Bound'] : []),
    ...(s.actionConstraintNot !== undefined ? ['ACTION_CONSTRAINT StepRule'] : []),
    ...(s.forbidden ? ['INVARIANT Safe'] : []),
    ...(s.monotoneSlack !== undefined ? ['PROPERTY Mono'] : []),
    ...(s.view ? ['VIEW View'] : []),
    `CHECK_DEADLOCK ${s.checkDeadlock ? 'TRUE' : 'FALSE'}`,
    '',
  ].join('\n');
  return { tla, cfg };
}

function propTla(p: SimpleProp): string {
  const a = ([v, c]: Atom) => `(${v} = ${c})`;
  switch (p.kind) {
    case 'eventually':
      return `<>${a(p.p)}`;
    case 'infinitelyOften':
      return `[]<>${a(p.p)}`;
    case 'eventuallyAlways':
      return `<>[]${a(p.p)}`;
    case 'leadsTo':
      return p.boxed ? `[](${a(p.p)} => <>${a(p.q)})` : `(${a(p.p)} ~> ${a(p.q)})`;
    case 'stepsForever':
      return `[]<><<A${p.action}>>_vars`;
    default: {
      const never: never = p;
      throw new Error(`unknown property ${String(never)}`);
    }
  }
}

const liveTla = (l: Live) => l.props.map(propTla).join(' /\\ ');

// ---- the same spec interpreted in TypeScript ---------------------------------------------

type St = readonly [number, number];
/** TLC enumerates an enumerated set normalised: ascending, no duplicates. */
const norm = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => a - b);

function values(u: Update, v: Var, s: St, d: number | undefined): number[] {
  const cur = (w: Var) => (w === 'x' ? s[0] : s[1]);
  switch (u.kind) {
    case 'step':
      return [(cur(u.from) + u.add) % u.mod];
    case 'const':
      return [u.value];
    case 'oneOf':
      return norm(u.values);
    case 'same':
      return [cur(v)];
    case 'byParam':
      return [(cur(u.from) + d!) % u.mod];
    case 'cond':
      return [cur(u.test) > u.bound ? u.value : (cur(v) + 1) % u.mod];
    default: {
      const never: never = u;
      throw new Error(`unknown update ${String(never)}`);
    }
  }
}

function holds(g: Guard, [x, y]: St): boolean {
  switch (g.kind) {
    case 'true':
      return true;
    case 'less':
      return (g.v === 'x' ? x : y) < g.bound;
    case 'greater':
      return (g.v === 'x' ? x : y) > g.bound;
    case 'differ':
      return x !== y;
    default: {
      const never: never = g;
      throw new Error(`unknown guard ${String(never)}`);
    }
  }
}

function actionSuccessors(a: Action, st: St): St[] {
  const out: St[] = [];
  for (const d of a.params ? norm(a.params) : [undefined]) {
    if (!holds(a.guard, st)) continue;
    for (const x of values(a.x, 'x', st, d)) for (const y of values(a.y, 'y', st, d)) out.push([x, y]);
  }
  return out;
}

/** Fairness and property of a spec with `live`, for test/specs/oracles/tlc-liveness.ts. */
export function toLiveOracle(s: RandomSpec): { fairness: Fairness<St>[]; prop: LiveProperty<St> } {
  const l = s.live!;
  const at = ([v, c]: Atom) => (st: St) => (v === 'x' ? st[0] : st[1]) === c;
  const fairness = l.fair.map(
    (f): Fairness<St> => ({
      kind: f.strong ? 'SF' : 'WF',
      step: (st) => [f.action, ...(f.orAction !== undefined ? [f.orAction] : [])].flatMap((i) => actionSuccessors(s.actions[i]!, st)),
    }),
  );
  const one = (p: SimpleProp): LiveProperty<St> =>
    p.kind === 'leadsTo'
      ? { kind: 'leadsTo', p: at(p.p), q: at(p.q) }
      : p.kind === 'stepsForever'
        ? { kind: 'infinitelyOftenStep', step: (st) => actionSuccessors(s.actions[p.action]!, st) }
        : { kind: p.kind, p: at(p.p) };
  return { fairness, prop: { kind: 'all', props: l.props.map(one) } };
}

export function toOracle(s: RandomSpec): OracleModel<St> {
  return {
    *init() {
      for (const x of norm(s.initX)) for (const y of norm(s.initY)) yield [x, y] as const;
      if (s.initExtra) yield s.initExtra;
    },
    *next(st) {
      for (const a of s.actions) yield* actionSuccessors(a, st);
    },
    key: ([x, y]) => (s.view === 'x' ? `${x}` : s.view === 'xParity' ? `${x},${y % 2}` : `${x},${y}`),
    ...(s.constraintSum !== undefined ? { constraint: ([x, y]: St) => x + y <= s.constraintSum! } : {}),
    ...(s.actionConstraintNot !== undefined
      ? { actionConstraint: ([x, y]: St, [x2, y2]: St) => x2 + y2 !== x + y + s.actionConstraintNot! }
      : {}),
    invariants: s.forbidden ? [['Safe', ([x, y]: St) => !(x === s.forbidden![0] && y === s.forbidden![1])]] : [],
    actionProperties:
      s.monotoneSlack !== undefined
        ? [['Mono', ([x, y]: St, [x2, y2]: St) => x2 + y2 >= x + y - s.monotoneSlack! || (x2 === x && y2 === y)]]
        : [],
    checkDeadlock: s.checkDeadlock,
  };
}
