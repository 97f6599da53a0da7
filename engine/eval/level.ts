// Levels of expressions (Specifying Systems §17.2; SANY's LevelNode.getLevel): 0 constant,
// 1 state, 2 action, 3 temporal. Used to split SPECIFICATION and PROPERTY formulas the way
// Spec.processSpec / processConfigProps do.
import type { Expr } from '../frontend/ast.js';
import type { Env } from './context.js';
import { CONSTANT_CTX, lookupEnv } from './context.js';
import { resolvePrefix } from './expr.js';
import type { DefEntry, Scope } from './scope.js';

export const CONSTANT = 0;
export const STATE = 1;
export const ACTION = 2;
export const TEMPORAL = 3;

const defLevels = new WeakMap<object, number>();

export function levelOf(e: Expr, sc: Scope, env: Env): number {
  const lv = (x: Expr): number => levelOf(x, sc, env);
  const max = (xs: readonly Expr[]): number => xs.reduce((m, x) => Math.max(m, lv(x)), 0);
  switch (e.kind) {
    case 'num': case 'str': case 'bool': case 'at': case 'lambda':
      return CONSTANT;
    case 'ref':
      return e.prefix.length > 0 ? prefixedLevel(e, sc, env) : nameLevel(e.name, sc, env, []);
    case 'apply':
      return Math.max(max(e.args), e.prefix.length > 0 ? prefixedLevel(e, sc, env) : nameLevel(e.name, sc, env, e.args));
    case 'prime': case 'unchanged':
      return ACTION;
    case 'actionBox':
      return ACTION;
    case 'enabled':
      return STATE;
    case 'always': case 'eventually': case 'leadsTo': case 'fairness': case 'temporalQuant':
      return TEMPORAL;
    case 'compose':
      return ACTION;
    case 'and': case 'or':
      return max(e.args);
    case 'not':
      return lv(e.expr);
    case 'implies': case 'equiv':
      return Math.max(lv(e.lhs), lv(e.rhs));
    case 'if':
      return max([e.cond, e.then, e.else]);
    case 'case':
      return Math.max(max(e.arms.flatMap((a) => [a.cond, a.body])), e.other ? lv(e.other) : 0);
    case 'let':
      return Math.max(lv(e.body), ...e.defs.map((d) => (d.kind === 'instance' ? 0 : lv(d.body))));
    case 'forall': case 'exists': case 'setMap': case 'fnLiteral':
      return Math.max(lv(e.body), max(e.bindings.flatMap((b) => (b.domain ? [b.domain] : []))));
    case 'choose':
      return Math.max(lv(e.body), e.binding.domain ? lv(e.binding.domain) : 0);
    case 'setFilter':
      return Math.max(lv(e.pred), e.binding.domain ? lv(e.binding.domain) : 0);
    case 'setEnum': case 'tuple':
      return max(e.elems);
    case 'record':
      return max(e.fields.map((f) => f.value));
    case 'recordSet':
      return max(e.fields.map((f) => f.set));
    case 'fnSet':
      return Math.max(lv(e.domain), lv(e.range));
    case 'fnApply':
      return Math.max(lv(e.fn), max(e.args));
    case 'field':
      return lv(e.record);
    case 'except':
      return Math.max(lv(e.fn), max(e.updates.flatMap((u) => [u.value, ...u.path.flatMap((p) => (p.kind === 'index' ? p.args : []))])));
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** I!Op: the level of Op's definition in the instance's name space (state level if the
 *  instance cannot be opened without a state). */
function prefixedLevel(e: Extract<Expr, { kind: 'ref' | 'apply' }>, sc: Scope, env: Env): number {
  try {
    const inst = resolvePrefix(e.prefix, e.loc, sc, env, CONSTANT_CTX);
    return nameLevel(e.name, inst, undefined, []);
  } catch {
    return STATE;
  }
}

function nameLevel(name: string, sc: Scope, env: Env, args: readonly Expr[]): number {
  const b = lookupEnv(env, name);
  if (b) {
    if (b.kind === 'lazy') return levelOf(b.expr, b.scope, b.env);
    if (b.kind === 'op' && b.op.kind !== 'builtin') return levelOf(b.op.kind === 'user' ? b.op.def.body : b.op.body, b.op.scope, b.op.env);
    return CONSTANT;
  }
  const d = sc.defs.get(name) ?? sc.consts.get(name);
  if (d) return defLevel(d);
  const s = sc.subst.get(name);
  if (s) return levelOf(s.expr, s.scope, s.env);
  if (sc.vars.has(name)) return STATE;
  void args;
  return CONSTANT;
}

function defLevel(d: DefEntry): number {
  const known = defLevels.get(d);
  if (known !== undefined) return known;
  defLevels.set(d, CONSTANT); // recursion: assume constant while computing
  let l = CONSTANT;
  switch (d.kind) {
    case 'op':
      l = levelOf(d.def.body, d.scope, undefined);
      break;
    case 'fn':
      l = Math.max(levelOf(d.def.body, d.scope, undefined), ...d.def.bindings.map((b) => (b.domain ? levelOf(b.domain, d.scope, undefined) : 0)));
      break;
    case 'alias':
      l = defLevel(d.target);
      break;
    case 'value': case 'instance':
      l = CONSTANT;
      break;
  }
  defLevels.set(d, l);
  return l;
}
