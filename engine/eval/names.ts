// What names mean and how operators are applied: Tool.lookup's order (context, definitions,
// instance substitutions, cfg constants, state variables, built-ins), operator arguments as
// lazy values (TLC's LazyValue), instance prefixes `I(a)!Op`, and the per-node caches that
// keep resolution off the hot path.
import type { Expr, Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import { type Binding, type Ctx, type Env, type OpValue, CONSTANT_CTX, bind, bindValue, lookupEnv, markKeptRead, markStateRead, unstableReads, volatileReads } from './context.js';
import { constHit, constStore, constMark } from './constcache.js';
import { type DefEntry, Scope, type Subst, instantiate } from './scope.js';
import { type BuiltinImpl, builtinConstant, builtinImpl, callBuiltin, isBuiltinOp } from './builtins.js';
import { ev } from './expr.js';
import { fnDefValue } from './binders.js';

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

export function evalRef(e: Extract<Expr, { kind: 'ref' }>, sc: Scope, env: Env, cx: Ctx): Value {
  const r = resolveName(e, e.name, sc, env);
  switch (r.k) {
    case 'env':
      return force(lookupEnv(env, e.name)!, e.name, e.loc, cx);
    case 'def':
      return defValue(r.d, e.name, e.loc, cx);
    case 'subst':
      return substValue(r.s, cx);
    case 'var': {
      markStateRead(cx, r.slot);
      if (cx.state === null) throw new EvalError(`the variable ${e.name} cannot be evaluated here: there is no state`, e.loc);
      const v = cx.state[r.slot];
      if (v === undefined) throw new EvalError(`the variable ${e.name} has no value yet`, e.loc);
      return v;
    }
    case 'builtin':
      return lookupValue(e.name, e.loc, sc, env, cx);
  }
}

export function evalApply(e: Extract<Expr, { kind: 'apply' }>, sc: Scope, env: Env, cx: Ctx): Value {
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
      // `Dev \cup {NoDev}`, `1..N`, `{"conn"} \X Conn`: built once per name space
      const kept = constHit(e, sc);
      if (kept !== undefined) return kept;
      return constStore(e, sc, constMark(), f(e.args, e.loc, sc, env, cx));
    }
    default:
      return applyOp(e.name, e.prefix, e.args, e.loc, sc, env, cx);
  }
}

function substValue(s: Subst, cx: Ctx): Value {
  if (s.cached !== undefined) return s.cached;
  if (s.cx === cx) {
    markKeptRead();
    return s.cxValue!;
  }
  const r0 = volatileReads();
  const u0 = unstableReads();
  const v = ev(s.expr, s.scope, s.env, cx);
  if (volatileReads() === r0) s.cached = v;
  else if (unstableReads() === u0) {
    s.cx = cx;
    s.cxValue = v;
  }
  return v;
}

// ------------------------------------------------------------------ names

export function force(b: Binding, name: string, loc: Loc, cx: Ctx): Value {
  switch (b.kind) {
    case 'value':
      return b.value;
    case 'lazy': {
      if (b.cached !== undefined) return b.cached;
      if (b.cx === cx) {
        markKeptRead();
        return b.cxValue!;
      }
      const r0 = volatileReads();
      const u0 = unstableReads();
      const v = ev(b.expr, b.scope, b.env, cx);
      if (volatileReads() === r0) b.cached = v;
      else if (unstableReads() === u0) {
        // read only the stable state of cx: the same value for as long as cx lives
        b.cx = cx;
        b.cxValue = v;
      }
      return v;
    }
    case 'fnDef':
      return fnDefValue(b.def.name, b.def.bindings, b.def.body, b.def.loc, b.scope, b.env, cx);
    case 'instance':
      throw new EvalError(`${name} is an instance, not a value`, loc);
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
    markStateRead(cx, slot);
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
      if (d.cx === cx) {
        markKeptRead();
        return d.cxValue!;
      }
      const r0 = volatileReads();
      const u0 = unstableReads();
      const v = ev(d.def.body, d.scope, undefined, cx);
      if (volatileReads() === r0) d.cached = v;
      else if (unstableReads() === u0) {
        // a state-level definition (`Blank == CHOOSE p \in Pos : board[p] = 0`) read several
        // times while one state is expanded or checked is computed once for it
        d.cx = cx;
        d.cxValue = v;
      }
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
    // a LET-bound instance (LET M == INSTANCE ...) shadows the module's definitions
    const b = curEnv === undefined ? undefined : lookupEnv(curEnv, p.name);
    if (b?.kind === 'instance') {
      if (p.args.length !== b.def.params.length) throw new EvalError(`${p.name} takes ${b.def.params.length} argument(s)`, loc);
      let penv: Env = b.env;
      b.def.params.forEach((prm, i) => {
        penv = bind(penv, prm.name, argBinding(p.args[i]!, prm.arity, sc, curEnv, loc));
      });
      cur = instantiate(b.scope, b.def, penv, b.scope.module)!;
      curEnv = undefined;
      continue;
    }
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
