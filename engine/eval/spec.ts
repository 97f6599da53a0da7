// compileSpec: the loaded modules and the parsed cfg become the CompiledSpec the checker
// drives. Follows tlc2/tool/impl/Spec.java: processConstantDefns (cfg constants and
// overrides), processSpec (SPECIFICATION split into Init, Next and fairness, or INIT/NEXT),
// processConfigInvariants / processConfigProps (PROPERTY conjuncts classified), and
// Tool.getActions (Next split into actions).
import type { Expr, Loc, OperatorDef } from '../frontend/ast.js';
import type { CfgValue, Config, ConstantEntry, Named } from '../config/types.js';
import type { Value } from '../values/value.js';
import { AssertionFailure, ConfigError, EvalError } from '../errors.js';
import { fingerprint, stateFingerprint } from '../values/hash.js';
import { toItf } from '../values/itf.js';
import { formatStateLines } from '../values/pretty.js';
import type { ActionLabel, CompiledSpec, Fairness, Property, State, Successor } from './api.js';
import { CONSTANT_CTX, type Ctx, type Env, bindValue, newRun } from './context.js';
import { type DefEntry, type LoadedSpec, Scope, type World, findModule, populate } from './scope.js';
import { evalBool, evalExpr, forEachBinding, located, resolvePrefix } from './expr.js';
import { type SplitAction, enabled, generate, generateAction, guardOf, newGen, splitActions } from './action.js';
import { Memo } from './memo.js';
import { ACTION, STATE, TEMPORAL, levelOf } from './level.js';
import { permute, toPerm, type Perm } from './symmetry.js';
import { tlcRuntime } from './runtime.js';
import { mentions, seedInternTable } from './intern-order.js';
import { temporalTerm } from './temporal.js';
import * as V from './v.js';

/** An expression together with the name space it is read in. */
export interface Scoped {
  readonly expr: Expr;
  readonly scope: Scope;
  readonly env: Env;
}

export interface CompiledSpecExt extends CompiledSpec {
  /** the actions Next was split into, in TLC's order */
  readonly actions: readonly SplitAction[];
  /** evaluate an expression of the root module in a state (and next state) */
  evaluate(e: Expr, s: State | null, t?: State): Value;
  /** the root name space (for tests and tools) */
  readonly rootScope: Scope;
}

