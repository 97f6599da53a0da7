// Evaluation of expressions to values: Tool.eval / evalAppl in tlc2/tool/impl/Tool.java.
// Names are resolved in the order TLC's Tool.lookup uses: bound names of the context first,
// then the definitions of the module's name space, instance substitutions, cfg constants,
// state variables, and finally the operators TLC implements natively (builtins.ts).
import type { Binding as AstBinding, Expr, Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError, TlaError } from '../errors.js';
import { type Binding, type Ctx, type Env, type OpValue, CONSTANT_CTX, bind, bindValue, lookupEnv, markVolatile, primedCtx, volatileReads, currentRun } from './context.js';
import { type DefEntry, Scope, type Subst, instantiate } from './scope.js';
import { type BuiltinImpl, builtinConstant, builtinImpl, callBuiltin, isBuiltinOp } from './builtins.js';
import * as V from './v.js';

// ------------------------------------------------------------------ entry points

export function evalExpr(e: Expr, sc: Scope, env: Env, cx: Ctx): Value {
  try {
    return ev(e, sc, env, cx);
  } catch (err) {
    throw located(err, e.loc);
  }
}

export function evalBool(e: Expr, sc: Scope, env: Env, cx: Ctx, what: string): boolean {
  const v = ev(e, sc, env, cx);
  if (v.kind !== 'bool') throw new EvalError(`${what} is not a boolean: ${V.show(v)}`, e.loc);
  return v.b;
}

/** Attach a location to errors thrown by value operations (which know none). */
export function located(err: unknown, loc: Loc): unknown {
  if (err instanceof TlaError) {
    if (err.loc === undefined) (err as { loc?: Loc }).loc = loc;
    return err;
  }
  if (err instanceof RangeError) return new EvalError(`evaluation too deep (${err.message}): infinite recursion?`, loc);
  return err;
}

// ------------------------------------------------------------------ the evaluator

