// The shared state of one generated module: the root name space it reads names in, hoisted
// literals, and the top-level functions of the spec's operators, emitted on first use. Levels
// (does a definition read variables, mention primes?) decide what becomes a function and what
// is inlined into actions.
import type { Expr, FunctionDef, Loc, OperatorDef } from '../engine/frontend/ast.js';
import { childExprs } from '../engine/frontend/walk.js';
import type { DefEntry, Scope } from '../engine/eval/scope.js';
import type { Value } from '../engine/values/index.js';
import { type Bound, type Env, compileVal, recFcnCode, safe, unsupported, where } from './expr.js';
import { valueLiteral } from './literal.js';

/** Shared state of one generated module: hoisted literals and the top-level functions of
 *  the spec's operators, emitted on first use. */
const MAX_FOLDED_LITERAL = 2000;
/** TLC-module operators whose value is not a function of their arguments (the run's state,
 *  randomness, output): never folded. */
const VOLATILE = new Set(['TLCGet', 'TLCSet', 'RandomElement', 'Print', 'PrintT', 'JavaTime', 'TLCNoOp']);

export class Gen {
  readonly hoisted: string[] = [];
  private readonly literals = new Map<string, string>();
  readonly functions: string[] = [];
  private readonly opNames = new Map<DefEntry, string>();
  private readonly usedNames = new Set<string>();
  private readonly levelMemo = new Map<object, { vars: boolean; prime: boolean; volatile: boolean }>();
  private fresh = 0;

  private readonly constants = new WeakMap<Expr, Value | null>();

  /** `evaluate`: the engine's value of a closed constant expression of the root module (the
   *  cfg's constants bound), used to fold what the cfg decides at generation time. */
  constructor(readonly scope: Scope, readonly varNames: readonly string[], private readonly evaluate?: (e: Expr) => Value) {}

  /** The value of `e` if it depends on nothing but the cfg's constants (no variable, no name
   *  bound around it) and the engine evaluates it without error; such expressions are
   *  inlined as literals, so `IF KERNEL = "v3" THEN ...` keeps only the branch the cfg takes. */
  constant(e: Expr, env: Env): Value | undefined {
    if (!this.evaluate || e.kind === 'num' || e.kind === 'str' || e.kind === 'bool') return undefined;
    let closed = true;
    const visit = (x: Expr): void => {
      if (!closed) return;
      if (x.kind === 'at' || ((x.kind === 'ref' || x.kind === 'apply') && (env.has(x.name) || x.prefix.length > 0))) closed = false;
      else childExprs(x).forEach(visit);
    };
    visit(e);
    if (!closed) return undefined;
    const l = this.exprLevel(e, env);
    if (l.vars || l.prime || l.volatile) return undefined;
    const memo = this.constants.get(e);
    if (memo !== undefined) return memo ?? undefined;
    let v: Value | null = null;
    try {
      v = this.evaluate(e);
      // a literal is rebuilt once at module load: keep that small (no SUBSET of a big set)
      if (valueLiteral(v).length > MAX_FOLDED_LITERAL) v = null;
    } catch {
      v = null; // infinite, or an error: left to run time, where TLC would meet it
    }
    this.constants.set(e, v);
    return v ?? undefined;
  }

  tmp(prefix: string): string {
    return `${prefix}${this.fresh++}`;
  }

  /** A value computed once at module load, named by its literal text. */
  literal(v: Value): string {
    const code = valueLiteral(v);
    let name = this.literals.get(code);
    if (!name) {
      name = `L${this.literals.size}`;
      this.literals.set(code, name);
      this.hoisted.push(`const ${name}: Value = ${code};`);
    }
    return name;
  }

  /** The module-level constant naming a variable's slot in a state array (`s[v_faults]`). */
  slotName(slot: number): string {
    return this.slotNames()[slot]!;
  }

  /** `v_<variable>` for every variable, made unique if two names sanitise alike. */
  slotNames(): readonly string[] {
    if (!this.slotNamesMemo) {
      const used = new Set<string>();
      this.slotNamesMemo = this.varNames.map((n, i) => {
        let name = `v_${safe(n)}`;
        if (used.has(name)) name = `${name}_${i}`;
        used.add(name);
        return name;
      });
    }
    return this.slotNamesMemo;
  }
  private slotNamesMemo: readonly string[] | undefined;

  slot(name: string): number | undefined {
    return this.scope.vars.get(name);
  }

  /** The definition a global name denotes (cfg constants and overrides first). */
  global(name: string): DefEntry | undefined {
    let d = this.scope.consts.get(name) ?? this.scope.defs.get(name);
    while (d?.kind === 'alias') d = d.target;
    return d;
  }

  /** Definitions imported by INSTANCE live in another name space (with substitutions):
   *  not translated. */
  checkRootScope(d: DefEntry, name: string, loc: Loc): void {
    if ((d.kind === 'op' || d.kind === 'fn') && d.scope !== this.scope) unsupported(`${name}, a definition imported by INSTANCE,`, loc);
  }

