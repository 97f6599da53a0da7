// Actions (and Init) → TypeScript statements that enumerate next states, following TLC's
// Tool.getNextStates / getInitStates: conjuncts left to right, the first `x' = e` (Init:
// `x = e`) of a variable assigns it, later ones compare; `x' \in S` and `\E` branch; a
// disjunction, IF or CASE tries its branches. The code is generated in continuation-passing
// style: the rest of the conjunction is compiled into every branch, with the compiler
// tracking which variables are certainly assigned at that point (then no run-time test).
import type { Expr, Loc, OperatorDef } from '../engine/frontend/ast.js';
import type { Gen } from './gen.js';
import { type Cx, type Env, bindLet, hooks, bindPattern, compileBool, compileVal, flatBindings, safe, unsupported, where } from './expr.js';

/** Per variable: certainly unassigned, certainly assigned, or either. */
type Asg = 'u' | 'a' | 'm';
type K = (st: readonly Asg[]) => string;
export type Mode = 'init' | 'next';

/** The slot of an assignment target: `x'` in an action, `x` in Init. */
function target(g: Gen, e: Expr, cx: Cx, mode: Mode): number | undefined {
  const v = mode === 'next' ? (e.kind === 'prime' ? e.expr : undefined) : e;
  if (v?.kind !== 'ref' || v.prefix.length > 0 || cx.env.has(v.name)) return undefined;
  return g.slot(v.name);
}

/** Does the expression need action treatment (assignments inside)? */
function isAction(g: Gen, e: Expr, cx: Cx, mode: Mode): boolean {
  const l = g.exprLevel(e, cx.env);
  return mode === 'next' ? l.prime : l.vars;
}

/** The rest of the conjunction, shared by several branches. A short rest is compiled into
 *  each branch (for what that branch has assigned); a long one becomes one local closure,
 *  compiled for what all branches have certainly assigned. */
const INLINE_REST_CHARS = 6000;
function shared(g: Gen, k: K, branches: (kk: K) => string): string {
  const states: (readonly Asg[])[] = [];
  const name = g.tmp('k');
  const probe = branches((st) => {
    states.push(st);
    return `${name}();`;
  });
  if (states.length === 0) return probe;
  const merged = states[0]!.map((_, i) => (states.every((s) => s[i] === 'a') ? 'a' : states.every((s) => s[i] === 'u') ? 'u' : 'm'));
  const rest = k(merged);
  if (states.length === 1 || rest.length * states.length <= INLINE_REST_CHARS) return branches(k);
  return `const ${name} = (): void => {\n${rest}\n};\n${probe}`;
}

function assign(g: Gen, slot: number, valueCode: string, st: readonly Asg[], k: K): string {
  const after = st.slice();
  after[slot] = 'a';
  switch (st[slot]!) {
    case 'u':
      return `p[${g.slotName(slot)}] = ${valueCode};\n${k(after)}\np[${g.slotName(slot)}] = undefined;`;
    case 'a':
      return `if (R.eq(p[${g.slotName(slot)}]!, ${valueCode})) {\n${k(after)}\n}`;
    case 'm': {
      const v = g.tmp('v');
      return `const ${v} = ${valueCode};\n${shared(g, k, (kk) => `if (p[${g.slotName(slot)}] === undefined) {\np[${g.slotName(slot)}] = ${v};\n${kk(after)}\np[${g.slotName(slot)}] = undefined;\n} else if (R.eq(p[${g.slotName(slot)}], ${v})) {\n${kk(after)}\n}`)}`;
    }
  }
}