export function ev(e: Expr, sc: Scope, env: Env, cx: Ctx): Value {
  switch (e.kind) {
    case 'num': {
      const c = e as { [LIT]?: Value };
      return (c[LIT] ??= V.int(Number(e.value), e.loc));
    }
    case 'str': {
      // each run has its own string table (intern-order.ts): the cache is per run
      const c = e as { [LIT]?: Value; [LIT_RUN]?: number };
      if (c[LIT_RUN] === currentRun()) return c[LIT]!;
      c[LIT_RUN] = currentRun();
      return (c[LIT] = V.str(e.value));
    }
    case 'bool':
      return V.bool(e.value);
    case 'ref':
      if (e.prefix.length > 0) return applyOp(e.name, e.prefix, [], e.loc, sc, env, cx);
      return evalRef(e, sc, env, cx);
    case 'apply':
      if (e.prefix.length > 0) return applyOp(e.name, e.prefix, e.args, e.loc, sc, env, cx);
      return evalApply(e, sc, env, cx);
    case 'lambda':
      throw new EvalError('a LAMBDA expression can only be an argument of an operator', e.loc);
    case 'prime': {
      // Tool.eval OPCODE_prime: evaluate the argument in the next state (s1 as s0).
      if (cx.next === null) throw new EvalError(`a primed expression cannot be evaluated here: there is no next state`, e.loc);
      return ev(e.expr, sc, env, primedCtx(cx));
    }
    case 'and':
      for (const a of e.args) if (!evalBool(a, sc, env, cx, 'a conjunct')) return V.FALSE;
      return V.TRUE;
    case 'or':
      for (const a of e.args) if (evalBool(a, sc, env, cx, 'a disjunct')) return V.TRUE;
      return V.FALSE;
    case 'not':
      return V.bool(!evalBool(e.expr, sc, env, cx, 'the argument of ~'));
    case 'implies':
      return V.bool(!evalBool(e.lhs, sc, env, cx, 'the left side of =>') || evalBool(e.rhs, sc, env, cx, 'the right side of =>'));
    case 'equiv':
      return V.bool(evalBool(e.lhs, sc, env, cx, 'the left side of <=>') === evalBool(e.rhs, sc, env, cx, 'the right side of <=>'));
    case 'if':
      return evalBool(e.cond, sc, env, cx, 'the condition of IF') ? ev(e.then, sc, env, cx) : ev(e.else, sc, env, cx);
    case 'case': {
      // Tool.evalAppl OPCODE_case: arms in order, the first true one wins; OTHER last.
      for (const arm of e.arms) if (evalBool(arm.cond, sc, env, cx, 'a CASE condition')) return ev(arm.body, sc, env, cx);
      if (e.other) return ev(e.other, sc, env, cx);
      throw new EvalError('attempted to evaluate a CASE with no conditions true', e.loc);
    }
    case 'let':
      return ev(e.body, sc, bindLet(e.defs, sc, env), cx);
    case 'forall':
      return V.bool(quantify(e, sc, env, cx, false));
    case 'exists':
      return V.bool(quantify(e, sc, env, cx, true));
    case 'choose':
      return evalChoose(e.binding, e.body, e.loc, sc, env, cx);
    case 'setEnum':
      return V.setOf(e.elems.map((x) => ev(x, sc, env, cx)));
    case 'setFilter':
      return evalSetFilter(e.binding, e.pred, e.loc, sc, env, cx);
    case 'setMap': {
      const out: Value[] = [];
      forEachBinding(e.bindings, sc, env, cx, e.loc, (env1) => {
        out.push(ev(e.body, sc, env1, cx));
        return true;
      });
      return V.setOf(out);
    }
    case 'tuple':
      return V.tuple(e.elems.map((x) => ev(x, sc, env, cx)));
    case 'record':
      return V.record(e.fields.map((f) => f.name), e.fields.map((f) => ev(f.value, sc, env, cx)));
    case 'recordSet':
      return V.recordSet(e.fields.map((f) => f.name), e.fields.map((f) => ev(f.set, sc, env, cx)));
    case 'fnLiteral':
      return evalFnLiteral(e.bindings, e.body, e.loc, sc, env, cx);
    case 'fnSet':
      return V.fcnSet(ev(e.domain, sc, env, cx), ev(e.range, sc, env, cx));
    case 'fnApply': {
      const f = ev(e.fn, sc, env, cx);
      const arg = e.args.length === 1 ? ev(e.args[0]!, sc, env, cx) : V.tuple(e.args.map((a) => ev(a, sc, env, cx)));
      return applyFn(f, arg, e.loc);
    }
    case 'field': {
      const r = ev(e.record, sc, env, cx);
      return applyFn(r, V.str(e.field), e.loc);
    }
    case 'except':
      return evalExcept(e, sc, env, cx);
    case 'at': {
      const b = lookupEnv(env, '@');
      if (!b) throw new EvalError('@ used outside an EXCEPT', e.loc);
      return force(b, '@', e.loc, cx);
    }
    case 'unchanged': {
      // Tool.eval OPCODE_unchanged: e' = e
      if (cx.next === null) throw new EvalError('UNCHANGED cannot be evaluated here: there is no next state', e.loc);
      const now = ev(e.expr, sc, env, cx);
      const then = ev(e.expr, sc, env, primedCtx(cx));
      return V.bool(V.equals(now, then));
    }
    case 'enabled':
      return V.bool(hooks.enabled(e.expr, sc, env, cx));
    case 'actionBox': {
      // [A]_v == A \/ v' = v ; <<A>>_v == A /\ v' # v
      const unchanged = (): boolean => {
        if (cx.next === null) throw new EvalError('an action cannot be evaluated here: there is no next state', e.loc);
        return V.equals(ev(e.vars, sc, env, cx), ev(e.vars, sc, env, primedCtx(cx)));
      };
      if (e.stutter) return V.bool(evalBool(e.action, sc, env, cx, 'the action of [A]_v') || unchanged());
      return V.bool(evalBool(e.action, sc, env, cx, 'the action of <<A>>_v') && !unchanged());
    }
    case 'always':
    case 'eventually':
    case 'leadsTo':
    case 'fairness':
    case 'temporalQuant':
      throw new EvalError('a temporal formula cannot be evaluated as a value; TLC checks it as a property', e.loc);
    case 'compose':
      throw new EvalError('TLC does not implement action composition \\cdot', e.loc);
    default: {
      const never: never = e;
      throw new EvalError(`unknown expression ${JSON.stringify(never)}`);
    }
  }
}

