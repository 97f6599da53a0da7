// A temporal PROPERTY turned into what the graph search looks for: the ways a fair behaviour
// can violate it. TLC does the same in Liveness.processLiveness: it negates the property,
// conjoins the fairness of SPECIFICATION, puts the result in disjunctive normal form and keeps,
// per disjunct (an OrderOfSolution), the "<>[]" conditions (checkState/checkAction: must hold
// all along the cycle), the "[]<>" promises (must hold somewhere on the cycle) and a tableau for
// the rest. We keep the same three kinds of condition, plus the two shapes TLC's tableau needs
// for the forms we accept: conditions on the initial state / on the whole lasso, and a
// sequence of "phases" <>(X1 /\ []Y1 /\ <>(X2 /\ []Y2 ...)) (from ~<>, ~[] and ~~>; two
// eventualities that must both happen give one sequence per order), so no general tableau is
// needed.
// Spec fairness stays separate (Streett conditions, see search.ts) instead of being multiplied
// out into the DNF, which gives the same verdicts without TLC's exponential blow-up.
import type { Expr } from '../../frontend/ast.js';
import type { State, TemporalTerm } from '../../eval/api.js';
import { ExitCode, TlaError } from '../../errors.js';

/** EC.TLC_LIVE_CANNOT_HANDLE_FORMULA: a temporal formula this checker cannot turn into goals.
 *  TLC exits with ExitStatus.ERROR (255) for it (its test Github742). */
export class TemporalFormulaError extends TlaError {
  readonly exitCode = ExitCode.generic;
}

/** A leaf of the formula the search keeps one bit for, per state (`action` false) or per
 *  transition (`action` true, also evaluated on each state's stuttering step). */
export interface Lit {
  readonly atom: number;
  readonly action: boolean;
  readonly neg: boolean;
}

/** WF_v(A) / SF_v(A) as the search checks it: `enabled` is ENABLED <<A>>_v (a state atom),
 *  `taken` is <<A>>_v (an action atom). */
export interface FairCond {
  readonly strong: boolean;
  readonly enabled: number;
  readonly taken: number;
}

/** One way to violate a property: a lasso (a path from an initial state into a cycle) with */
export interface Goal {
  /** these state literals in its initial state */
  readonly init: readonly Lit[];
  /** these literals in every state / every step (stuttering included) */
  readonly always: readonly Lit[];
  /** points, in this order, where each phase's trigger holds, each phase's `after` holding in
   *  every state / step from its point on */
  readonly phases: readonly Phase[];
  /** these literals in every state / step of the cycle: <>[] */
  readonly cycleAll: readonly Lit[];
  /** each of these in some state / step of the cycle: []<> */
  readonly cycleSome: readonly Lit[];
  /** extra fairness from the left side of an implication `Spec => P` */
  readonly fairness: readonly FairCond[];
}

/** What is known of an action atom without evaluating it, to spare the evaluator (which
 *  dominates the cost of liveness checking): its value on a stuttering step (<<A>>_v is
 *  FALSE there, [A]_v TRUE), and a state atom that must hold in s for it to hold on (s, t)
 *  (ENABLED <<A>>_v for <<A>>_v: a step of A from s means A is enabled in s). */
export interface ActionHints {
  readonly stutter?: boolean;
  readonly requires?: number;
}

/** <>(X /\ []Y): a point where `trigger` X holds (a state, or a step if it is one action
 *  literal), after which `after` Y holds in every state / step. */
export interface Phase {
  readonly trigger: readonly Lit[];
  readonly after: readonly Lit[];
}

/** The atoms the search evaluates on every state and every transition. */
export class AtomTable {
  readonly state: ((s: State) => boolean)[] = [];
  readonly action: ((s: State, t: State) => boolean)[] = [];
  readonly hints: ActionHints[] = [];
  stateAtom(f: (s: State) => boolean): number {
    return this.state.push(f) - 1;
  }
  actionAtom(f: (s: State, t: State) => boolean, hints: ActionHints = {}): number {
    this.hints.push(hints);
    return this.action.push(f) - 1;
  }
}

