// A temporal PROPERTY as the liveness checker walks it: each subformula keeps the name space it
// is read in, so the checker can look through definitions (`Live == \A p \in P : Q(p)`),
// expand `\A` into one instance per value (as Liveness.java's parseLiveness does with its
// Context), and evaluate the state- and action-level leaves it keeps bits for.
import type { Expr } from '../frontend/ast.js';
import type { TemporalTerm } from './api.js';
import { CONSTANT_CTX, type Env } from './context.js';
import { bindLet, evalBool, forEachBinding, located } from './expr.js';
import { enabled, unfold } from './action.js';
import { levelOf } from './level.js';
import type { Scope } from './scope.js';
import type { Value } from '../values/value.js';

export function temporalTerm(expr: Expr, scope: Scope, env: Env): TemporalTerm {
  return {
    expr,
    level: () => levelOf(expr, scope, env),
    sub: (e) => temporalTerm(e, scope, env),
    unfold() {
      if (expr.kind === 'let') return temporalTerm(expr.body, scope, bindLet(expr.defs, scope, env));
      if (expr.kind !== 'ref' && expr.kind !== 'apply') return undefined;
      const u = unfold(expr, expr.name, expr.prefix, expr.kind === 'apply' ? expr.args : [], expr.loc, scope, env, CONSTANT_CTX);
      return u ? temporalTerm(u.body, u.scope, u.env) : undefined;
    },
    instances() {
      if (expr.kind !== 'forall' && expr.kind !== 'exists') return [];
      const out: { term: TemporalTerm; params: ReadonlyMap<string, Value> }[] = [];
      forEachBinding(expr.bindings, scope, env, CONSTANT_CTX, expr.loc, (env1) => {
        const params = new Map<string, Value>();
        for (let x = env1; x !== env && x; x = x.up) if (x.b.kind === 'value') params.set(x.name, x.b.value);
        out.push({ term: temporalTerm(expr.body, scope, env1), params });
        return true;
      });
      return out;
    },
    holds(s, t) {
      try {
        return evalBool(expr, scope, env, { state: s, next: t ?? null }, 'a temporal property');
      } catch (err) {
        throw located(err, expr.loc);
      }
    },
    enabled(s) {
      try {
        return enabled(expr, scope, env, { state: s, next: null });
      } catch (err) {
        throw located(err, expr.loc);
      }
    },
  };
}