/** ENABLED needs the action enumerator, which imports this module; it registers itself here. */
export const hooks: { enabled: (a: Expr, sc: Scope, env: Env, cx: Ctx) => boolean } = {
  enabled: () => {
    throw new EvalError('ENABLED is not available');
  },
};

// ------------------------------------------------------------------ resolution cache
// Whether a name is bound in the context is lexical, so it is the same every time a given
// node is evaluated; what it means in the name space depends only on the Scope. Each ref/apply
// node remembers its resolution for the last Scope it was evaluated in (instances share nodes).

export type Res =
  | { readonly k: 'env' }
  | { readonly k: 'def'; readonly d: DefEntry }
  | { readonly k: 'subst'; readonly s: Subst }
  | { readonly k: 'var'; readonly slot: number }
  | { readonly k: 'builtin' };

const ENV_RES: Res = { k: 'env' };
const BUILTIN_RES: Res = { k: 'builtin' };

// Symbol keys keep these caches invisible to anything that walks the AST's own properties
// (the front end reuses parsed modules and walks them generically).
const RES = Symbol('resolution');
const BI = Symbol('builtin');
const LIT = Symbol('literal');
const LIT_RUN = Symbol('literalRun');
interface ResCache {
  [RES]?: { readonly sc: Scope; readonly r: Res };
}

export function resolveName(node: Expr, name: string, sc: Scope, env: Env): Res {
  const c = node as ResCache;
  const hit = c[RES];
  if (hit !== undefined && hit.sc === sc) return hit.r;
  let r: Res;
  if (lookupEnv(env, name)) r = ENV_RES;
  else if (sc.defs.has(name)) r = { k: 'def', d: sc.defs.get(name)! };
  else {
    const s = sc.subst.get(name);
    const cd = sc.consts.get(name);
    const slot = sc.vars.get(name);
    if (s) r = { k: 'subst', s };
    else if (cd) r = { k: 'def', d: cd };
    else if (slot !== undefined) r = { k: 'var', slot };
    else r = BUILTIN_RES;
  }
  c[RES] = { sc, r };
  return r;
}

function evalRef(e: Extract<Expr, { kind: 'ref' }>, sc: Scope, env: Env, cx: Ctx): Value {
  const r = resolveName(e, e.name, sc, env);
  switch (r.k) {
    case 'env':
      return force(lookupEnv(env, e.name)!, e.name, e.loc, cx);
    case 'def':
      return defValue(r.d, e.name, e.loc, cx);
    case 'subst':
      return substValue(r.s, cx);
    case 'var': {
      markVolatile();
      if (cx.state === null) throw new EvalError(`the variable ${e.name} cannot be evaluated here: there is no state`, e.loc);
      const v = cx.state[r.slot];
      if (v === undefined) throw new EvalError(`the variable ${e.name} has no value yet`, e.loc);
      return v;
    }
    case 'builtin':
      return lookupValue(e.name, e.loc, sc, env, cx);
  }
}

function evalApply(e: Extract<Expr, { kind: 'apply' }>, sc: Scope, env: Env, cx: Ctx): Value {
  if (e.args.length === 0) return lookupValue(e.name, e.loc, sc, env, cx);
  const r = resolveName(e, e.name, sc, env);
  switch (r.k) {
    case 'env': {
      const b = lookupEnv(env, e.name)!;
      if (b.kind !== 'op') throw new EvalError(`${e.name} is not an operator`, e.loc);
      return callOp(b.op, e.args, e.loc, sc, env, cx);
    }
    case 'def': {
      const op = defOp(r.d);
      if (!op) throw new EvalError(`${e.name} is not an operator with arguments`, e.loc);
      return callOp(op, e.args, e.loc, sc, env, cx);
    }
    case 'builtin': {
      const c = e as { [BI]?: BuiltinImpl };
      const f = (c[BI] ??= builtinImpl(e.name));
      if (f === undefined) throw new EvalError(`unknown operator ${e.name}`, e.loc);
      return f(e.args, e.loc, sc, env, cx);
    }
    default:
      return applyOp(e.name, e.prefix, e.args, e.loc, sc, env, cx);
  }
}