// Levels (engine/eval/level.ts)
const STATE = 1;
const ACTION = 2;

const EMPTY: Goal = { init: [], always: [], phases: [], cycleAll: [], cycleSome: [], fairness: [] };
const goal = (g: Partial<Goal>): Goal => ({ ...EMPTY, ...g });
const not = (l: Lit): Lit => ({ ...l, neg: !l.neg });

/** the orders in which two sequences of phases can happen */
function interleavings(a: readonly Phase[], b: readonly Phase[]): Phase[][] {
  if (a.length === 0) return [[...b]];
  if (b.length === 0) return [[...a]];
  return [...interleavings(a.slice(1), b).map((r) => [a[0]!, ...r]), ...interleavings(a, b.slice(1)).map((r) => [b[0]!, ...r])];
}

/** the conjunction of two goals: one goal per order of their phases */
function merge(a: Goal, b: Goal, loc: Expr['loc']): Goal[] {
  const orders = interleavings(a.phases, b.phases);
  if (orders.length > 64) throw new TemporalFormulaError('TLC cannot handle the temporal formula here: too many eventualities that must all happen', loc);
  return orders.map((phases) => ({
    init: [...a.init, ...b.init],
    always: [...a.always, ...b.always],
    phases,
    cycleAll: [...a.cycleAll, ...b.cycleAll],
    cycleSome: [...a.cycleSome, ...b.cycleSome],
    fairness: [...a.fairness, ...b.fairness],
  }));
}

/** Conjunction of two disjunctions of goals: every pair merged. */
function product(xs: readonly Goal[], ys: readonly Goal[], loc: Expr['loc']): Goal[] {
  return xs.flatMap((x) => ys.flatMap((y) => merge(x, y, loc)));
}
const productAll = (gs: readonly (readonly Goal[])[], loc: Expr['loc']): Goal[] => gs.reduce<Goal[]>((acc, g) => product(acc, g, loc), [EMPTY]);

function unsupported(t: TemporalTerm, what: string): never {
  throw new TemporalFormulaError(
    `TLC cannot handle the temporal formula here: ${what}. Supported: []P, <>P, []<>P, <>[]P, P ~> Q, []<><<A>>_v, <>[][A]_v, WF/SF, ` +
      'and /\\, \\/, ~, =>, \\A, \\E of these (P, Q state predicates, ENABLED allowed)',
    t.expr.loc,
  );
}

/** Translates temporal formulas into goals, registering their leaves in `atoms`. */
export class GoalBuilder {
  constructor(private readonly atoms: AtomTable) {}

  private stateLit(t: TemporalTerm): Lit {
    return { atom: this.atoms.stateAtom((s) => t.holds(s)), action: false, neg: false };
  }

  private lit(t: TemporalTerm): Lit {
    if (t.level() <= STATE) return this.stateLit(t);
    const e = t.expr;
    // v' = v on a stuttering step: [A]_v holds and <<A>>_v does not, whatever A is
    const hints = e.kind === 'actionBox' ? { stutter: e.stutter } : {};
    return { atom: this.atoms.actionAtom((s, n) => t.holds(s, n), hints), action: true, neg: false };
  }

  /** WF_v(A) / SF_v(A) of the spec or of a property */
  fairness(strong: boolean, enabled: (s: State) => boolean, taken: (s: State, t: State) => boolean): FairCond {
    const en = this.atoms.stateAtom(enabled);
    return { strong, enabled: en, taken: this.atoms.actionAtom(taken, { stutter: false, requires: en }) };
  }

  /** The behaviours satisfying `t`, as a disjunction of goals. */
  pos(t: TemporalTerm): Goal[] {
    return this.translate(t, true);
  }

  /** The behaviours violating `t`, as a disjunction of goals. */
  neg(t: TemporalTerm): Goal[] {
    return this.translate(t, false);
  }

