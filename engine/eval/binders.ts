// Constructs that bind names: LET, \A/\E, CHOOSE, set filters and maps, function
// constructors and recursive function definitions (Tool.evalAppl's OPCODE_be/bf/bc/soa/sso/fc
// and FcnLambdaValue), enumerating domains in TLC's order (ContextEnumerator).
import type { Binding as AstBinding, Definition, Expr, Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import { type Binding, type Ctx, type Env, bind, bindValue, markNonConst, markVolatile } from './context.js';
import type { Scope } from './scope.js';
import { ev, evalBool, located } from './expr.js';
import * as V from './v.js';

// ------------------------------------------------------------------ LET

export function bindLet(defs: readonly Definition[], sc: Scope, env: Env): Env {
  let env1 = env;
  // `LET RECURSIVE L(_), K(_)`: a RECURSIVE operator may call one defined after it (SANY
  // allows a use before the definition only for operators declared RECURSIVE)
  const seesAll: { env: Env }[] = [];
  for (const d of defs) {
    switch (d.kind) {
      case 'operator': {
        if (d.params.length === 0) {
          env1 = bind(env1, d.name, { kind: 'lazy', expr: d.body, scope: sc, env: env1 });
        } else {
          // the operator sees itself (RECURSIVE) and the LET definitions before it
          const node: { name: string; b: Binding; up: Env } = { name: d.name, b: undefined as unknown as Binding, up: env1 };
          const op = { kind: 'user' as const, def: d, scope: sc, env: node as Env };
          node.b = { kind: 'op', op };
          if (d.recursive) seesAll.push(op);
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
      case 'instance': {
        // LET M == INSTANCE Mod WITH x <- e: M!Op is resolved in Mod's name space, the
        // substitutions evaluated where the LET is (names.ts resolvePrefix)
        if (d.name === undefined) throw new EvalError('an INSTANCE inside LET needs a name (LET M == INSTANCE ...)', d.loc);
        env1 = bind(env1, d.name, { kind: 'instance', def: d, scope: sc, env: env1 });
        break;
      }
      default: {
        const never: never = d;
        throw new EvalError(`unknown definition ${JSON.stringify(never)}`);
      }
    }
  }
  for (const op of seesAll) op.env = env1;
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
export function quantify(e: Extract<Expr, { kind: 'forall' | 'exists' }>, sc: Scope, env: Env, cx: Ctx, exists: boolean): boolean {
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
  if (e.bindings.every((x) => x.pattern.kind === 'name' && x.domain !== undefined)) {
    // \A x, y \in S: nested loops without the general enumerator's closures; as there, every
    // domain is evaluated first, and an error without a location gets the quantifier's
    try {
      const doms = e.bindings.map((x) => V.elements(ev(x.domain!, sc, env, cx), x.domain!.loc));
      return quantifyFrom(e.body, e.bindings, doms, 0, sc, env, cx, exists, what) ? exists : !exists;
    } catch (err) {
      throw located(err, e.loc);
    }
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

/** Whether some assignment of the bindings from index i on makes the body `exists` (a witness
 *  for \E, a counterexample for \A), the first binding varying slowest. */
function quantifyFrom(body: Expr, bs: readonly AstBinding[], doms: readonly (readonly Value[])[], i: number, sc: Scope, env: Env, cx: Ctx, exists: boolean, what: string): boolean {
  const xs = doms[i]!;
  const name = (bs[i]!.pattern as { name: string }).name;
  const last = i === doms.length - 1;
  for (let j = 0; j < xs.length; j++) {
    const env1 = bindValue(env, name, xs[j]!);
    if (last ? evalBool(body, sc, env1, cx, what) === exists : quantifyFrom(body, bs, doms, i + 1, sc, env1, cx, exists, what)) return true;
  }
  return false;
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

export function evalChoose(b: AstBinding, body: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  // Tool.evalAppl OPCODE_bc: the first element of the normalised domain satisfying the body.
  if (b.domain === undefined) throw new EvalError('TLC cannot evaluate an unbounded CHOOSE', loc);
  const dom = ev(b.domain, sc, env, cx);
  // the domain is enumerated only as far as the first witness (TLC's ValueEnumeration)
  for (const x of V.iterate(dom, b.domain.loc)) {
    if (evalBool(body, sc, bindPattern(env, b.pattern, x), cx, 'the body of CHOOSE')) return x;
  }
  throw new EvalError(`attempted to compute the value of an expression of form CHOOSE x \\in S: P, but no element of S satisfied P (S = ${V.show(dom)})`, loc);
}

export function evalSetFilter(b: AstBinding, pred: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  if (b.domain === undefined) throw new EvalError('a set filter needs a domain', loc);
  const dom = ev(b.domain, sc, env, cx);
  if (dom.kind === 'set' || dom.kind === 'interval') {
    // (a loop, not a named closure: esbuild's keepNames would name one on every evaluation)
    const xs = V.elements(dom, loc);
    const out: Value[] = [];
    try {
      for (let i = 0; i < xs.length; i++) {
        if (evalBool(pred, sc, bindPattern(env, b.pattern, xs[i]!), cx, 'the condition of a set filter')) out.push(xs[i]!);
      }
    } catch (err) {
      throw located(err, loc);
    }
    return V.setOf(out);
  }
  const test = (x: Value): boolean => {
    try {
      return evalBool(pred, sc, bindPattern(env, b.pattern, x), cx, 'the condition of a set filter');
    } catch (err) {
      throw located(err, loc);
    }
  };
  // SetPredValue over a set TLC keeps lazy (Nat, SUBSET S, [S -> T], ...): membership tests
  // only the element in question, enumeration happens if and when it is needed
  // the closure reads the state and the bound names later, when it is asked
  if (cx.state !== null) markVolatile();
  markNonConst();
  return V.filter(dom, test);
}

export function evalFnLiteral(bs: readonly AstBinding[], body: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  const domains = bs.map((b) => {
    if (b.domain === undefined) throw new EvalError('a function constructor needs a domain', loc);
    return ev(b.domain, sc, env, cx);
  });
  // [x \in S, y \in T |-> e] has domain S \X T (Specifying Systems §16.1.7)
  const flatNames = bs.length === 1 ? null : bs;
  const dom = flatNames ? V.product(domains) : domains[0]!;
  if (!flatNames && V.isFiniteEnumerable(dom)) {
    // the common [x \in S |-> e], without the closure below
    const xs = V.elements(dom, loc);
    const vals: Value[] = new Array(xs.length);
    const pattern = bs[0]!.pattern;
    for (let i = 0; i < xs.length; i++) vals[i] = ev(body, sc, bindPattern(env, pattern, xs[i]!), cx);
    return V.fcn(xs, vals);
  }
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
  markNonConst();
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
export function fnDefValue(name: string, bs: readonly AstBinding[], body: Expr, loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  const domains = bs.map((b) => {
    if (b.domain === undefined) throw new EvalError(`the function ${name} needs a domain`, loc);
    return ev(b.domain, sc, env, cx);
  });
  const dom = bs.length === 1 ? domains[0]! : V.product(domains);
  if (cx.state !== null) markVolatile();
  markNonConst();
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