  /** The body of a global operator without parameters (Init, Next, TypeOK, vars...). */
  zeroArgOp(name: string): OperatorDef | undefined {
    const d = this.global(name);
    return d?.kind === 'op' && d.def.params.length === 0 ? d.def : undefined;
  }

  /** Does a definition (transitively) read state variables, or mention primes? */
  level(d: DefEntry): { vars: boolean; prime: boolean; volatile: boolean } {
    const key: object = d.kind === 'op' || d.kind === 'fn' || d.kind === 'instance' ? d.def : d;
    const memo = this.levelMemo.get(key);
    if (memo) return memo;
    const r = { vars: false, prime: false, volatile: false };
    this.levelMemo.set(key, r); // recursion: assume constant until shown otherwise
    const visit = (e: Expr): void => {
      switch (e.kind) {
        case 'prime': case 'unchanged': case 'enabled': case 'actionBox':
          r.prime = true;
          r.vars = true;
          break;
        case 'ref': case 'apply': {
          if (this.slot(e.name) !== undefined) r.vars = true;
          if (VOLATILE.has(e.name)) r.volatile = true;
          const g = this.global(e.name);
          if (g && g !== d) {
            const l = this.level(g);
            r.vars ||= l.vars;
            r.prime ||= l.prime;
            r.volatile ||= l.volatile;
          }
          break;
        }
        default:
          break;
      }
      for (const c of childExprs(e)) visit(c);
    };
    if (d.kind === 'op') visit(d.def.body);
    if (d.kind === 'fn') {
      visit(d.def.body);
      d.def.bindings.forEach((b) => b.domain && visit(b.domain));
    }
    return r;
  }

  /** Level of an arbitrary expression (for LET definitions and guards). */
  exprLevel(e: Expr, env: Env): { vars: boolean; prime: boolean; volatile: boolean } {
    const fake: DefEntry = { kind: 'op', def: { kind: 'operator', name: '', params: [], body: e, recursive: false, local: true, loc: e.loc }, scope: this.scope };
    const r = { ...this.level(fake) };
    // inline LET definitions in scope are action-level by construction
    const visit = (x: Expr): void => {
      if ((x.kind === 'ref' || x.kind === 'apply') && env.get(x.name)?.kind === 'inline') r.prime = true;
      childExprs(x).forEach(visit);
    };
    visit(e);
    return r;
  }

  /** The name of the top-level function for a state- or constant-level operator. */
  opFunction(d: DefEntry & { kind: 'op' | 'fn' }): string {
    let name = this.opNames.get(d);
    if (name) return name;
    const base = `op_${d.def.name.replace(/[^A-Za-z0-9_]/g, (c) => `$${c.charCodeAt(0).toString(16)}`)}`;
    name = base;
    for (let i = 2; this.usedNames.has(name); i++) name = `${base}_${i}`;
    this.usedNames.add(name);
    this.opNames.set(d, name);
    if (d.kind === 'fn') this.emitFunctionDef(name, d.def);
    else this.emitOperator(name, d.def, this.level(d).vars);
    return name;
  }

  private emitOperator(name: string, def: OperatorDef, readsState: boolean): void {
    const env = new Map<string, Bound>();
    const params = def.params.map((p, i) => {
      const v = `a${i}_${safe(p.name)}`;
      env.set(p.name, p.arity > 0 ? { kind: 'op', code: v, arity: p.arity } : { kind: 'val', code: v });
      return p.arity > 0 ? `${v}: (...args: Value[]) => Value` : `${v}: Value`;
    });
    const slot = this.functions.length;
    this.functions.push(''); // reserve the place, so callers' order is stable
    const body = compileVal(this, def.body, { env, cur: 's' });
    const comment = `/** ${def.name} (${where(def.loc).slice(1, -1)}) */\n`;
    if (!readsState && params.length === 0) {
      this.functions[slot] = `${comment}let ${name}_v: Value | undefined;\nfunction ${name}(_s: St): Value {\n  return (${name}_v ??= ((s: St) => ${body})(_s));\n}`;
    } else {
      this.functions[slot] = `${comment}function ${name}(s: St${params.map((p) => `, ${p}`).join('')}): Value {\n  return ${body};\n}`;
    }
  }

  /** f[x \in S] == e: a function value per state, applied lazily so that it may be recursive. */
  private emitFunctionDef(name: string, def: FunctionDef): void {
    const slot = this.functions.length;
    this.functions.push('');
    const env = new Map<string, Bound>();
    env.set(def.name, { kind: 'val', code: `${name}(s)` });
    const fcnCode = recFcnCode(this, def.bindings, def.body, { env, cur: 's' }, def.loc);
    this.functions[slot] = `/** ${def.name} (${where(def.loc).slice(1, -1)}) */\nconst ${name}_memo = new WeakMap<St, Value>();\nfunction ${name}(s: St): Value {\n  let f = ${name}_memo.get(s);\n  if (f === undefined) {\n    f = ${fcnCode};\n    ${name}_memo.set(s, f);\n  }\n  return f;\n}`;
  }
}
