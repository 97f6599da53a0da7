// TLA+ expressions → TypeScript expressions over engine values (codegen/runtime.ts).
// Names are resolved in the engine's root name space (engine/eval/scope.ts: EXTENDS merged,
// cfg constants and overrides bound), so a name means in generated code what it means to the
// interpreter. Operators of the spec become top-level functions of the generated module;
// operators that mention primes are inlined where they are used (codegen/action.ts), as TLC
// evaluates them in the action's context (Tool.getNextStates).
import { basename } from 'node:path';
import type { Binding, Expr, Loc, OperatorDef } from '../engine/frontend/ast.js';
import { UnsupportedError } from '../engine/errors.js';
import type { Gen } from './gen.js';

/** ENABLED A is compiled by codegen/action.ts (which imports this file): set there. */
export const hooks: { enabled: (g: Gen, action: Expr, cx: Cx) => string } = {
  enabled: (_g, a) => unsupported('ENABLED', a.loc),
};

/** What a name bound in the generated code stands for. */
export type Bound =
  /** a TS expression of type Value */
  | { readonly kind: 'val'; readonly code: string }
  /** a TS expression of type (...args: Value[]) => Value (operator parameter, LET operator) */
  | { readonly kind: 'op'; readonly code: string; readonly arity: number }
  /** an action-level LET definition: inlined where it is used */
  | { readonly kind: 'inline'; readonly def: OperatorDef; readonly env: Env };

export type Env = ReadonlyMap<string, Bound>;

export interface Cx {
  readonly env: Env;
  /** where unprimed variables are read: `s` (the current state) or `p` (Init, or under a prime) */
  readonly cur: 's' | 'p';
}

export function where(loc: Loc): string {
  return JSON.stringify(`${basename(loc.file)}:${loc.line}:${loc.col}`);
}

export function unsupported(what: string, loc: Loc): never {
  throw new UnsupportedError(`code generation: ${what} is not supported`, loc);
}

/** The value of a function definition (single binding) as R.recFcn(domain, body). */
export function recFcnCode(g: Gen, bs: readonly Binding[], body: Expr, cx: Cx, loc: Loc): string {
  const flat = flatBindings(bs, loc);
  if (flat.length !== 1) return unsupported('a function definition over several bindings', loc);
  const x = g.tmp('x');
  const bound = bindPattern(g, flat[0]!.binding, x, cx.env, loc);
  return `R.recFcn(${compileVal(g, flat[0]!.domain, cx)}, (${x}: Value) => { ${bound.pre} return ${compileVal(g, body, { ...cx, env: bound.env })}; })`;
}

export function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

// ---------------------------------------------------------------- bindings

/** Binds the names of one quantifier binding to a TS variable `x`; returns the env and the
 *  statements that destructure a tuple pattern. */
export function bindPattern(g: Gen, b: Binding, x: string, env: Env, loc: Loc): { env: Env; pre: string } {
  const next = new Map(env);
  if (b.pattern.kind === 'name') {
    next.set(b.pattern.name, { kind: 'val', code: x });
    return { env: next, pre: '' };
  }
  const pre: string[] = [];
  b.pattern.names.forEach((n, i) => {
    const v = g.tmp(`${safe(n)}_`);
    pre.push(`const ${v} = R.nth(${x}, ${i + 1}, ${where(loc)});`);
    next.set(n, { kind: 'val', code: v });
  });
  return { env: next, pre: pre.join(' ') };
}

/** Flattens `x \in S, y \in T` (and `x, y \in S`) into single bindings with domains. */
export function flatBindings(bs: readonly Binding[], loc: Loc): { binding: Binding; domain: Expr }[] {
  return bs.map((b) => {
    if (!b.domain) return unsupported('an unbounded quantifier (\\A x : P, \\E x : P, CHOOSE x : P)', loc);
    return { binding: b, domain: b.domain };
  });
}