export function compileSpec(loaded: LoadedSpec, config: Config): CompiledSpecExt {
  const world: World = { modules: loaded.modules, moduleOverrides: new Map(), instanceOverrides: new Map() };
  const root = new Scope(loaded.root, world);
  // a fresh string table seeded in the order TLC interns (cfg, identifiers, string literals)
  seedInternTable(loaded, config, world);
  newRun();
  // model values are created in cfg order, which orders them (ModelValue.make)
  // (ModelConfig parses the arguments of `F(a, b) = v` before v)
  const cfgArgs = new Map<ConstantEntry, Value[]>();
  const cfgValues = new Map(config.constants.flatMap((c) => {
    if (c.kind !== 'value') return [];
    if (c.args && c.args.length > 0) cfgArgs.set(c, c.args.map(cfgValue));
    return [[c, cfgValue(c.value)] as const];
  }));
  const tables = new Map<string, { rows: [readonly Value[], Value][]; loc: Loc }>();
  // module-qualified overrides (`C <- [M] Op`, `C = [M] v`) apply inside M's name spaces
  for (const c of config.constants) {
    if (c.module === undefined) continue;
    const m = world.moduleOverrides.get(c.module) ?? new Map<string, DefEntry>();
    world.moduleOverrides.set(c.module, m);
    if (c.kind === 'value') m.set(c.name, { kind: 'value', value: cfgValues.get(c)!, loc: c.loc });
  }
  populate(root, loaded.root, new Set(), true);
  for (const c of config.constants) {
    if (c.module !== undefined) {
      if (c.kind === 'substitute') {
        const mod = findModule(world, c.module, loaded.root, c.loc);
        if (!mod) throw new ConfigError(`module ${c.module} has no definitions to substitute`, c.loc);
        const target = root.defs.get(c.op);
        if (!target) throw new ConfigError(`unknown operator ${c.op} on the right of <-`, c.loc);
        world.moduleOverrides.get(c.module)!.set(c.name, { kind: 'alias', target, loc: c.loc });
      }
      continue;
    }
    if (c.instancePath.length > 0) {
      instanceOverride(c, cfgValues.get(c as Extract<ConstantEntry, { kind: 'value' }>), root, loaded, world);
      continue;
    }
    let entry: DefEntry;
    if (c.kind === 'value') {
      const args = cfgArgs.get(c);
      if (args) {
        // SpecProcessor: the lines `F(a, b) = v` of one operator make one OpRcdValue
        const t = tables.get(c.name) ?? { rows: [], loc: c.loc };
        tables.set(c.name, t);
        t.rows.push([args, cfgValues.get(c)!]);
        continue;
      }
      entry = { kind: 'value', value: cfgValues.get(c)!, loc: c.loc };
    } else {
      const target = root.defs.get(c.op) ?? root.consts.get(c.op);
      if (!target) throw new ConfigError(`unknown operator ${c.op} on the right of <-`, c.loc);
      entry = { kind: 'alias', target, loc: c.loc };
    }
    if (root.declaredConsts.has(c.name)) root.consts.set(c.name, entry);
    else if (root.defs.has(c.name)) root.defs.set(c.name, entry);
    else throw new ConfigError(`${c.name} is neither a constant nor a definition of module ${loaded.root.name}`, c.loc);
  }
  for (const [name, t] of tables) {
    const arity = root.declaredConsts.get(name)?.arity ?? (() => {
      const d = root.defs.get(name);
      return d?.kind === 'op' ? d.def.params.length : undefined;
    })();
    if (arity === undefined) throw new ConfigError(`${name} is neither a constant nor a definition of module ${loaded.root.name}`, t.loc);
    for (const [args] of t.rows) {
      if (args.length !== arity) throw new ConfigError(`${name} takes ${arity} argument(s), but the configuration gives it ${args.length}`, t.loc);
    }
    const entry = tableEntry(name, t.rows, t.loc, root);
    if (root.declaredConsts.has(name)) root.consts.set(name, entry);
    else root.defs.set(name, entry);
  }
  for (const [name, d] of root.declaredConsts) {
    if (!root.consts.has(name)) throw new ConfigError(`The constant parameter ${name} is not assigned a value by the configuration file.`, d.loc);
  }
  // the dynamic data flow between the checker and TLCGet
  tlcRuntime.reset();

  const variables = [...root.vars.keys()];
  const nvars = variables.length;
  const def = (n: Named, what: string): Scoped => {
    const d = root.defs.get(n.name);
    if (!d) throw new ConfigError(`the ${what} ${n.name} is not defined`, n.loc);
    return defBody(d, n, what);
  };

  // ------------------------------------------------ Init, Next, fairness
  const init: Scoped[] = [];
  let next: Scoped | undefined;
  let nextName: string | undefined;
  const fairness: Fairness[] = [];
  if (config.specification) {
    const spec = def(config.specification, 'specification');
    for (const c of conjuncts(spec)) {
      const e = c.expr;
      if (e.kind === 'always' && e.expr.kind === 'actionBox' && e.expr.stutter) {
        if (next) throw new ConfigError('the specification has more than one [][Next]_vars conjunct', e.loc);
        next = { expr: e.expr.action, scope: c.scope, env: c.env };
      } else if (isFairness(c)) {
        fairness.push(...fairnessOf(c, new Map()));
      } else if (levelOf(e, c.scope, c.env) <= STATE) {
        init.push(c);
      } else {
        throw new ConfigError('TLC cannot handle this conjunct of the specification (expected Init, [][Next]_vars, WF/SF)', e.loc);
      }
    }
  } else {
    if (config.init) init.push(def(config.init, 'INIT'));
    if (config.next) {
      next = def(config.next, 'NEXT');
      nextName = config.next.name;
    }
  }
  if (init.length === 0) throw new ConfigError('the configuration gives no initial predicate (INIT or SPECIFICATION)', config.specification?.loc ?? locOf(config));

  const actions: SplitAction[] = [];
  if (next) splitActions(next.expr, next.scope, next.env, nextName, new Map(), actions);
  const guards = actions.map(guardOf);
  const labels: ActionLabel[] = actions.map((a) => ({ name: a.name ?? 'Action', loc: a.loc, ...(a.params.size > 0 ? { params: a.params } : {}) }));

  // ------------------------------------------------ TLCGet("level")
  // TLC.TLCGet("level") is the level of the state being looked at (initial states 1, a
  // successor one more than the state it was first reached from, as in BFS). The checker does
  // not report levels, so when the spec mentions TLCGet they are kept here, by fingerprint.
  const levels = mentions(loaded, 'TLCGet') ? new Map<string, number>() : undefined;
  const levelOfState = (s: State): number => levels!.get(stateFingerprint(s)) ?? 1;
  const atLevelOf = (s: State): void => {
    if (levels) tlcRuntime.stats.level = levelOfState(s);
  };

  // ------------------------------------------------ state predicates of the cfg
  const pred = (n: Named, what: string): ((s: State, t?: State) => boolean) => {
    const b = def(n, what);
    return (s, t) => {
      atLevelOf(s);
      try {
        return evalBool(b.expr, b.scope, b.env, { state: s, next: t ?? null, stable: true }, `the ${what} ${n.name}`);
      } catch (err) {
        throw located(err, b.expr.loc);
      }
    };
  };
  const invariants = config.invariants.map((n) => {
    const h = invariant(n);
    return { name: n.name, loc: n.loc, holds: (s: State) => h(s) };
  });
  /** An INVARIANT: its definition's body evaluated as pred does (a conjunction conjunct by
   *  conjunct, as ev's `and` does), each conjunct with a memo of its answer (memo.ts), since a
   *  successor mostly keeps the values of its parent's variables. */
  function invariant(n: Named): (s: State) => boolean {
    const b = def(n, 'invariant');
    const parts = b.expr.kind === 'and' ? b.expr.args : [b.expr];
    const what = b.expr.kind === 'and' ? 'a conjunct' : `the invariant ${n.name}`;
    const memos = parts.map(() => new Memo());
    return (s) => {
      atLevelOf(s);
      const cx: Ctx = { state: s, next: null, stable: true };
      try {
        for (let i = 0; i < parts.length; i++) {
          const m = memos[i]!;
          let v = m.active ? m.lookup(s) : undefined;
          if (v === undefined) {
            if (!m.active) v = evalBool(parts[i]!, b.scope, b.env, cx, what);
            else {
              m.begin();
              try {
                v = evalBool(parts[i]!, b.scope, b.env, cx, what);
              } catch (err) {
                m.abort();
                throw err;
              }
              m.end(s, v);
            }
          }
          if (!v) return false;
        }
        return true;
      } catch (err) {
        throw located(err, b.expr.loc);
      }
    };
  }
  const constraints = config.constraints.map((n) => pred(n, 'constraint'));
  const actionConstraints = config.actionConstraints.map((n) => pred(n, 'action constraint'));
  const properties = config.properties.flatMap((n) => classifyProperty(n, def(n, 'property')));

  // ------------------------------------------------ fingerprints
  const view = config.view ? def(config.view, 'VIEW') : undefined;
  let perms: readonly Perm[] | undefined;
  const symmetryPerms = (): readonly Perm[] => {
    if (!perms) {
      const sym = def(config.symmetry!, 'SYMMETRY');
      const set = evalExpr(sym.expr, sym.scope, sym.env, CONSTANT_CTX);
      perms = V.elements(set, sym.expr.loc).map(toPerm);
    }
    return perms;
  };
  const fingerprintOf = (s: State): string => {
    if (view) return fingerprint(evalExpr(view.expr, view.scope, view.env, { state: s, next: null }));
    if (config.symmetry) {
      let best = stateFingerprint(s);
      for (const p of symmetryPerms()) {
        const fp = stateFingerprint(s.map((v) => permute(v, p)));
        if (fp < best) best = fp;
      }
      return best;
    }
    return stateFingerprint(s);
  };

  const alias = config.alias ? def(config.alias, 'ALIAS') : undefined;
  const evaluate = (e: Expr, s: State | null, t?: State): Value => evalExpr(e, root, undefined, { state: s, next: t ?? null });

  const compiled: CompiledSpecExt = {
    rootModule: loaded.root.name,
    variables,
    actions,
    rootScope: root,
    evaluate,
    checkAssumptions() {
      const out: { holds: boolean; loc: Loc }[] = [];
      const seen = new Set<string>();
      const visit = (m: typeof loaded.root): void => {
        if (seen.has(m.name)) return;
        seen.add(m.name);
        for (const ext of m.extends) {
          const em = findModule(world, ext, m, m.loc);
          if (em) visit(em);
        }
        for (const a of m.assumptions) out.push({ holds: evalBool(a.expr, root, undefined, CONSTANT_CTX, 'an ASSUME'), loc: a.loc });
      };
      try {
        visit(loaded.root);
      } catch (err) {
        throw located(err, loaded.root.loc);
      }
      return out;
    },
    initStates(): Iterable<State> {
      const out: State[] = [];
      if (levels) tlcRuntime.stats.level = 0;
      const g = newGen('init', null, new Array(nvars).fill(undefined));
      const step = (i: number): void => {
        if (i === init.length) {
          const missing = variables.filter((_, j) => g.p[j] === undefined);
          if (missing.length > 0) {
            throw new EvalError(`The initial predicate does not assign a value to the variable(s) ${missing.join(', ')}`, init[0]!.expr.loc);
          }
          out.push(settle(g.p));
          return;
        }
        const c = init[i]!;
        generate(g, c.expr, c.scope, c.env, () => {
          step(i + 1);
          return false;
        });
      };
      try {
        step(0);
      } catch (err) {
        // ModelChecker.modelCheckImpl: any failure while computing initial states, an Assert
        // included, is reported as a nested evaluation error (exit 75), not exit 14
        if (err instanceof AssertionFailure) throw new EvalError(err.message, err.loc);
        throw err;
      }
      if (levels) for (const s of out) levels.set(stateFingerprint(s), 1);
      return out;
    },
    successors(s: State): Iterable<Successor> {
      const out: Successor[] = [];
      atLevelOf(s);
      // generation restores the partial state on backtracking, so one serves every action
      const g = newGen('next', s, new Array(nvars).fill(undefined));
      const t = g.p;
      for (let ai = 0; ai < actions.length; ai++) {
        const a = actions[ai]!;
        const label = labels[ai]!;
        generateAction(g, a, guards[ai]!, s, () => {
          for (let j = 0; j < nvars; j++) {
            if (t[j] === undefined) {
              const missing = variables.filter((_, k) => t[k] === undefined);
              throw new EvalError(`Successor state is not completely specified by action ${label.name} of the next-state relation. The following variable(s) are not assigned: ${missing.join(', ')}`, a.loc);
            }
          }
          out.push({ state: settle(t), action: label });
          return false;
        });
      }
      if (levels) {
        const next = levelOfState(s) + 1;
        for (const x of out) {
          const fp = stateFingerprint(x.state);
          if (!levels.has(fp)) levels.set(fp, next);
        }
      }
      return out;
    },
    invariants,
    stateConstraint: (s) => constraints.every((c) => c(s)),
    actionConstraint: (s, t) => actionConstraints.every((c) => c(s, t)),
    properties,
    fairness,
    fingerprint: fingerprintOf,
    formatState(s: State): string {
      if (alias) {
        const cx: Ctx = { state: s, next: null };
        // TLC prints the alias record as built (RecordValue not yet normalised): fields in the
        // order the record constructor lists them
        if (alias.expr.kind === 'record') {
          const fields = alias.expr.fields;
          return formatStateLines(fields.map((f) => f.name), fields.map((f) => evalExpr(f.value, alias.scope, alias.env, cx)));
        }
        const r = evalExpr(alias.expr, alias.scope, alias.env, cx);
        if (r.kind !== 'record') throw new EvalError(`the ALIAS ${config.alias!.name} must be a record, but it is ${V.show(r)}`, alias.expr.loc);
        return formatStateLines(r.names.map((n) => n.s), r.vals);
      }
      // TLCStateMut.toString, each value through Values.ppr
      return formatStateLines(variables, s);
    },
    itfState(s: State): Record<string, unknown> {
      const o: Record<string, unknown> = {};
      variables.forEach((v, i) => (o[v] = toItf(s[i]!)));
      return o;
    },
    postconditions: config.postconditions.map((n) => {
      const b = def(n, 'postcondition');
      return { name: n.name, loc: n.loc, holds: () => guard(b.expr.loc, () => evalBool(b.expr, b.scope, b.env, CONSTANT_CTX, `the postcondition ${n.name}`)) };
    }),
    checkDeadlock: config.checkDeadlock ?? true,
  };
  return compiled;

  // ------------------------------------------------ PROPERTY classification
  function classifyProperty(n: Named, body: Scoped): Property[] {
    const out: Property[] = [];
    for (const c of conjuncts(body)) {
      const e = c.expr;
      const lvl = levelOf(e, c.scope, c.env);
      const cx = (s: State, t?: State): Ctx => ({ state: s, next: t ?? null });
      if (e.kind === 'always' && e.expr.kind === 'actionBox' && e.expr.stutter && levelOf(e.expr, c.scope, c.env) <= ACTION) {
        const box = e.expr;
        out.push({ kind: 'actionInvariant', name: n.name, loc: e.loc, holds: (s, t) => guard(box.loc, () => evalBool(box, c.scope, c.env, cx(s, t), `the property ${n.name}`)) });
      } else if (e.kind === 'always' && levelOf(e.expr, c.scope, c.env) <= STATE) {
        const p = e.expr;
        // SpecProcessor.processConfigProps files []P as an invariant named after P's operator
        const name = (p.kind === 'ref' || p.kind === 'apply') && p.prefix.length === 0 && c.scope.defs.has(p.name) ? p.name : n.name;
        out.push({ kind: 'stateInvariant', name, loc: e.loc, holds: (s) => guard(p.loc, () => evalBool(p, c.scope, c.env, cx(s), `the property ${name}`)) });
      } else if (lvl <= STATE) {
        out.push({ kind: 'initPredicate', name: n.name, loc: e.loc, holds: (s) => guard(e.loc, () => evalBool(e, c.scope, c.env, cx(s), `the property ${n.name}`)) });
      } else if (lvl === TEMPORAL) {
        out.push({ kind: 'temporal', name: n.name, loc: e.loc, formula: e, evaluate: (x, s, t) => evalExpr(x, c.scope, c.env, cx(s, t)), term: temporalTerm(e, c.scope, c.env) });
      } else {
        throw new ConfigError(`the property ${n.name} is an action formula; TLC checks actions only as [][A]_v`, e.loc);
      }
    }
    return out;
  }
}