function enumerate(g: Gen, slot: number, setCode: string, loc: Loc, st: readonly Asg[], k: K): string {
  const after = st.slice();
  after[slot] = 'a';
  const x = g.tmp('x');
  switch (st[slot]!) {
    case 'u':
      return `for (const ${x} of R.elems(${setCode}, ${where(loc)})) {\np[${g.slotName(slot)}] = ${x};\n${k(after)}\n}\np[${g.slotName(slot)}] = undefined;`;
    case 'a':
      return `if (R.mem(p[${g.slotName(slot)}]!, ${setCode})) {\n${k(after)}\n}`;
    case 'm': {
      const S = g.tmp('S');
      return `const ${S} = ${setCode};\n${shared(g, k, (kk) => `if (p[${g.slotName(slot)}] === undefined) {\nfor (const ${x} of R.elems(${S}, ${where(loc)})) {\np[${g.slotName(slot)}] = ${x};\n${kk(after)}\n}\np[${g.slotName(slot)}] = undefined;\n} else if (R.mem(p[${g.slotName(slot)}], ${S})) {\n${kk(after)}\n}`)}`;
    }
  }
}

/** UNCHANGED e: the variables of e (through tuples and definitions) keep their values. */
function unchangedSlots(g: Gen, e: Expr, cx: Cx, out: number[]): void {
  if (e.kind === 'tuple') return e.elems.forEach((x) => unchangedSlots(g, x, cx, out));
  if (e.kind === 'ref' && e.prefix.length === 0 && !cx.env.has(e.name)) {
    const slot = g.slot(e.name);
    if (slot !== undefined) return void out.push(slot);
    const d = g.global(e.name);
    if (d?.kind === 'op' && d.def.params.length === 0) return unchangedSlots(g, d.def.body, { ...cx, env: new Map() }, out);
  }
  unsupported('UNCHANGED of something other than variables and tuples of them', e.loc);
}

/** An action-level operator applied in an action: its body with the arguments bound. */
function inlineOp(g: Gen, def: OperatorDef, defEnv: Env, args: readonly Expr[], cx: Cx, loc: Loc): { pre: string; cx: Cx } {
  if (def.params.some((p) => p.arity > 0)) unsupported('a higher-order action operator', loc);
  const env = new Map(defEnv);
  const pre: string[] = [];
  def.params.forEach((p, i) => {
    const arg = args[i]!;
    const b = arg.kind === 'ref' ? cx.env.get(arg.name) : undefined;
    if (b?.kind === 'val') return void env.set(p.name, b); // a bound name: no copy needed
    // arguments are evaluated when first used, as TLC binds them lazily
    const v = g.tmp(`${safe(p.name)}_`);
    pre.push(`let ${v}: Value | undefined;`);
    env.set(p.name, { kind: 'val', code: `(${v} ??= ${compileVal(g, arg, cx)})` });
  });
  return { pre: pre.join('\n'), cx: { ...cx, env } };
}

/** The definition an action-level name refers to, if it is one to inline. */
export function actionOp(g: Gen, e: Expr, cx: Cx): { def: OperatorDef; env: Env; args: readonly Expr[] } | undefined {
  if ((e.kind !== 'ref' && e.kind !== 'apply') || e.prefix.length > 0) return undefined;
  const args = e.kind === 'apply' ? e.args : [];
  const b = cx.env.get(e.name);
  if (b) return b.kind === 'inline' ? { def: b.def, env: b.env, args } : undefined;
  const d = g.global(e.name);
  if (d) g.checkRootScope(d, e.name, e.loc);
  if (d?.kind === 'op' && g.level(d).prime) return { def: d.def, env: new Map(), args };
  return undefined;
}

/** Compiles `e` as TLC's getNextStates (engine/eval/action.ts `gen`) walks it: structurally
 *  through conjunction, disjunction, \E, =>, IF, CASE, LET and every user-defined operator,
 *  so that even state-level disjuncts count as separate ways (TLC's "generated states");
 *  anything else is a test on the assignment built so far. */
