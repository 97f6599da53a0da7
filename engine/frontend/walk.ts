// The direct subexpressions of an expression, for passes that look for something anywhere
// in a tree (INSTANCEs inside LET, primed variables, ...). The switch is exhaustive, so a new
// Expr kind breaks the build here until its children are listed.
import type { Definition, Expr } from './ast.js';

/** Subexpressions of `e`, including the bodies of LET definitions and binding domains. */
export function childExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case 'num':
    case 'str':
    case 'bool':
    case 'at':
      return [];
    case 'ref':
      return e.prefix.flatMap((p) => p.args);
    case 'apply':
      return [...e.prefix.flatMap((p) => p.args), ...e.args];
    case 'lambda':
      return [e.body];
    case 'prime':
    case 'not':
    case 'unchanged':
    case 'enabled':
    case 'always':
    case 'eventually':
      return [e.expr];
    case 'and':
    case 'or':
      return [...e.args];
    case 'implies':
    case 'equiv':
    case 'leadsTo':
    case 'compose':
      return [e.lhs, e.rhs];
    case 'if':
      return [e.cond, e.then, e.else];
    case 'case':
      return [...e.arms.flatMap((a) => [a.cond, a.body]), ...(e.other ? [e.other] : [])];
    case 'let':
      return [...e.defs.flatMap(definitionExprs), e.body];
    case 'forall':
    case 'exists':
    case 'fnLiteral':
    case 'setMap':
      return [...e.bindings.flatMap((b) => (b.domain ? [b.domain] : [])), e.body];
    case 'choose':
      return [...(e.binding.domain ? [e.binding.domain] : []), e.body];
    case 'setFilter':
      return [...(e.binding.domain ? [e.binding.domain] : []), e.pred];
    case 'setEnum':
    case 'tuple':
      return [...e.elems];
    case 'record':
      return e.fields.map((f) => f.value);
    case 'recordSet':
      return e.fields.map((f) => f.set);
    case 'fnSet':
      return [e.domain, e.range];
    case 'fnApply':
      return [e.fn, ...e.args];
    case 'field':
      return [e.record];
    case 'except':
      return [e.fn, ...e.updates.flatMap((u) => [...u.path.flatMap((s) => (s.kind === 'index' ? s.args : [])), u.value])];
    case 'actionBox':
      return [e.action, e.vars];
    case 'fairness':
      return [e.vars, e.action];
    case 'temporalQuant':
      return [e.body];
    default: {
      const never: never = e;
      throw new Error(`unhandled expression kind ${(never as Expr).kind}`);
    }
  }
}

/** The expressions of a definition: body and binding domains, or INSTANCE substitutions. */
export function definitionExprs(d: Definition): Expr[] {
  switch (d.kind) {
    case 'operator':
      return [d.body];
    case 'function':
      return [...d.bindings.flatMap((b) => (b.domain ? [b.domain] : [])), d.body];
    case 'instance':
      return d.substitutions.map((s) => s.expr);
    default: {
      const never: never = d;
      throw new Error(`unhandled definition kind ${(never as Definition).kind}`);
    }
  }
}