function substValue(s: Subst, cx: Ctx): Value {
  if (s.cached !== undefined) return s.cached;
  const r0 = volatileReads();
  const v = ev(s.expr, s.scope, s.env, cx);
  if (volatileReads() === r0) s.cached = v;
  return v;
}

// ------------------------------------------------------------------ names

export function force(b: Binding, name: string, loc: Loc, cx: Ctx): Value {
  switch (b.kind) {
    case 'value':
      return b.value;
    case 'lazy': {
      if (b.cached !== undefined) return b.cached;
      const r0 = volatileReads();
      const v = ev(b.expr, b.scope, b.env, cx);
      if (volatileReads() === r0) b.cached = v;
      return v;
    }
    case 'fnDef':
      return fnDefValue(b.def.name, b.def.bindings, b.def.body, b.def.loc, b.scope, b.env, cx);
    case 'op': {
      if (b.op.kind === 'user' && b.op.def.params.length === 0) return callOp(b.op, [], loc, b.op.scope, b.op.env, cx);
      throw new EvalError(`the operator ${name} needs arguments`, loc);
    }
    default: {
      const never: never = b;
      throw new EvalError(`unknown binding ${JSON.stringify(never)}`, loc);
    }
  }
}

export function lookupValue(name: string, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  const b = lookupEnv(env, name);
  if (b) return force(b, name, loc, cx);
  const d = sc.defs.get(name);
  if (d) return defValue(d, name, loc, cx);
  const s = sc.subst.get(name);
  if (s) return substValue(s, cx);
  const c = sc.consts.get(name);
  if (c) return defValue(c, name, loc, cx);
  const slot = sc.vars.get(name);
  if (slot !== undefined) {
    markVolatile();
    if (cx.state === null) throw new EvalError(`the variable ${name} cannot be evaluated here: there is no state`, loc);
    const v = cx.state[slot];
    if (v === undefined) throw new EvalError(`the variable ${name} has no value yet`, loc);
    return v;
  }
  if (sc.declaredConsts.has(name)) throw new EvalError(`the constant ${name} is not assigned a value by the configuration`, loc);
  const k = builtinConstant(name, loc);
  if (k !== undefined) return k;
  throw new EvalError(`unknown identifier ${name}`, loc);
}

function defValue(d: DefEntry, name: string, loc: Loc, cx: Ctx): Value {
  switch (d.kind) {
    case 'op': {
      if (d.def.params.length > 0) throw new EvalError(`the operator ${name} needs ${d.def.params.length} argument(s)`, loc);
      if (d.cached !== undefined) return d.cached;
      const r0 = volatileReads();
      const v = ev(d.def.body, d.scope, undefined, cx);
      if (volatileReads() === r0) d.cached = v;
      return v;
    }
    case 'fn':
      return fnDefValue(d.def.name, d.def.bindings, d.def.body, d.def.loc, d.scope, undefined, cx);
    case 'value':
      return d.value;
    case 'alias':
      return defValue(d.target, name, loc, cx);
    case 'instance':
      throw new EvalError(`${name} is an instance, not a value`, loc);
    default: {
      const never: never = d;
      throw new EvalError(`unknown definition ${JSON.stringify(never)}`, loc);
    }
  }
}