export function compileAction(g: Gen, e: Expr, cx: Cx, mode: Mode, st: readonly Asg[], k: K): string {
  const w = where(e.loc);
  // what the cfg decides is decided here: a constant condition keeps one branch
  const cond = (c: Expr): boolean | undefined => {
    const v = g.constant(c, cx.env);
    return v?.kind === 'bool' ? v.b : undefined;
  };
  switch (e.kind) {
    case 'and': {
      const go = (i: number, s: readonly Asg[]): string => (i === e.args.length ? k(s) : compileAction(g, e.args[i]!, cx, mode, s, (s2) => go(i + 1, s2)));
      return go(0, st);
    }
    case 'or':
      return shared(g, k, (kk) => e.args.map((a) => `{\n${compileAction(g, a, cx, mode, st, kk)}\n}`).join('\n'));
    case 'exists': {
      const flat = flatBindings(e.bindings, e.loc);
      // the rest of the conjunction runs inside the loop, once per value
      const go = (i: number, env: Env): string => {
        if (i === flat.length) return compileAction(g, e.body, { ...cx, env }, mode, st, k);
        const x = g.tmp('x');
        const bound = bindPattern(g, flat[i]!.binding, x, env, e.loc);
        return `for (const ${x} of R.elems(${compileVal(g, flat[i]!.domain, { ...cx, env })}, ${w})) {\n${bound.pre}\n${go(i + 1, bound.env)}\n}`;
      };
      return go(0, cx.env);
    }
    case 'forall':
      // TLC reads \A in an action as a conjunction over the domain; with no assignment inside
      // that is a test
      if (isAction(g, e, cx, mode)) return unsupported('\\A over conjuncts that assign variables', e.loc);
      return guard(g, e, cx, st, k);
    case 'implies': {
      // OPCODE_implies: P => Q generates with Q when P holds, else holds as it is
      const c = cond(e.lhs);
      if (c !== undefined) return c ? compileAction(g, e.rhs, cx, mode, st, k) : k(st);
      return shared(g, k, (kk) => `if (!${compileBool(g, e.lhs, cx)}) {\n${kk(st)}\n} else {\n${compileAction(g, e.rhs, cx, mode, st, kk)}\n}`);
    }
    case 'apply': {
      if (e.prefix.length === 0 && (e.name === '=' || e.name === '\\in') && !cx.env.has(e.name) && !g.global(e.name)) {
        const slot = target(g, e.args[0]!, cx, mode);
        if (slot !== undefined) {
          return e.name === '='
            ? assign(g, slot, compileVal(g, e.args[1]!, cx), st, k)
            : enumerate(g, slot, compileVal(g, e.args[1]!, cx), e.loc, st, k);
        }
      }
      const op = userOp(g, e, cx);
      if (op) {
        const inl = inlineOp(g, op.def, op.env, op.args, cx, e.loc);
        return `{\n${inl.pre}\n${withInlined(op.def, () => compileAction(g, op.def.body, inl.cx, mode, st, k))}\n}`;
      }
      return guard(g, e, cx, st, k);
    }
    case 'ref': {
      const op = userOp(g, e, cx);
      if (op) return withInlined(op.def, () => compileAction(g, op.def.body, { ...cx, env: op.env }, mode, st, k));
      return guard(g, e, cx, st, k);
    }
    case 'unchanged': {
      if (mode === 'init') unsupported('UNCHANGED in Init', e.loc);
      const slots: number[] = [];
      unchangedSlots(g, e.expr, cx, slots);
      const go = (i: number, s: readonly Asg[]): string => (i === slots.length ? k(s) : assign(g, slots[i]!, `s[${g.slotName(slots[i]!)}]!`, s, (s2) => go(i + 1, s2)));
      return go(0, st);
    }
    case 'actionBox': {
      if (e.stutter) {
        const unchanged: Expr = { kind: 'unchanged', expr: e.vars, loc: e.loc };
        return shared(g, k, (kk) => `{\n${compileAction(g, e.action, cx, mode, st, kk)}\n}\n{\n${compileAction(g, unchanged, cx, mode, st, kk)}\n}`);
      }
      return compileAction(g, e.action, cx, mode, st, (s2) => `if (!R.eq(${compileVal(g, e.vars, cx)}, ${compileVal(g, e.vars, { ...cx, cur: 'p' })})) {\n${k(s2)}\n}`);
    }
    case 'if': {
      const c = cond(e.cond);
      if (c !== undefined) return compileAction(g, c ? e.then : e.else, cx, mode, st, k);
      return shared(g, k, (kk) => `if (${compileBool(g, e.cond, cx)}) {\n${compileAction(g, e.then, cx, mode, st, kk)}\n} else {\n${compileAction(g, e.else, cx, mode, st, kk)}\n}`);
    }
    case 'case':
      return shared(g, k, (kk) => {
        const arms = e.arms.map((a) => `if (${compileBool(g, a.cond, cx)}) {\n${compileAction(g, a.body, cx, mode, st, kk)}\n}`);
        const other = e.other ? `{\n${compileAction(g, e.other, cx, mode, st, kk)}\n}` : `{ R.noCaseArm(${w}); }`;
        return `${arms.join(' else ')} else ${other}`;
      });
    case 'let': {
      const bound = bindLet(g, e.defs, cx);
      return `{\n${bound.pre}\n${compileAction(g, e.body, { ...cx, env: bound.env }, mode, st, k)}\n}`;
    }
    case 'bool':
      return e.value ? k(st) : '';
    case 'compose': case 'always': case 'eventually': case 'leadsTo': case 'fairness': case 'temporalQuant':
      return unsupported(`${e.kind} in an action`, e.loc);
    default:
      return guard(g, e, cx, st, k);
  }
}