/** A copy of a complete assignment as a state. A lazily kept function (a recursive function
 *  definition's value) or set filter is evaluated now, while the assignment it may read is still in place
 *  (generation restores the partial state afterwards); TLC likewise turns a FcnLambdaValue
 *  into a FcnRcdValue when the state is fingerprinted. */
function settle(p: readonly (Value | undefined)[]): State {
  const s = p.slice() as Value[];
  for (let i = 0; i < s.length; i++) {
    const v = s[i]!;
    if (v.kind === 'lazyFcn') s[i] = V.materialize(v);
    else if (v.kind === 'filter') s[i] = V.setOf(V.elements(v));
  }
  return s;
}

/** Run an evaluation for the checker: errors get the location of the formula evaluated. */
function guard<T>(loc: Loc, f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw located(err, loc);
  }
}

/** WF_v(A), SF_v(A), or \A x \in S : ... of them (Spec.processSpec accepts both). */
function isFairness(c: Scoped): boolean {
  const e = c.expr;
  if (e.kind === 'fairness') return true;
  if (e.kind === 'forall') return isFairness({ expr: e.body, scope: c.scope, env: c.env });
  if (e.kind === 'and') return e.args.every((a) => isFairness({ expr: a, scope: c.scope, env: c.env }));
  return false;
}