  private translate(t: TemporalTerm, positive: boolean): Goal[] {
    const e = t.expr;
    const lvl = t.level();
    if (lvl <= STATE) {
      const l = this.stateLit(t);
      return [goal({ init: [positive ? l : not(l)] })];
    }
    if (lvl === ACTION) unsupported(t, 'an action formula outside [] or <> (TLC checks actions only as [][A]_v, []<><<A>>_v or <>[][A]_v)');
    const sub = (x: Expr) => t.sub(x);
    switch (e.kind) {
      case 'and':
      case 'or': {
        const parts = e.args.map((a) => this.translate(sub(a), positive));
        // /\ of positives and \/ of negatives multiply out; the others add up
        return (e.kind === 'and') === positive ? productAll(parts, e.loc) : parts.flat();
      }
      case 'not':
        return this.translate(sub(e.expr), !positive);
      case 'implies': {
        // A => B == ~A \/ B
        const a = this.translate(sub(e.lhs), !positive);
        const b = this.translate(sub(e.rhs), positive);
        return positive ? [...a, ...b] : product(a, b, e.loc);
      }
      case 'forall':
      case 'exists': {
        // Liveness.java expands the quantifier when the property is processed: constant bounds only
        if (e.bindings.some((b) => b.domain && sub(b.domain).level() > 0)) unsupported(t, 'a temporal formula quantified over a set that depends on the state');
        const parts = t.instances().map((i) => this.translate(i.term, positive));
        return (e.kind === 'forall') === positive ? productAll(parts, e.loc) : parts.flat();
      }
      case 'ref':
      case 'apply':
      case 'let': {
        const body = t.unfold();
        if (!body) unsupported(t, 'a temporal name that is not a definition');
        return this.translate(body, positive);
      }
      case 'always':
        return this.always(t, sub(e.expr), positive);
      case 'eventually':
        return this.eventually(t, sub(e.expr), positive);
      case 'leadsTo': {
        // P ~> Q == [](P => <>Q); violated by <>(P /\ ~Q /\ []~Q)
        const p = sub(e.lhs);
        let q = sub(e.rhs);
        if (positive) unsupported(t, '~> under a negation or on the left of =>');
        if (p.level() > STATE) unsupported(t, '~> from a temporal formula');
        while (q.expr.kind === 'ref' || q.expr.kind === 'apply' || q.expr.kind === 'let') {
          if (q.level() <= STATE) break;
          const body = q.unfold();
          if (!body) break;
          q = body;
        }
        const qe = q.expr;
        if (q.level() > STATE && (qe.kind === 'always' || (qe.kind === 'eventually' && qe.expr.kind === 'always'))) {
          // P ~> []Q (or <>[]Q): violated by <>(P /\ []<>~Q), the cycle coming after P
          const inner = q.sub(qe.kind === 'always' ? qe.expr : (qe.expr as Extract<Expr, { kind: 'always' }>).expr);
          if (inner.level() > STATE) unsupported(t, '~> into a temporal formula other than []Q or <>[]Q');
          return [goal({ phases: [{ trigger: [this.stateLit(p)], after: [] }], cycleSome: [not(this.stateLit(inner))] })];
        }
        if (q.level() > STATE) unsupported(t, '~> into a temporal formula other than []Q or <>[]Q');
        const notQ = not(this.stateLit(q));
        return [goal({ phases: [{ trigger: [this.stateLit(p), notQ], after: [notQ] }] })];
      }
      case 'fairness': {
        const angle = sub({ kind: 'actionBox', action: e.action, vars: e.vars, stutter: false, loc: e.loc });
        const f = this.fairness(e.strong, (s) => angle.enabled(s), (s, n) => angle.holds(s, n));
        if (positive) return [goal({ fairness: [f] })];
        // ~WF == <>[]ENABLED /\ <>[]~<<A>>_v ; ~SF == []<>ENABLED /\ <>[]~<<A>>_v
        const en: Lit = { atom: f.enabled, action: false, neg: false };
        const notTaken: Lit = { atom: f.taken, action: true, neg: true };
        return [e.strong ? goal({ cycleSome: [en], cycleAll: [notTaken] }) : goal({ cycleAll: [en, notTaken] })];
      }
      default:
        return unsupported(t, `a formula of kind ${e.kind}`);
    }
  }

