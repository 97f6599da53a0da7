// Generating states from predicates and actions with TLC's rules (Tool.getInitStates,
// Tool.getNextStates, Tool.enabled, Tool.getActions in tlc2/tool/impl/Tool.java):
// conjunctions are processed left to right, each conjunct continuing with the states the
// previous ones produced (TLC's ActionItemList); disjunctions and \E branch; `x' = e` assigns
// when x' has no value yet and is a test otherwise; `x' \in S` enumerates S.
import type { Expr, Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import { type Ctx, type Env, type OpValue, CONSTANT_CTX, bind, lookupEnv, primedCtx } from './context.js';
import type { Scope } from './scope.js';
import { argBinding, bindLet, defOp, ev, evalBool, forEachBinding, hooks, located, resolveName, resolvePrefix } from './expr.js';
import * as V from './v.js';
import { Memo } from './memo.js';
import { STATE, levelOf } from './level.js';
import type { State } from './api.js';

export type Partial = (Value | undefined)[];
/** continuation: called with g.p complete for one branch; returns true to stop generating */
type K = () => boolean;

/** 'init': unprimed variables are being assigned (Init); 'next': primed ones (an action). */
export type Mode = 'init' | 'next';

/** One generation run. `p` is the assignment built so far; it is changed in place and
 *  restored on backtracking (TLC copies TLCStateMut instead), so a continuation that keeps a
 *  state must copy `p`. `cx` is the state pair expressions are evaluated in. */
export interface Gen {
  readonly mode: Mode;
  readonly p: Partial;
  readonly cx: Ctx;
}

export function newGen(mode: Mode, s: readonly Value[] | null, p: Partial): Gen {
  // the state being expanded does not change while its successors are generated: values read
  // from it alone may be kept for this Ctx (context.ts `stable`); `p` changes all the time
  return { mode, p, cx: mode === 'init' ? { state: p, next: null } : { state: s, next: p, stable: true } };
}

/** Call `k` for every assignment (extending g.p) that makes `e` true, until `k` returns true
 *  (ENABLED stops at the first); returns whether it was stopped. */
export function generate(g: Gen, e: Expr, sc: Scope, env: Env, k: K): boolean {
  try {
    return gen(g, e, sc, env, k);
  } catch (err) {
    throw located(err, e.loc);
  }
}

function genAnd(g: Gen, args: readonly Expr[], i: number, sc: Scope, env: Env, k: K): boolean {
  if (i === args.length - 1) return gen(g, args[i]!, sc, env, k);
  return gen(g, args[i]!, sc, env, () => genAnd(g, args, i + 1, sc, env, k));
}

function genAll(g: Gen, body: Expr, envs: readonly Env[], i: number, sc: Scope, k: K): boolean {
  if (i === envs.length - 1) return gen(g, body, sc, envs[i], k);
  return gen(g, body, sc, envs[i], () => genAll(g, body, envs, i + 1, sc, k));
}

function gen(g: Gen, e: Expr, sc: Scope, env: Env, k: K): boolean {
  switch (e.kind) {
    case 'and':
      return e.args.length === 0 ? k() : genAnd(g, e.args, 0, sc, env, k);
    case 'or':
      for (const a of e.args) if (gen(g, a, sc, env, k)) return true;
      return false;
    case 'exists': {
      let stopped = false;
      forEachBinding(e.bindings, sc, env, g.cx, e.loc, (env1) => {
        stopped = gen(g, e.body, sc, env1, k);
        return !stopped;
      });
      return stopped;
    }
    case 'forall': {
      // OPCODE_bf: a conjunction of the body over the domain, so it may assign variables
      const envs: Env[] = [];
      forEachBinding(e.bindings, sc, env, g.cx, e.loc, (env1) => {
        envs.push(env1);
        return true;
      });
      return envs.length === 0 ? k() : genAll(g, e.body, envs, 0, sc, k);
    }
    case 'implies':
      // OPCODE_implies: P => Q generates with Q when P holds, else holds as it is
      return evalBool(e.lhs, sc, env, g.cx, 'the left side of =>') ? gen(g, e.rhs, sc, env, k) : k();
    case 'if':
      return evalBool(e.cond, sc, env, g.cx, 'the condition of IF') ? gen(g, e.then, sc, env, k) : gen(g, e.else, sc, env, k);
    case 'case': {
      for (const arm of e.arms) {
        if (evalBool(arm.cond, sc, env, g.cx, 'a CASE condition')) return gen(g, arm.body, sc, env, k);
      }
      if (e.other) return gen(g, e.other, sc, env, k);
      throw new EvalError('attempted to evaluate a CASE with no conditions true', e.loc);
    }
    case 'let':
      return gen(g, e.body, sc, bindLet(e.defs, sc, env), k);
    case 'unchanged':
      if (g.mode !== 'next') throw new EvalError('UNCHANGED in an initial predicate', e.loc);
      return unchanged(g, e.expr, sc, env, k);
    case 'actionBox': {
      if (e.stutter) return gen(g, e.action, sc, env, k) || unchanged(g, e.vars, sc, env, k);
      return gen(g, e.action, sc, env, () => !V.equals(ev(e.vars, sc, env, g.cx), ev(e.vars, sc, env, primedCtx(g.cx))) && k());
    }
    case 'bool':
      return e.value ? k() : false;
    case 'ref': {
      const unfolded = unfold(e, e.name, e.prefix, [], e.loc, sc, env, g.cx);
      if (unfolded) return gen(g, unfolded.body, unfolded.scope, unfolded.env, k);
      break;
    }
    case 'apply': {
      if (e.prefix.length === 0 && (e.name === '=' || e.name === '\\in') && e.args.length === 2 && resolveName(e, e.name, sc, env).k === 'builtin') {
        const slot = assignable(g, e.args[0]!, sc, env);
        if (slot !== undefined && g.p[slot] === undefined) {
          const rhs = ev(e.args[1]!, sc, env, g.cx);
          if (e.name === '=') return assignThen(g.p, slot, rhs, k);
          for (const x of V.elements(rhs, e.args[1]!.loc)) if (assignThen(g.p, slot, x, k)) return true;
          return false;
        }
        break;
      }
      const unfolded = unfold(e, e.name, e.prefix, e.args, e.loc, sc, env, g.cx);
      if (unfolded) return gen(g, unfolded.body, unfolded.scope, unfolded.env, k);
      break;
    }
    default:
      break;
  }
  // any other formula is a test on the assignment built so far
  return evalBool(e, sc, env, g.cx, g.mode === 'init' ? 'the initial predicate' : 'an action') ? k() : false;
}

function assignThen(p: Partial, slot: number, v: Value, k: K): boolean {
  p[slot] = v;
  try {
    return k();
  } finally {
    p[slot] = undefined;
  }
}

/** The state variable `x` of `x'` (next mode) or `x` (init mode), seen through instance
 *  substitutions and lazily bound operator arguments (Tool.getPrimedVar / getVar). */
function assignable(g: Gen, lhs: Expr, sc: Scope, env: Env): number | undefined {
  if (g.mode === 'next') {
    if (lhs.kind !== 'prime') return undefined;
    return varSlot(lhs.expr, sc, env);
  }
  return varSlot(lhs, sc, env);
}

export function varSlot(e: Expr, sc: Scope, env: Env): number | undefined {
  if (e.kind !== 'ref' || e.prefix.length > 0) return undefined;
  const r = resolveName(e, e.name, sc, env);
  switch (r.k) {
    case 'var':
      return r.slot;
    case 'env': {
      const b = lookupEnv(env, e.name)!;
      return b.kind === 'lazy' ? varSlot(b.expr, b.scope, b.env) : undefined;
    }
    case 'subst':
      return varSlot(r.s.expr, r.s.scope, r.s.env);
    default:
      return undefined;
  }
}

function unchangedList(g: Gen, elems: readonly Expr[], i: number, sc: Scope, env: Env, k: K): boolean {
  // A run of plain variables (`UNCHANGED <<a, b, c>>`, the common case) in one loop: each is
  // assigned its current value or, if already assigned, compared with it, exactly as
  // `unchanged` does one at a time, and the assignments are undone on the way back.
  const p = g.p;
  const now = g.cx.state!;
  const mine: number[] = [];
  try {
    let j = i;
    for (; j < elems.length; j++) {
      const slot = varSlot(elems[j]!, sc, env);
      if (slot === undefined) break;
      if (p[slot] === undefined) {
        p[slot] = now[slot]!;
        mine.push(slot);
      } else if (!V.equals(p[slot]!, now[slot]!)) return false;
    }
    if (j === elems.length) return k();
    const at = j;
    if (at === elems.length - 1) return unchanged(g, elems[at]!, sc, env, k);
    return unchanged(g, elems[at]!, sc, env, () => unchangedList(g, elems, at + 1, sc, env, k));
  } finally {
    for (let m = 0; m < mine.length; m++) p[mine[m]!] = undefined;
  }
}

/** UNCHANGED e: each variable of e keeps its value (Tool.processUnchanged). */
function unchanged(g: Gen, e: Expr, sc: Scope, env: Env, k: K): boolean {
  if (e.kind === 'tuple') return e.elems.length === 0 ? k() : unchangedList(g, e.elems, 0, sc, env, k);
  const slot = varSlot(e, sc, env);
  if (slot !== undefined) {
    const now = g.cx.state![slot]!;
    const p = g.p;
    if (p[slot] === undefined) return assignThen(p, slot, now, k);
    return V.equals(p[slot]!, now) ? k() : false;
  }
  if (e.kind === 'ref' || e.kind === 'apply') {
    const u = unfold(e, e.name, e.prefix, e.kind === 'apply' ? e.args : [], e.loc, sc, env, g.cx);
    if (u) return unchanged(g, u.body, u.scope, u.env, k);
  }
  return V.equals(ev(e, sc, env, g.cx), ev(e, sc, env, primedCtx(g.cx))) ? k() : false;
}

/** If `name(args)` is a user-defined operator (or a lazily bound argument), its body with the
 *  parameters bound, so that assignments inside it are seen (TLC unfolds definitions in
 *  getInitStates/getNextStates the same way). */
export function unfold(
  node: Expr, name: string, prefix: readonly { name: string; args: readonly Expr[] }[], args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx,
): { body: Expr; scope: Scope; env: Env; op?: OpValue } | undefined {
  if (prefix.length === 0) {
    const r = resolveName(node, name, sc, env);
    if (r.k === 'var' || r.k === 'builtin') return undefined;
  }
  const target = prefix.length > 0 ? resolvePrefix(prefix, loc, sc, env, cx) : sc;
  const tenv = prefix.length > 0 ? undefined : env;
  const b = lookupEnv(tenv, name);
  if (b) {
    if (b.kind === 'lazy' && args.length === 0) return { body: b.expr, scope: b.scope, env: b.env };
    if (b.kind === 'op') return unfoldOp(b.op, args, loc, sc, env);
    return undefined;
  }
  let d = target.defs.get(name) ?? target.consts.get(name);
  while (d && d.kind === 'alias') d = d.target;
  if (d && d.kind === 'op') return unfoldOp(defOp(d)!, args, loc, sc, env);
  if (!d && args.length === 0) {
    const s = target.subst.get(name);
    if (s && varSlot(s.expr, s.scope, s.env) === undefined) return { body: s.expr, scope: s.scope, env: s.env };
  }
  return undefined;
}

function unfoldOp(op: OpValue, args: readonly Expr[], loc: Loc, sc: Scope, env: Env): { body: Expr; scope: Scope; env: Env; op: OpValue } | undefined {
  if (op.kind === 'user') {
    if (op.def.params.length !== args.length) throw new EvalError(`${op.def.name} takes ${op.def.params.length} argument(s), given ${args.length}`, loc);
    let env1 = op.env;
    for (let i = 0; i < args.length; i++) env1 = bind(env1, op.def.params[i]!.name, argBinding(args[i]!, op.def.params[i]!.arity, sc, env, loc));
    return { body: op.def.body, scope: op.scope, env: env1, op };
  }
  if (op.kind === 'lambda') {
    if (op.params.length !== args.length) throw new EvalError(`LAMBDA takes ${op.params.length} argument(s), given ${args.length}`, loc);
    let env1 = op.env;
    for (let i = 0; i < args.length; i++) env1 = bind(env1, op.params[i]!, argBinding(args[i]!, 0, sc, env, loc));
    return { body: op.body, scope: op.scope, env: env1, op };
  }
  return undefined;
}

// ------------------------------------------------------------------ guards

/** The leading conjuncts of an action that generation only tests (no branching, no
 *  assignment: built-in operators and negations of the current state, e.g. `core_pc = "idle"`,
 *  also inside a nested conjunction `/\ core_pc = "rm_put" /\ core_dev = d`), and a memo of
 *  their conjunction (memo.ts): most actions are disabled in most states by their first
 *  conjunct, which reads one or two variables. */
export interface Guard {
  /** the tests in the order generation meets them */
  readonly tests: readonly Expr[];
  /** the top-level conjunct generation continues with once they hold */
  readonly rest: number;
  readonly memo: Memo;
}

export function guardOf(a: SplitAction): Guard {
  const tests: Expr[] = [];
  let rest = 0;
  const e = a.pred;
  if (e.kind === 'and') {
    while (rest < e.args.length && testsOf(e.args[rest]!, a.scope, a.env, tests)) rest++;
  }
  return { tests, rest, memo: new Memo() };
}

/** Appends the tests `c` consists of and returns true, or returns false (and appends nothing)
 *  if generation would do more than test it. */
function testsOf(c: Expr, sc: Scope, env: Env, out: Expr[]): boolean {
  if (c.kind === 'and') {
    const mine: Expr[] = [];
    for (const x of c.args) if (!testsOf(x, sc, env, mine)) return false;
    out.push(...mine);
    return true;
  }
  if (!isTest(c, sc, env)) return false;
  out.push(c);
  return true;
}

/** gen's default case: a state-level application of a built-in (not an assignment `x' = e`,
 *  not a user operator it would unfold) or a negation. */
function isTest(c: Expr, sc: Scope, env: Env): boolean {
  try {
    const shape = c.kind === 'not' || (c.kind === 'apply' && c.prefix.length === 0 && resolveName(c, c.name, sc, env).k === 'builtin');
    return shape && levelOf(c, sc, env) <= STATE;
  } catch {
    return false;
  }
}

/** generate(g, a.pred, a.scope, a.env, k) for an action in the state `s` being expanded
 *  (g.cx.state), with its guard answered from the memo when the guard's variables hold the same
 *  values as when it was last evaluated. */
export function generateAction(g: Gen, a: SplitAction, guard: Guard, s: State, k: K): boolean {
  const e = a.pred;
  if (guard.rest === 0 || !guard.memo.active || e.kind !== 'and') return generate(g, e, a.scope, a.env, k);
  try {
    let ok = guard.memo.lookup(s);
    if (ok === undefined) {
      const tests = guard.tests;
      guard.memo.begin();
      ok = true;
      try {
        for (let i = 0; i < tests.length; i++) {
          if (!evalBool(tests[i]!, a.scope, a.env, g.cx, 'an action')) {
            ok = false;
            break;
          }
        }
      } catch (err) {
        guard.memo.abort();
        throw err;
      }
      guard.memo.end(s, ok);
    }
    if (!ok) return false;
    return guard.rest === e.args.length ? k() : genAnd(g, e.args, guard.rest, a.scope, a.env, k);
  } catch (err) {
    throw located(err, e.loc);
  }
}

// ------------------------------------------------------------------ ENABLED

/** ENABLED A in state cx.state: some assignment of primed variables satisfies A
 *  (Tool.enabled; unassigned variables do not matter). Stops at the first. */
export function enabled(a: Expr, sc: Scope, env: Env, cx: Ctx): boolean {
  if (cx.state === null) throw new EvalError('ENABLED needs a state', a.loc);
  const s = cx.state as readonly Value[];
  return generate(newGen('next', s, new Array(s.length).fill(undefined)), a, sc, env, () => true);
}
hooks.enabled = enabled;

// ------------------------------------------------------------------ splitting Next into actions

export interface SplitAction {
  readonly name: string | undefined;
  readonly pred: Expr;
  readonly scope: Scope;
  readonly env: Env;
  readonly params: ReadonlyMap<string, Value>;
  readonly loc: Loc;
}

/** Tool.getActions: Next split at the maximal prefix of disjunctions, \E over constant sets and
 *  definitions applied to constant arguments; each piece is an action named after the
 *  innermost definition unfolded to reach it, located at the piece itself. */
export function splitActions(e: Expr, sc: Scope, env: Env, name: string | undefined, params: ReadonlyMap<string, Value>, out: SplitAction[]): void {
  const whole = (): void => {
    out.push({ name, pred: e, scope: sc, env, params, loc: e.loc });
  };
  switch (e.kind) {
    case 'or':
      for (const a of e.args) splitActions(a, sc, env, name, params, out);
      return;
    case 'let':
      splitActions(e.body, sc, bindLet(e.defs, sc, env), name, params, out);
      return;
    case 'exists': {
      const envs: Env[] = [];
      try {
        forEachBinding(e.bindings, sc, env, CONSTANT_CTX, e.loc, (env1) => {
          envs.push(env1);
          return true;
        });
      } catch {
        return whole();
      }
      if (envs.length === 0) return whole();
      const cnt = out.length;
      try {
        for (const env1 of envs) splitActions(e.body, sc, env1, name, params, out);
      } catch {
        out.length = cnt;
        whole();
      }
      return;
    }
    case 'ref':
    case 'apply': {
      const args = e.kind === 'apply' ? e.args : [];
      let target = sc;
      let tenv = env;
      try {
        if (e.prefix.length > 0) {
          target = resolvePrefix(e.prefix, e.loc, sc, env, CONSTANT_CTX);
          tenv = undefined;
        }
      } catch {
        return whole();
      }
      const b = lookupEnv(tenv, e.name);
      let d = b ? undefined : target.defs.get(e.name) ?? target.consts.get(e.name);
      while (d && d.kind === 'alias') d = d.target;
      if (!d || d.kind !== 'op' || d.def.params.length !== args.length) return whole();
      if (d.def.params.some((p) => p.arity > 0)) return whole();
      // arguments must be constant: evaluate them with no state (TLC: level 0 arguments)
      const vals: Value[] = [];
      try {
        for (const a of args) vals.push(ev(a, sc, env, CONSTANT_CTX));
      } catch {
        return whole();
      }
      let env1: Env = undefined;
      const ps = new Map<string, Value>();
      d.def.params.forEach((prm, i) => {
        env1 = bind(env1, prm.name, { kind: 'value', value: vals[i]! });
        ps.set(prm.name, vals[i]!);
      });
      const opName = e.prefix.length > 0 ? `${e.prefix.map((p) => p.name).join('!')}!${d.def.name}` : d.def.name;
      if (d.scope.subst.size > 0) {
        // A definition of an instantiated module: its body is a SubstInNode with
        // substitutions, which getActions keeps as one action, not split further.
        out.push({ name: opName, pred: d.def.body, scope: d.scope, env: env1, params: ps, loc: d.def.body.loc });
        return;
      }
      splitActions(d.def.body, d.scope, env1, opName, ps, out);
      return;
    }
    default:
      return whole();
  }
}