function fairnessOf(c: Scoped, params: ReadonlyMap<string, Value>): Fairness[] {
  const e = c.expr;
  if (e.kind === 'forall') {
    const out: Fairness[] = [];
    forEachBinding(e.bindings, c.scope, c.env, CONSTANT_CTX, e.loc, (env1) => {
      const ps = new Map(params);
      for (let x = env1; x !== c.env && x; x = x.up) if (x.b.kind === 'value') ps.set(x.name, x.b.value);
      out.push(...fairnessOf({ expr: e.body, scope: c.scope, env: env1 }, ps));
      return true;
    });
    return out;
  }
  if (e.kind === 'and') return e.args.flatMap((a) => fairnessOf({ expr: a, scope: c.scope, env: c.env }, params));
  if (e.kind !== 'fairness') throw new ConfigError('expected WF_v(A) or SF_v(A)', e.loc);
  const angle: Expr = { kind: 'actionBox', action: e.action, vars: e.vars, stutter: false, loc: e.loc };
  return [{
    strong: e.strong, vars: e.vars, action: e.action, loc: e.loc, params,
    enabled: (s) => guard(e.loc, () => enabled(angle, c.scope, c.env, { state: s, next: null })),
    taken: (s, t) => guard(e.loc, () => evalBool(angle, c.scope, c.env, { state: s, next: t }, 'a fairness action')),
  }];
}