/** Resolve `I!J!` prefixes to the instance name space they denote. */
export function resolvePrefix(prefix: readonly { name: string; args: readonly Expr[] }[], loc: Loc, sc: Scope, env: Env, cx: Ctx): Scope {
  let cur = sc;
  let curEnv = env;
  for (const p of prefix) {
    const d = cur.defs.get(p.name);
    if (!d || d.kind !== 'instance') throw new EvalError(`${p.name} is not an instance`, loc);
    if (d.def.params.length === 0) {
      d.inst ??= instantiate(d.scope, d.def, undefined, d.scope.module);
      cur = d.inst!;
    } else {
      if (p.args.length !== d.def.params.length) throw new EvalError(`${p.name} takes ${d.def.params.length} argument(s)`, loc);
      let penv: Env = undefined;
      d.def.params.forEach((prm, i) => {
        penv = bind(penv, prm.name, argBinding(p.args[i]!, prm.arity, sc, curEnv, loc));
      });
      cur = instantiate(d.scope, d.def, penv, d.scope.module)!;
    }
    curEnv = undefined;
  }
  return cur;
}

// ------------------------------------------------------------------ operator application

/** The binding of a parameter of arity `arity` to the argument expression `a`. */
export function argBinding(a: Expr, arity: number, sc: Scope, env: Env, loc: Loc): Binding {
  if (arity > 0) return { kind: 'op', op: resolveOpArg(a, sc, env, loc) };
  switch (a.kind) {
    case 'num':
    case 'str':
    case 'bool':
      return { kind: 'value', value: ev(a, sc, env, CONSTANT_CTX) };
    case 'ref':
      if (a.prefix.length === 0) {
        const b = lookupEnv(env, a.name);
        if (b && b.kind === 'value') return b;
      }
      return { kind: 'lazy', expr: a, scope: sc, env };
    default:
      return { kind: 'lazy', expr: a, scope: sc, env };
  }
}

/** An argument for a higher-order parameter: an operator name or a LAMBDA. */
function resolveOpArg(a: Expr, sc: Scope, env: Env, loc: Loc): OpValue {
  if (a.kind === 'lambda') return { kind: 'lambda', params: a.params, body: a.body, scope: sc, env, loc: a.loc };
  if (a.kind === 'ref' || (a.kind === 'apply' && a.args.length === 0)) {
    const target = a.prefix.length > 0 ? resolvePrefix(a.prefix, a.loc, sc, env, { state: null, next: null }) : sc;
    const op = lookupOp(a.name, target, a.prefix.length > 0 ? undefined : env);
    if (op) return op;
  }
  throw new EvalError('an operator argument must be the name of an operator or a LAMBDA', a.loc ?? loc);
}

function lookupOp(name: string, sc: Scope, env: Env): OpValue | undefined {
  const b = lookupEnv(env, name);
  if (b) return b.kind === 'op' ? b.op : undefined;
  const d = sc.defs.get(name) ?? sc.consts.get(name);
  if (d) return defOp(d);
  const s = sc.subst.get(name);
  if (s) return resolveOpArg(s.expr, s.scope, s.env, s.expr.loc);
  if (isBuiltinOp(name)) return { kind: 'builtin', name, loc: sc.module.loc };
  return undefined;
}

export function defOp(d: DefEntry): OpValue | undefined {
  if (d.kind === 'op') return (d.asOp ??= { kind: 'user', def: d.def, scope: d.scope, env: undefined });
  if (d.kind === 'alias') return defOp(d.target);
  return undefined;
}

export function applyOp(name: string, prefix: readonly { name: string; args: readonly Expr[] }[], args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  const target = prefix.length > 0 ? resolvePrefix(prefix, loc, sc, env, cx) : sc;
  const tenv = prefix.length > 0 ? undefined : env;
  if (args.length === 0) return lookupValue(name, loc, target, tenv, cx);
  const b = lookupEnv(tenv, name);
  if (b) {
    if (b.kind !== 'op') throw new EvalError(`${name} is not an operator`, loc);
    return callOp(b.op, args, loc, sc, env, cx);
  }
  const d = target.defs.get(name) ?? target.consts.get(name);
  if (d) {
    const op = defOp(d);
    if (!op) throw new EvalError(`${name} is not an operator with arguments`, loc);
    return callOp(op, args, loc, sc, env, cx);
  }
  const s = target.subst.get(name);
  if (s) return callOp(resolveOpArg(s.expr, s.scope, s.env, loc), args, loc, sc, env, cx);
  if (isBuiltinOp(name)) return callOp({ kind: 'builtin', name, loc }, args, loc, sc, env, cx);
  throw new EvalError(`unknown operator ${name}`, loc);
}

