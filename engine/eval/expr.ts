// Evaluation of expressions to values: Tool.eval / evalAppl in tlc2/tool/impl/Tool.java.
// Names are resolved in the order TLC's Tool.lookup uses: bound names of the context first,
// then the definitions of the module's name space, instance substitutions, cfg constants,
// state variables, and finally the operators TLC implements natively (builtins.ts).
import type { Expr, Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError, TlaError } from '../errors.js';
import { type Ctx, type Env, bind, lookupEnv, primedCtx, currentRun, markNonConst, markVolatile } from './context.js';
import { constHit, constMark, constStore } from './constcache.js';
import type { Scope } from './scope.js';
import { applyOp, evalApply, evalRef, force } from './names.js';
import { bindLet, evalChoose, evalFnLiteral, evalSetFilter, forEachBinding, quantify, applyFn } from './binders.js';
import * as V from './v.js';

// the rest of the evaluator, re-exported so callers keep one import
export {
  applyOp, argBinding, callOp, callOpValues, defOp, force, lookupValue, opArg, resolveName, resolvePrefix, type Res,
} from './names.js';
export { applyFn, bindLet, bindPattern, forEachBinding } from './binders.js';

const LIT = Symbol('literal');
const LIT_RUN = Symbol('literalRun');

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
      markNonConst();
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
    // value constructors: a constant one is built once per name space (constcache.ts)
    case 'setEnum':
    case 'setFilter':
    case 'setMap':
    case 'tuple':
    case 'record':
    case 'recordSet':
    case 'fnLiteral':
    case 'fnSet':
      return constructed(e, sc, env, cx);
    case 'fnApply': {
      const f = ev(e.fn, sc, env, cx);
      const arg = e.args.length === 1 ? ev(e.args[0]!, sc, env, cx) : V.tuple(e.args.map((a) => ev(a, sc, env, cx)));
      return applyFn(f, arg, e.loc);
    }
    case 'field': {
      const r = ev(e.record, sc, env, cx);
      return applyFn(r, fieldName(e, e.field), e.loc);
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
      markNonConst();
      if (cx.next === null) throw new EvalError('UNCHANGED cannot be evaluated here: there is no next state', e.loc);
      const now = ev(e.expr, sc, env, cx);
      const then = ev(e.expr, sc, env, primedCtx(cx));
      return V.bool(V.equals(now, then));
    }
    case 'enabled':
      // reads the state through action generation, which does not mark its reads
      markVolatile();
      return V.bool(hooks.enabled(e.expr, sc, env, cx));
    case 'actionBox': {
      // [A]_v == A \/ v' = v ; <<A>>_v == A /\ v' # v
      markNonConst();
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

// ------------------------------------------------------------------ value constructors

type Constructor = Extract<Expr, { kind: 'setEnum' | 'setFilter' | 'setMap' | 'tuple' | 'record' | 'recordSet' | 'fnLiteral' | 'fnSet' }>;

/** A value constructor whose value is kept when it is constant (no state, bound name or Ctx
 *  read), e.g. the sets of a TypeOK. Out of `ev` so that ev's stack frame stays small: deeply
 *  recursive operators nest it thousands of times. */
function constructed(e: Constructor, sc: Scope, env: Env, cx: Ctx): Value {
  const kept = constHit(e, sc);
  if (kept !== undefined) return kept;
  return constStore(e, sc, constMark(), construct(e, sc, env, cx));
}

function construct(e: Constructor, sc: Scope, env: Env, cx: Ctx): Value {
  switch (e.kind) {
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
    default: {
      const never: never = e;
      throw new EvalError(`unknown constructor ${JSON.stringify(never)}`);
    }
  }
}

// ------------------------------------------------------------------ EXCEPT

function evalExcept(e: Extract<Expr, { kind: 'except' }>, sc: Scope, env: Env, cx: Ctx): Value {
  let f = ev(e.fn, sc, env, cx);
  for (const u of e.updates) {
    const keys = u.path.map((p) => (p.kind === 'field' ? V.str(p.name) : p.args.length === 1 ? ev(p.args[0]!, sc, env, cx) : V.tuple(p.args.map((a) => ev(a, sc, env, cx)))));
    try {
      f = exceptAt(f, keys, 0, u.value, sc, env, cx);
    } catch (err) {
      throw located(err, u.loc);
    }
  }
  return f;
}

/** [g EXCEPT ![keys[i]]...[keys[n-1]] = value], `@` bound to the old value at the path. */
function exceptAt(g: Value, keys: readonly Value[], i: number, value: Expr, sc: Scope, env: Env, cx: Ctx): Value {
  const k = keys[i]!;
  // TLC's FcnRcdValue.takeExcept leaves a function unchanged at arguments outside its domain
  const old = V.select(g, k);
  if (old === undefined) return g;
  const nv = i === keys.length - 1 ? ev(value, sc, bind(env, '@', { kind: 'value', value: old }), cx) : exceptAt(old, keys, i + 1, value, sc, env, cx);
  return V.except(g, k, nv);
}

/** The string value of a field name `r.f`, kept on the node for the current run. */
function fieldName(node: Expr, name: string): Value {
  const c = node as { [LIT]?: Value; [LIT_RUN]?: number };
  if (c[LIT_RUN] === currentRun()) return c[LIT]!;
  c[LIT_RUN] = currentRun();
  return (c[LIT] = V.str(name));
}