/** The body of a zero-parameter definition. */
function defBody(d: DefEntry, n: Named, what: string): Scoped {
  switch (d.kind) {
    case 'op':
      if (d.def.params.length > 0) throw new ConfigError(`the ${what} ${n.name} must not take arguments`, n.loc);
      return { expr: d.def.body, scope: d.scope, env: undefined };
    case 'alias':
      return defBody(d.target, n, what);
    default:
      throw new ConfigError(`the ${what} ${n.name} must be an operator definition`, n.loc);
  }
}

/** Conjuncts of a formula, unfolding zero-parameter definitions (Spec.processSpec looks
 *  through definitions the same way). */
function conjuncts(f: Scoped): Scoped[] {
  const e = f.expr;
  if (e.kind === 'and') return e.args.flatMap((a) => conjuncts({ expr: a, scope: f.scope, env: f.env }));
  if (e.kind === 'ref' && e.prefix.length === 0) {
    const d = f.scope.defs.get(e.name);
    if (d && d.kind === 'op' && d.def.params.length === 0 && !lookupLocal(f.env, e.name)) {
      return conjuncts({ expr: d.def.body, scope: d.scope, env: undefined });
    }
  }
  if (e.kind === 'ref' && e.prefix.length > 0) {
    // I!Spec (refinement properties): the definition in the instance's name space
    try {
      const inst = resolvePrefix(e.prefix, e.loc, f.scope, f.env, CONSTANT_CTX);
      const d = inst.defs.get(e.name);
      if (d && d.kind === 'op' && d.def.params.length === 0) return conjuncts({ expr: d.def.body, scope: d.scope, env: undefined });
    } catch {
      // not an instance definition we can open: keep the conjunct whole
    }
  }
  return [f];
}