/** Apply an operator to argument expressions of the caller (`sc`, `env`). */
export function callOp(op: OpValue, args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  switch (op.kind) {
    case 'user': {
      const ps = op.def.params;
      if (ps.length !== args.length) throw new EvalError(`${op.def.name} takes ${ps.length} argument(s), given ${args.length}`, loc);
      let env1 = op.env;
      for (let i = 0; i < ps.length; i++) env1 = bind(env1, ps[i]!.name, argBinding(args[i]!, ps[i]!.arity, sc, env, loc));
      return ev(op.def.body, op.scope, env1, cx);
    }
    case 'lambda': {
      if (op.params.length !== args.length) throw new EvalError(`LAMBDA takes ${op.params.length} argument(s), given ${args.length}`, loc);
      let env1 = op.env;
      for (let i = 0; i < op.params.length; i++) env1 = bind(env1, op.params[i]!, argBinding(args[i]!, 0, sc, env, loc));
      return ev(op.body, op.scope, env1, cx);
    }
    case 'builtin':
      return callBuiltin(op.name, args, loc, sc, env, cx);
    default: {
      const never: never = op;
      throw new EvalError(`unknown operator ${JSON.stringify(never)}`, loc);
    }
  }
}

/** Apply an operator value to already evaluated arguments (for higher-order builtins such as
 *  SelectSeq's test or SortSeq's order). */
export function callOpValues(op: OpValue, vals: readonly Value[], loc: Loc, cx: Ctx): Value {
  const names = vals.map((_, i) => `\u0000arg${i}`);
  let env: Env = undefined;
  vals.forEach((v, i) => (env = bindValue(env, names[i]!, v)));
  const refs: Expr[] = names.map((n) => ({ kind: 'ref', name: n, prefix: [], loc }));
  const sc = op.kind === 'builtin' ? undefined : op.scope;
  return callOp(op, refs, loc, sc ?? (undefined as unknown as Scope), env, cx);
}

export function opArg(a: Expr, sc: Scope, env: Env, loc: Loc): OpValue {
  return resolveOpArg(a, sc, env, loc);
}

// ------------------------------------------------------------------ LET

export function bindLet(defs: readonly import('../frontend/ast.js').Definition[], sc: Scope, env: Env): Env {
  let env1 = env;
  for (const d of defs) {
    switch (d.kind) {
      case 'operator': {
        if (d.params.length === 0) {
          env1 = bind(env1, d.name, { kind: 'lazy', expr: d.body, scope: sc, env: env1 });
        } else {
          // the operator sees itself (RECURSIVE) and the LET definitions before it
          const node: { name: string; b: Binding; up: Env } = { name: d.name, b: undefined as unknown as Binding, up: env1 };
          node.b = { kind: 'op', op: { kind: 'user', def: d, scope: sc, env: node } };
          env1 = node;
        }
        break;
      }
      case 'function': {
        const node: { name: string; b: Binding; up: Env } = { name: d.name, b: undefined as unknown as Binding, up: env1 };
        node.b = { kind: 'fnDef', def: d, scope: sc, env: node };
        env1 = node;
        break;
      }
      case 'instance':
        throw new EvalError('INSTANCE inside LET is not supported', d.loc);
      default: {
        const never: never = d;
        throw new EvalError(`unknown definition ${JSON.stringify(never)}`);
      }
    }
  }
  return env1;
}

// ------------------------------------------------------------------ bound variables

/** Enumerate the bindings `x \in S, <<a, b>> \in T` left to right, the first varying slowest
 *  (TLC's ContextEnumerator); stop when `body` returns false. */