/** A nested predicate over several bindings: `(x) => R.all(T, (y) => body)` etc. */
function quantified(g: Gen, bs: readonly Binding[], cx: Cx, loc: Loc, combine: 'all' | 'any', body: (cx: Cx) => string): string {
  const flat = flatBindings(bs, loc);
  const go = (i: number, env: Env): string => {
    if (i === flat.length) return body({ ...cx, env });
    const { binding, domain } = flat[i]!;
    const x = g.tmp('x');
    const dom = compileVal(g, domain, { ...cx, env });
    const bound = bindPattern(g, binding, x, env, loc);
    const inner = go(i + 1, bound.env);
    const fn = bound.pre ? `(${x}: Value) => { ${bound.pre} return ${inner}; }` : `(${x}: Value) => ${inner}`;
    return `R.${combine}(${dom}, ${fn}, ${where(loc)})`;
  };
  return go(0, cx.env);
}

function fnLiteral(g: Gen, bs: readonly Binding[], body: Expr, cx: Cx, loc: Loc): string {
  const flat = flatBindings(bs, loc);
  if (flat.length === 1) {
    const { binding, domain } = flat[0]!;
    const x = g.tmp('x');
    const bound = bindPattern(g, binding, x, cx.env, loc);
    const b = compileVal(g, body, { ...cx, env: bound.env });
    return `R.fcn(${compileVal(g, domain, cx)}, (${x}: Value) => { ${bound.pre} return ${b}; }, ${where(loc)})`;
  }
  // [x \in S, y \in T |-> e] is a function on S \X T (Specifying Systems §16.1.7)
  const t = g.tmp('t');
  let env = cx.env;
  const pre: string[] = [];
  flat.forEach(({ binding }, i) => {
    const xi = g.tmp('x');
    pre.push(`const ${xi} = R.nth(${t}, ${i + 1}, ${where(loc)});`);
    const bound = bindPattern(g, binding, xi, env, loc);
    env = bound.env;
    if (bound.pre) pre.push(bound.pre);
  });
  const doms = flat.map((f) => compileVal(g, f.domain, cx)).join(', ');
  return `R.fcn(R.times(${doms}), (${t}: Value) => { ${pre.join(' ')} return ${compileVal(g, body, { ...cx, env })}; }, ${where(loc)})`;
}

/** LET definitions as lazily computed local values or local functions. Returns statements. */
export function bindLet(g: Gen, defs: readonly import('../engine/frontend/ast.js').Definition[], cx: Cx): { env: Env; pre: string } {
  const env = new Map(cx.env);
  const pre: string[] = [];
  for (const d of defs) {
    if (d.kind === 'instance') unsupported('INSTANCE inside LET', d.loc);
    if (d.kind === 'function') {
      const v = g.tmp(`${safe(d.name)}_`);
      env.set(d.name, { kind: 'val', code: `${v}()` });
      const code = recFcnCode(g, d.bindings, d.body, { ...cx, env }, d.loc);
      pre.push(`let ${v}_c: Value | undefined; const ${v} = (): Value => (${v}_c ??= ${code});`);
      continue;
    }
    if (g.exprLevel(d.body, env).prime) {
      env.set(d.name, { kind: 'inline', def: d, env: new Map(env) });
      continue;
    }
    const v = g.tmp(`${safe(d.name)}_`);
    if (d.params.length === 0) {
      // lazy, as TLA+ definitions are (`LET d == f[x] IN IF x \in DOMAIN f THEN d ELSE 0`):
      // computed at the first use, without a closure (closures cost on the hot path)
      const code = compileVal(g, d.body, { ...cx, env });
      env.set(d.name, { kind: 'val', code: `(${v} ??= ${code})` });
      pre.push(`let ${v}: Value | undefined;`);
    } else {
      env.set(d.name, { kind: 'op', code: v, arity: d.params.length });
      const inner = new Map(env);
      const ps = d.params.map((p, i) => {
        const pv = `${v}_a${i}`;
        inner.set(p.name, p.arity > 0 ? { kind: 'op', code: pv, arity: p.arity } : { kind: 'val', code: pv });
        return p.arity > 0 ? `${pv}: (...args: Value[]) => Value` : `${pv}: Value`;
      });
      const code = compileVal(g, d.body, { ...cx, env: inner });
      pre.push(`function ${v}(${ps.join(', ')}): Value { return ${code}; }`);
    }
  }
  return { env, pre: pre.join('\n') };
}