function lookupLocal(env: Env, name: string): boolean {
  for (let x = env; x; x = x.up) if (x.name === name) return true;
  return false;
}

const cfgValue = (v: CfgValue): Value => {
  switch (v.kind) {
    case 'int':
      return V.int(Number(v.value));
    case 'str':
      return V.str(v.value);
    case 'bool':
      return V.bool(v.value);
    case 'modelValue':
      return V.modelValue(v.name);
    case 'set':
      return V.setOf(v.elems.map(cfgValue));
    default: {
      const never: never = v;
      throw new ConfigError(`unknown cfg value ${JSON.stringify(never)}`);
    }
  }
};

function locOf(config: Config): Loc {
  return { file: config.file, module: '', line: 1, col: 1, endLine: 1, endCol: 1 };
}

/** The operator a cfg defines by its values at given arguments (`F(1, a) = 2`, one line per
 *  argument list), as TLC's OpRcdValue: applied to listed arguments it gives the listed value,
 *  to any other it fails. Built as `F(p1, ..) == CASE <<p1, ..>> = <<a1, ..>> -> v1 [] ..` over
 *  hidden names bound to the cfg's values, so that every path that applies an operator
 *  (evaluation, action generation, ENABLED) handles it unchanged. */
function tableEntry(name: string, rows: readonly [readonly Value[], Value][], loc: Loc, root: Scope): DefEntry {
  const arity = rows[0]![0].length;
  const params = Array.from({ length: arity }, (_, i) => ({ name: `\u0000${name}#p${i}`, arity: 0 }));
  const ref = (n: string): Expr => ({ kind: 'ref', name: n, prefix: [], loc });
  let env: Env = undefined;
  const arms = rows.map(([args, value], r) => {
    const key = `\u0000${name}#a${r}`;
    const val = `\u0000${name}#v${r}`;
    env = bindValue(env, key, V.tuple(args));
    env = bindValue(env, val, value);
    const cond: Expr = { kind: 'apply', name: '=', prefix: [], args: [{ kind: 'tuple', elems: params.map((p) => ref(p.name)), loc }, ref(key)], loc };
    return { cond, body: ref(val) };
  });
  const def: OperatorDef = { kind: 'operator', name, params, body: { kind: 'case', arms, loc } as Expr, recursive: false, local: false, loc };
  return { kind: 'op', def, scope: root, asOp: { kind: 'user', def, scope: root, env } };
}