  // [] x
  private always(t: TemporalTerm, x: TemporalTerm, positive: boolean): Goal[] {
    const xe = x.expr;
    if (x.level() <= ACTION) {
      if (x.level() === ACTION && !(xe.kind === 'actionBox' && xe.stutter)) unsupported(t, '[]A for an action A not of the form [A]_v');
      const l = this.lit(x);
      // ~[]P == <>~P: a state (or, for [A]_v, a step) where it fails
      return [positive ? goal({ always: [l] }) : goal({ phases: [{ trigger: [not(l)], after: [] }] })];
    }
    if (xe.kind === 'eventually') {
      const y = x.sub(xe.expr);
      if (y.level() <= ACTION) {
        const l = this.lit(y);
        // []<>y holds iff y somewhere on the cycle; ~[]<>y == <>[]~y
        return [positive ? goal({ cycleSome: [l] }) : goal({ cycleAll: [not(l)] })];
      }
    }
    if (xe.kind === 'implies') {
      // [](P => <>Q) is P ~> Q
      const r = xe.rhs;
      if (r.kind === 'eventually') return this.translate(x.sub({ kind: 'leadsTo', lhs: xe.lhs, rhs: r.expr, loc: t.expr.loc }), positive);
      // [](P => []Q), Q a state predicate or [A]_v: violated by <>(P /\ <>~Q)
      const p = x.sub(xe.lhs);
      if (r.kind === 'always' && !positive && p.level() <= STATE) {
        const q = x.sub(r.expr);
        if (q.level() <= STATE || (r.expr.kind === 'actionBox' && r.expr.stutter)) {
          return [goal({ phases: [{ trigger: [this.stateLit(p)], after: [] }, { trigger: [not(this.lit(q))], after: [] }] })];
        }
      }
    }
    if (xe.kind === 'ref' || xe.kind === 'apply' || xe.kind === 'let') {
      const body = x.unfold();
      if (body) return this.always(t, body, positive);
    }
    if (xe.kind === 'always') return this.always(t, x.sub(xe.expr), positive);
    // []<>[]P == <>[]P
    if (xe.kind === 'eventually' && xe.expr.kind === 'always') return this.eventually(t, x.sub(xe.expr), positive);
    // []~F == ~<>F
    if (xe.kind === 'not') return this.eventually(t, x.sub(xe.expr), !positive);
    return unsupported(t, '[] of this temporal formula');
  }

  // <> x
  private eventually(t: TemporalTerm, x: TemporalTerm, positive: boolean): Goal[] {
    const xe = x.expr;
    if (x.level() <= ACTION) {
      const l = this.lit(x);
      // ~<>P == []~P
      return [positive ? goal({ phases: [{ trigger: [l], after: [] }] }) : goal({ always: [not(l)] })];
    }
    if (xe.kind === 'always') {
      const y = x.sub(xe.expr);
      if (y.level() <= ACTION) {
        const l = this.lit(y);
        // <>[]y holds iff y all along the cycle; ~<>[]y == []<>~y
        return [positive ? goal({ cycleAll: [l] }) : goal({ cycleSome: [not(l)] })];
      }
    }
    if (xe.kind === 'ref' || xe.kind === 'apply' || xe.kind === 'let') {
      const body = x.unfold();
      if (body) return this.eventually(t, body, positive);
    }
    if (xe.kind === 'eventually') return this.eventually(t, x.sub(xe.expr), positive);
    // <>[]<>P == []<>P
    if (xe.kind === 'always' && xe.expr.kind === 'eventually') return this.always(t, x.sub(xe.expr), positive);
    // <>~F == ~[]F
    if (xe.kind === 'not') return this.always(t, x.sub(xe.expr), !positive);
    return unsupported(t, '<> of this temporal formula');
  }
}