export function forEachBinding(bs: readonly AstBinding[], sc: Scope, env: Env, cx: Ctx, loc: Loc, body: (env: Env) => boolean): boolean {
  try {
    // every domain is evaluated once, in the outer context (TLC's ContextEnumerator)
    const doms: (readonly Value[])[] = [];
    for (const b of bs) {
      if (b.domain === undefined) throw new EvalError('TLC cannot handle an unbounded quantifier; give the bound variable a set (x \\in S)', b.pattern.loc);
      doms.push(V.elements(ev(b.domain, sc, env, cx), b.domain.loc));
    }
    return enumerateBindings(bs, doms, 0, env, body);
  } catch (err) {
    throw located(err, loc);
  }
}

function enumerateBindings(bs: readonly AstBinding[], doms: readonly (readonly Value[])[], i: number, env: Env, body: (env: Env) => boolean): boolean {
  const xs = doms[i]!;
  const last = i === bs.length - 1;
  const pattern = bs[i]!.pattern;
  for (let j = 0; j < xs.length; j++) {
    const env1 = bindPattern(env, pattern, xs[j]!);
    if (!(last ? body(env1) : enumerateBindings(bs, doms, i + 1, env1, body))) return false;
  }
  return true;
}

/** \A (exists = false) or \E (exists = true), short-circuiting in enumeration order. */
function quantify(e: Extract<Expr, { kind: 'forall' | 'exists' }>, sc: Scope, env: Env, cx: Ctx, exists: boolean): boolean {
  const what = exists ? 'the body of \\E' : 'the body of \\A';
  const b = e.bindings[0]!;
  if (e.bindings.length === 1 && b.pattern.kind === 'name' && b.domain !== undefined) {
    // the common case, without the general enumerator's closures
    let xs: readonly Value[];
    try {
      xs = V.elements(ev(b.domain, sc, env, cx), b.domain.loc);
    } catch (err) {
      throw located(err, e.loc);
    }
    const name = b.pattern.name;
    for (let i = 0; i < xs.length; i++) {
      if (evalBool(e.body, sc, bindValue(env, name, xs[i]!), cx, what) === exists) return exists;
    }
    return !exists;
  }
  let r = !exists;
  forEachBinding(e.bindings, sc, env, cx, e.loc, (env1) => {
    if (evalBool(e.body, sc, env1, cx, what) === exists) {
      r = exists;
      return false;
    }
    return true;
  });
  return r;
}

export function bindPattern(env: Env, p: AstBinding['pattern'], x: Value): Env {
  if (p.kind === 'name') return bindValue(env, p.name, x);
  if (x.kind !== 'tuple' || x.elems.length !== p.names.length) {
    throw new EvalError(`cannot bind ${V.show(x)} to the tuple <<${p.names.join(', ')}>>`, p.loc);
  }
  let env1 = env;
  p.names.forEach((n, i) => (env1 = bindValue(env1, n, x.elems[i]!)));
  return env1;
}

function evalChoose(b: AstBinding, body: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  // Tool.evalAppl OPCODE_bc: the first element of the normalised domain satisfying the body.
  if (b.domain === undefined) throw new EvalError('TLC cannot evaluate an unbounded CHOOSE', loc);
  const dom = ev(b.domain, sc, env, cx);
  for (const x of V.elements(dom, b.domain.loc)) {
    if (evalBool(body, sc, bindPattern(env, b.pattern, x), cx, 'the body of CHOOSE')) return x;
  }
  throw new EvalError(`attempted to compute the value of an expression of form CHOOSE x \\in S: P, but no element of S satisfied P (S = ${V.show(dom)})`, loc);
}

function evalSetFilter(b: AstBinding, pred: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  if (b.domain === undefined) throw new EvalError('a set filter needs a domain', loc);
  const dom = ev(b.domain, sc, env, cx);
  const test = (x: Value): boolean => {
    try {
      return evalBool(pred, sc, bindPattern(env, b.pattern, x), cx, 'the condition of a set filter');
    } catch (err) {
      throw located(err, loc);
    }
  };
  if (V.isFiniteEnumerable(dom)) return V.setOf(V.elements(dom, loc).filter(test));
  // SetPredValue: membership without enumeration (e.g. {n \in Nat : n > 2}).
  if (cx.state !== null) markVolatile();
  return V.filter(dom, test);
}