/** `A!B!D = v` / `A!B!D <- Op`: ModelConfig reads the left side as the name "A!B!D" (Bug44 in
 *  its comments), the definition D as seen through the instances A and B; it is replaced in
 *  that instance's name space (scope.ts instantiate applies it), `Op` taken from the root. */
function instanceOverride(c: ConstantEntry, value: Value | undefined, root: Scope, loaded: LoadedSpec, world: World): void {
  const path = c.instancePath.join('!');
  const shown = `${path}!${c.name}`;
  if (c.kind === 'value' && c.args && c.args.length > 0) throw new ConfigError(`${shown}: an instance-qualified operator cannot be given values at arguments`, c.loc);
  // check the path names instances, and the last one's module defines the name
  let mod = loaded.root;
  for (const name of c.instancePath) {
    const inst = [...mod.definitions, ...[mod].flatMap((m) => m.extends.flatMap((e) => loaded.modules.get(e)?.definitions ?? []))].find((d) => d.kind === 'instance' && d.name === name);
    const next = inst && inst.kind === 'instance' ? loaded.modules.get(inst.module) : undefined;
    if (!next) throw new ConfigError(`${shown}: ${name} is not an instance of a module of this specification`, c.loc);
    mod = next;
  }
  const defines = (m: typeof mod, seen: Set<string>): boolean => {
    if (seen.has(m.name)) return false;
    seen.add(m.name);
    return m.definitions.some((d) => d.name === c.name) || m.extends.some((e) => { const x = loaded.modules.get(e); return x !== undefined && defines(x, seen); });
  };
  if (!defines(mod, new Set())) throw new ConfigError(`${shown}: ${c.name} is not a definition of module ${mod.name}`, c.loc);
  let entry: DefEntry;
  if (c.kind === 'value') entry = { kind: 'value', value: value!, loc: c.loc };
  else {
    const target = root.defs.get(c.op) ?? root.consts.get(c.op);
    if (!target) throw new ConfigError(`unknown operator ${c.op} on the right of <-`, c.loc);
    entry = { kind: 'alias', target, loc: c.loc };
  }
  const m = world.instanceOverrides!.get(path) ?? new Map<string, DefEntry>();
  world.instanceOverrides!.set(path, m);
  m.set(c.name, entry);
}