/** Operators being inlined right now: a recursive one is called, not unfolded forever. */
const inlining = new Set<OperatorDef>();
function withInlined(def: OperatorDef, f: () => string): string {
  inlining.add(def);
  try {
    return f();
  } finally {
    inlining.delete(def);
  }
}

/** A user-defined operator applied as a conjunct: unfolded, as TLC unfolds it. */
function userOp(g: Gen, e: Expr, cx: Cx): { def: OperatorDef; env: Env; args: readonly Expr[] } | undefined {
  const op = actionOp(g, e, cx);
  if (op) return inlining.has(op.def) ? undefined : op;
  if ((e.kind !== 'ref' && e.kind !== 'apply') || e.prefix.length > 0 || cx.env.has(e.name)) return undefined;
  const d = g.global(e.name);
  if (d?.kind !== 'op' || d.def.recursive || inlining.has(d.def) || d.def.params.some((p) => p.arity > 0)) return undefined;
  if (d.def.params.length !== (e.kind === 'apply' ? e.args.length : 0)) return undefined;
  return { def: d.def, env: new Map(), args: e.kind === 'apply' ? e.args : [] };
}

/** A conjunct that only reads (possibly primed) values: a condition on the rest. */
function guard(g: Gen, e: Expr, cx: Cx, st: readonly Asg[], k: K): string {
  const c = g.constant(e, cx.env);
  if (c?.kind === 'bool') return c.b ? k(st) : '';
  return `if (${compileBool(g, e, cx)}) {\n${k(st)}\n}`;
}

/** The end of one way through an action: the complete next state. */
export function finish(names: readonly string[], loc: Loc): K {
  return (st) => (st.every((a) => a === 'a') ? 'out.push(p.slice() as Value[]);' : `out.push(R.complete(p, VARS, ${where(loc)}));`);
}

/** ENABLED A in state s: whether some way through A completes (Specifying Systems §8.4; TLC
 *  looks for one next state). Evaluated with a next state of its own. */
hooks.enabled = (g: Gen, a: Expr, cx: Cx): string => {
  if (cx.cur !== 's') return unsupported('ENABLED under a prime or in Init', a.loc);
  const st = g.varNames.map(() => 'u' as const);
  const body = compileAction(g, a, cx, 'next', st, () => 'found = true;');
  return `((p: Partial): boolean => {\nlet found = false;\n${body}\nreturn found;\n})(new Array<Value | undefined>(${g.varNames.length}).fill(undefined))`;
};