function evalFnLiteral(bs: readonly AstBinding[], body: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  const domains = bs.map((b) => {
    if (b.domain === undefined) throw new EvalError('a function constructor needs a domain', loc);
    return ev(b.domain, sc, env, cx);
  });
  // [x \in S, y \in T |-> e] has domain S \X T (Specifying Systems §16.1.7)
  const flatNames = bs.length === 1 ? null : bs;
  const dom = flatNames ? V.product(domains) : domains[0]!;
  const bindArg = (x: Value): Env => {
    if (!flatNames) return bindPattern(env, bs[0]!.pattern, x);
    if (x.kind !== 'tuple') throw new EvalError(`function argument ${V.show(x)} is not a tuple`, loc);
    let env1 = env;
    flatNames.forEach((b, i) => (env1 = bindPattern(env1, b.pattern, x.elems[i]!)));
    return env1;
  };
  if (V.isFiniteEnumerable(dom)) {
    const xs = V.elements(dom, loc);
    return V.fcn(xs, xs.map((x) => ev(body, sc, bindArg(x), cx)));
  }
  if (cx.state !== null) markVolatile();
  return V.lazyFcn(dom, (x) => {
    try {
      return ev(body, sc, bindArg(x), cx);
    } catch (err) {
      throw located(err, loc);
    }
  });
}

/** f[x \in S] == e: a function whose body may mention f (FcnLambdaValue kept lazy, so that
 *  `fact[n \in Nat] == IF n = 0 THEN 1 ELSE n * fact[n - 1]` evaluates on demand). */
function fnDefValue(name: string, bs: readonly AstBinding[], body: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  const domains = bs.map((b) => {
    if (b.domain === undefined) throw new EvalError(`the function ${name} needs a domain`, loc);
    return ev(b.domain, sc, env, cx);
  });
  const dom = bs.length === 1 ? domains[0]! : V.product(domains);
  if (cx.state !== null) markVolatile();
  const memo = new Map<string, Value>();
  return V.lazyFcn(dom, (x) => {
    const key = V.key(x);
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let env1 = env;
    if (bs.length === 1) env1 = bindPattern(env1, bs[0]!.pattern, x);
    else {
      if (x.kind !== 'tuple') throw new EvalError(`function argument ${V.show(x)} is not a tuple`, loc);
      bs.forEach((b, i) => (env1 = bindPattern(env1, b.pattern, (x as { elems: readonly Value[] }).elems[i]!)));
    }
    try {
      const v = ev(body, sc, env1, cx);
      memo.set(key, v);
      return v;
    } catch (err) {
      throw located(err, loc);
    }
  });
}

export function applyFn(f: Value, arg: Value, loc: Loc): Value {
  try {
    return V.apply(f, arg);
  } catch (err) {
    throw located(err, loc);
  }
}

// ------------------------------------------------------------------ EXCEPT

function evalExcept(e: Extract<Expr, { kind: 'except' }>, sc: Scope, env: Env, cx: Ctx): Value {
  let f = ev(e.fn, sc, env, cx);
  for (const u of e.updates) {
    const keys = u.path.map((p) => (p.kind === 'field' ? V.str(p.name) : p.args.length === 1 ? ev(p.args[0]!, sc, env, cx) : V.tuple(p.args.map((a) => ev(a, sc, env, cx)))));
    const update = (g: Value, i: number): Value => {
      const k = keys[i]!;
      // TLC's FcnRcdValue.takeExcept leaves a function unchanged at arguments outside its domain
      if (!V.inDomain(g, k)) return g;
      const old = V.apply(g, k);
      const nv = i === keys.length - 1 ? ev(u.value, sc, bind(env, '@', { kind: 'value', value: old }), cx) : update(old, i + 1);
      return V.except(g, k, nv);
    };
    try {
      f = update(f, 0);
    } catch (err) {
      throw located(err, u.loc);
    }
  }
  return f;
}