// ---------------------------------------------------------------- values

const BINARY: Readonly<Record<string, string>> = {
  '+': 'add', '-': 'sub', '*': 'mul', '\\div': 'div', '%': 'mod', '^': 'pow', '..': 'range',
  Append: 'append', '\\o': 'concat',
};
const SIMPLE: Readonly<Record<string, string>> = {
  '\\cup': 'cup', '\\cap': 'cap', '\\': 'minus', ':>': 'colonGt', '@@': 'merge',
};
const COMPARE: Readonly<Record<string, string>> = { '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

/** A boolean-valued built-in compiled to a JS boolean, or undefined. */
function builtinBool(g: Gen, e: Expr & { kind: 'apply' }, cx: Cx): string | undefined {
  const a = (i: number): string => compileVal(g, e.args[i]!, cx);
  const w = where(e.loc);
  switch (e.name) {
    case '=': return `R.eq(${a(0)}, ${a(1)})`;
    case '#': return `!R.eq(${a(0)}, ${a(1)})`;
    case '\\in': {
      // x \in Seq(S): membership only, as TLC's SeqValue (Seq(S) is never enumerated)
      const S = e.args[1]!;
      if (S.kind === 'apply' && S.name === 'Seq' && S.prefix.length === 0 && !cx.env.has('Seq') && !g.global('Seq')) return `R.inSeq(${a(0)}, ${compileVal(g, S.args[0]!, cx)})`;
      return `R.mem(${a(0)}, ${a(1)})`;
    }
    case '\\notin': return `!R.mem(${a(0)}, ${a(1)})`;
    case '\\subseteq': return `R.subseteq(${a(0)}, ${a(1)})`;
    case '\\supseteq': return `R.subseteq(${a(1)}, ${a(0)})`;
    case '\\subset': return `(R.subseteq(${a(0)}, ${a(1)}) && !R.eq(${a(0)}, ${a(1)}))`;
    case '~': return `!${compileBool(g, e.args[0]!, cx)}`;
    case '/\\': return `(${compileBool(g, e.args[0]!, cx)} && ${compileBool(g, e.args[1]!, cx)})`;
    case '\\/': return `(${compileBool(g, e.args[0]!, cx)} || ${compileBool(g, e.args[1]!, cx)})`;
    case '=>': return `(!${compileBool(g, e.args[0]!, cx)} || ${compileBool(g, e.args[1]!, cx)})`;
    case '<=>': return `(${compileBool(g, e.args[0]!, cx)} === ${compileBool(g, e.args[1]!, cx)})`;
    default: {
      const op = COMPARE[e.name];
      return op ? `(R.num(${a(0)}, ${w}) ${op} R.num(${a(1)}, ${w}))` : undefined;
    }
  }
}

function builtinVal(g: Gen, e: Expr & { kind: 'apply' }, cx: Cx): string {
  const args = e.args.map((x) => compileVal(g, x, cx));
  const w = where(e.loc);
  const bin = BINARY[e.name];
  if (bin) return `R.${bin}(${args[0]}, ${args[1]}, ${w})`;
  const simple = SIMPLE[e.name];
  if (simple) return `R.${simple}(${args[0]}, ${args[1]})`;
  switch (e.name) {
    case '-.': return `R.neg(${args[0]}, ${w})`;
    case 'SUBSET': return `R.SUBSET(${args[0]})`;
    case 'UNION': return `R.UNION(${args[0]})`;
    case 'DOMAIN': return `R.DOMAIN(${args[0]}, ${w})`;
    case '\\X': return `R.times(${args.join(', ')})`;
    case 'Seq': return `R.seqSet(${args[0]})`;
    case 'Len': return `R.len(${args[0]}, ${w})`;
    case 'Head': return `R.head(${args[0]}, ${w})`;
    case 'Tail': return `R.tail(${args[0]}, ${w})`;
    case 'SubSeq': return `R.subSeq(${args[0]}, ${args[1]}, ${args[2]}, ${w})`;
    case 'Cardinality': return `R.card(${args[0]}, ${w})`;
    case 'IsFiniteSet': return `R.isFiniteSet(${args[0]})`;
    case 'Assert': return `R.assert(${args[0]}, ${args[1]}, ${w})`;
    case 'ToString': return `R.toString(${args[0]})`;
    case 'Permutations': return `R.perms(${args[0]})`;
    case 'Print': case 'PrintT': return args[args.length - 1]!; // the value; output is the checker's business
    case 'TLCEval': return args[0]!;
    case 'SelectSeq': return `R.selectSeq(${args[0]}, (x: Value) => R.isTrue(${opArgCall(g, e.args[1]!, cx, ['x'])}, ${w}), ${w})`;
    case 'SortSeq': return `R.sortSeq(${args[0]}, (x: Value, y: Value) => R.isTrue(${opArgCall(g, e.args[1]!, cx, ['x', 'y'])}, ${w}), ${w})`;
    default: {
      const b = builtinBool(g, e, cx);
      if (b !== undefined) return `R.bool(${b})`;
      return unsupported(`the operator ${e.name}`, e.loc);
    }
  }
}

/** An operator argument (a name or LAMBDA) applied to TS expressions. */
function opArgCall(g: Gen, a: Expr, cx: Cx, xs: readonly string[]): string {
  if (a.kind === 'lambda') {
    const env = new Map(cx.env);
    a.params.forEach((p, i) => env.set(p, { kind: 'val', code: xs[i]! }));
    return compileVal(g, a.body, { ...cx, env });
  }
  if (a.kind === 'ref') return callNamed(g, a.name, xs, cx, a.loc);
  return unsupported('this operator argument', a.loc);
}

/** An operator argument as a TS function value (for higher-order user operators). */
function opArgValue(g: Gen, a: Expr, arity: number, cx: Cx): string {
  const xs = Array.from({ length: arity }, (_, i) => `y${i}`);
  return `(${xs.map((x) => `${x}: Value`).join(', ')}): Value => ${opArgCall(g, a, cx, xs)}`;
}

/** Application of a user operator, an operator parameter or a LET operator to argument code. */
function callNamed(g: Gen, name: string, argCode: readonly string[], cx: Cx, loc: Loc, argExprs?: readonly Expr[]): string {
  const b = cx.env.get(name);
  if (b) {
    switch (b.kind) {
      case 'val': return argCode.length === 0 ? b.code : unsupported(`applying ${name} to arguments`, loc);
      case 'op': return `${b.code}(${argCode.join(', ')})`;
      case 'inline': return inlineVal(g, b.def, b.env, argCode, cx, loc);
      default: {
        const never: never = b;
        throw new Error(`unhandled binding ${JSON.stringify(never)}`);
      }
    }
  }
  const slot = g.slot(name);
  if (slot !== undefined) return cx.cur === 's' ? `s[${g.slotName(slot)}]!` : `R.primed(p, ${g.slotName(slot)}, ${JSON.stringify(name)}, ${where(loc)})`;
  const d = g.global(name);
  if (!d) return unsupported(`the name ${name}`, loc);
  g.checkRootScope(d, name, loc);
  switch (d.kind) {
    case 'value': return g.literal(d.value);
    case 'instance': return unsupported('INSTANCE', loc);
    case 'alias': throw new Error('unreachable: aliases are followed by Gen.global');
    case 'fn': return `${g.opFunction(d)}(${cx.cur})`;
    case 'op': {
      if (g.level(d).prime) return inlineVal(g, d.def, new Map(), argCode, cx, loc);
      const params = d.def.params;
      const code = params.map((p, i) => (p.arity > 0 ? (argExprs ? opArgValue(g, argExprs[i]!, p.arity, cx) : unsupported('a higher-order argument here', loc)) : argCode[i]!));
      return `${g.opFunction(d)}(${cx.cur === 's' ? 's' : 'p as St'}${code.map((c) => `, ${c}`).join('')})`;
    }
    default: {
      const never: never = d;
      throw new Error(`unhandled definition ${JSON.stringify(never)}`);
    }
  }
}

/** An action-level operator used as a value (`x' + 1` inside an operator): its body with the
 *  arguments bound, as an immediately applied arrow function. */
function inlineVal(g: Gen, def: OperatorDef, env: Env, argCode: readonly string[], cx: Cx, _loc: Loc): string {
  const inner = new Map(env);
  const ps = def.params.map((p, i) => {
    const v = g.tmp(`${safe(p.name)}_`);
    inner.set(p.name, { kind: 'val', code: v });
    return { v, code: argCode[i]! };
  });
  const body = compileVal(g, def.body, { ...cx, env: inner });
  return `((${ps.map((p) => `${p.v}: Value`).join(', ')}): Value => ${body})(${ps.map((p) => p.code).join(', ')})`;
}

/** Compiles a TLA+ expression to a TS expression of type `Value`. */
export function compileVal(g: Gen, e: Expr, cx: Cx): string {
  const folded = g.constant(e, cx.env);
  if (folded !== undefined) return g.literal(folded);
  const w = where(e.loc);
  switch (e.kind) {
    case 'num': return g.literal({ kind: 'int', n: Number(e.value) });
    case 'str': return g.literal({ kind: 'str', s: e.value, tok: 0, h1: 0, h2: 0 });
    case 'bool': return e.value ? 'R.TRUE' : 'R.FALSE';
    case 'ref': {
      if (e.prefix.length > 0) return unsupported('instance-qualified names (I!x)', e.loc);
      if (!cx.env.has(e.name) && g.slot(e.name) === undefined && !g.global(e.name)) {
        switch (e.name) {
          case 'Nat': return 'R.NAT';
          case 'Int': return 'R.INT';
          case 'BOOLEAN': return 'R.BOOLEAN';
          case 'STRING': return 'R.STRING';
          default: return unsupported(`the name ${e.name}`, e.loc);
        }
      }
      return callNamed(g, e.name, [], cx, e.loc);
    }
    case 'apply': {
      if (e.prefix.length > 0) return unsupported('instance-qualified names (I!Op)', e.loc);
      if (cx.env.has(e.name) || g.global(e.name)) return callNamed(g, e.name, e.args.map((a) => (a.kind === 'lambda' ? 'undefined as never' : compileVal(g, a, cx))), cx, e.loc, e.args);
      return builtinVal(g, e, cx);
    }
    case 'lambda': return unsupported('LAMBDA outside an operator argument', e.loc);
    case 'prime': {
      if (e.expr.kind === 'ref' && g.slot(e.expr.name) !== undefined && !cx.env.has(e.expr.name)) {
        return `R.primed(p, ${g.slotName(g.slot(e.expr.name)!)}, ${JSON.stringify(e.expr.name)}, ${w})`;
      }
      return compileVal(g, e.expr, { ...cx, cur: 'p' });
    }
    case 'and': case 'or': case 'not': case 'implies': case 'equiv': case 'forall': case 'exists':
      return `R.bool(${compileBool(g, e, cx)})`;
    case 'if': return `(${compileBool(g, e.cond, cx)} ? ${compileVal(g, e.then, cx)} : ${compileVal(g, e.else, cx)})`;
    case 'case': {
      const other = e.other ? compileVal(g, e.other, cx) : `R.noCaseArm(${w})`;
      return e.arms.reduceRight((acc, arm) => `(${compileBool(g, arm.cond, cx)} ? ${compileVal(g, arm.body, cx)} : ${acc})`, other);
    }
    case 'let': {
      const bound = bindLet(g, e.defs, cx);
      return `((): Value => {\n${bound.pre}\nreturn ${compileVal(g, e.body, { ...cx, env: bound.env })};\n})()`;
    }
    case 'choose': {
      const [{ binding, domain }] = flatBindings([e.binding], e.loc) as [{ binding: Binding; domain: Expr }];
      const x = g.tmp('x');
      const bound = bindPattern(g, binding, x, cx.env, e.loc);
      return `R.choose(${compileVal(g, domain, cx)}, (${x}: Value) => { ${bound.pre} return ${compileBool(g, e.body, { ...cx, env: bound.env })}; }, ${w})`;
    }
    case 'setEnum': return e.elems.length === 0 ? 'R.EMPTY_SET' : `R.setOf([${e.elems.map((x) => compileVal(g, x, cx)).join(', ')}])`;
    case 'setFilter': {
      const [{ binding, domain }] = flatBindings([e.binding], e.loc) as [{ binding: Binding; domain: Expr }];
      const x = g.tmp('x');
      const bound = bindPattern(g, binding, x, cx.env, e.loc);
      return `R.filter(${compileVal(g, domain, cx)}, (${x}: Value) => { ${bound.pre} return ${compileBool(g, e.pred, { ...cx, env: bound.env })}; }, ${w})`;
    }
    case 'setMap': {
      const flat = flatBindings(e.bindings, e.loc);
      if (flat.length === 1) {
        const x = g.tmp('x');
        const bound = bindPattern(g, flat[0]!.binding, x, cx.env, e.loc);
        return `R.map(${compileVal(g, flat[0]!.domain, cx)}, (${x}: Value) => { ${bound.pre} return ${compileVal(g, e.body, { ...cx, env: bound.env })}; }, ${w})`;
      }
      const t = g.tmp('t');
      let env = cx.env;
      const pre: string[] = [];
      flat.forEach(({ binding }, i) => {
        const xi = g.tmp('x');
        pre.push(`const ${xi} = R.nth(${t}, ${i + 1}, ${w});`);
        const bound = bindPattern(g, binding, xi, env, e.loc);
        env = bound.env;
        if (bound.pre) pre.push(bound.pre);
      });
      return `R.map(R.times(${flat.map((f) => compileVal(g, f.domain, cx)).join(', ')}), (${t}: Value) => { ${pre.join(' ')} return ${compileVal(g, e.body, { ...cx, env })}; }, ${w})`;
    }
    case 'tuple': return `R.tuple([${e.elems.map((x) => compileVal(g, x, cx)).join(', ')}])`;
    case 'record': return `R.record(${JSON.stringify(e.fields.map((f) => f.name))}, [${e.fields.map((f) => compileVal(g, f.value, cx)).join(', ')}])`;
    case 'recordSet': return `R.rcdSetOf(${JSON.stringify(e.fields.map((f) => f.name))}, [${e.fields.map((f) => compileVal(g, f.set, cx)).join(', ')}])`;
    case 'fnLiteral': return fnLiteral(g, e.bindings, e.body, cx, e.loc);
    case 'fnSet': return `R.fcnSet(${compileVal(g, e.domain, cx)}, ${compileVal(g, e.range, cx)})`;
    case 'fnApply': {
      const arg = e.args.length === 1 ? compileVal(g, e.args[0]!, cx) : `R.tuple([${e.args.map((x) => compileVal(g, x, cx)).join(', ')}])`;
      return `R.app(${compileVal(g, e.fn, cx)}, ${arg}, ${w})`;
    }
    case 'field': return `R.field(${compileVal(g, e.record, cx)}, ${g.literal({ kind: 'str', s: e.field, tok: 0, h1: 0, h2: 0 })}, ${w})`;
    case 'except': {
      let acc = compileVal(g, e.fn, cx);
      for (const u of e.updates) {
        const keys = u.path.map((step) =>
          step.kind === 'field'
            ? g.literal({ kind: 'str', s: step.name, tok: 0, h1: 0, h2: 0 })
            : step.args.length === 1 ? compileVal(g, step.args[0]!, cx) : `R.tuple([${step.args.map((x) => compileVal(g, x, cx)).join(', ')}])`);
        const at = g.tmp('at');
        const env = new Map(cx.env);
        env.set('@', { kind: 'val', code: at });
        const value = compileVal(g, u.value, { ...cx, env });
        // ![a][b] = v  is  ![a] = [@ EXCEPT ![b] = v]
        const nest = (i: number, cur: string): string =>
          i === keys.length - 1
            ? `R.exceptAt(${cur}, ${keys[i]}, (${at}: Value) => ${value})`
            : `R.exceptAt(${cur}, ${keys[i]}, (o${i}: Value) => ${nest(i + 1, `o${i}`)})`;
        acc = nest(0, acc);
      }
      return acc;
    }
    case 'at': {
      const b = cx.env.get('@');
      return b?.kind === 'val' ? b.code : unsupported('@ outside EXCEPT', e.loc);
    }
    case 'enabled': return `R.bool(${compileBool(g, e, cx)})`;
    case 'unchanged': case 'actionBox': case 'always': case 'eventually': case 'leadsTo':
    case 'fairness': case 'temporalQuant': case 'compose':
      return unsupported(`${e.kind} in a value`, e.loc);
    default: {
      const never: never = e;
      throw new Error(`unhandled expression ${JSON.stringify(never)}`);
    }
  }
}

/** Compiles a TLA+ expression to a TS expression of type `boolean`. */
export function compileBool(g: Gen, e: Expr, cx: Cx): string {
  const folded = g.constant(e, cx.env);
  if (folded?.kind === 'bool') return folded.b ? 'true' : 'false';
  switch (e.kind) {
    case 'bool': return e.value ? 'true' : 'false';
    case 'and': return `(${e.args.map((a) => compileBool(g, a, cx)).join(' && ')})`;
    case 'or': return `(${e.args.map((a) => compileBool(g, a, cx)).join(' || ')})`;
    case 'not': return `!${compileBool(g, e.expr, cx)}`;
    case 'implies': return `(!${compileBool(g, e.lhs, cx)} || ${compileBool(g, e.rhs, cx)})`;
    case 'equiv': return `(${compileBool(g, e.lhs, cx)} === ${compileBool(g, e.rhs, cx)})`;
    case 'forall': return quantified(g, e.bindings, cx, e.loc, 'all', (c) => compileBool(g, e.body, c));
    case 'exists': return quantified(g, e.bindings, cx, e.loc, 'any', (c) => compileBool(g, e.body, c));
    case 'if': return `(${compileBool(g, e.cond, cx)} ? ${compileBool(g, e.then, cx)} : ${compileBool(g, e.else, cx)})`;
    case 'enabled': return hooks.enabled(g, e.expr, cx);
    case 'apply':
      if (e.prefix.length === 0 && !cx.env.has(e.name) && !g.global(e.name)) {
        const b = builtinBool(g, e, cx);
        if (b !== undefined) return b;
      }
      return `R.isTrue(${compileVal(g, e, cx)}, ${where(e.loc)})`;
    default:
      return `R.isTrue(${compileVal(g, e, cx)}, ${where(e.loc)})`;
  }
}
