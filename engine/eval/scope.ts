// Name spaces of modules: what a name means inside the body of a definition of module M.
// EXTENDS merges a module's definitions, constants and variables into one name space;
// `INSTANCE M WITH c <- e` makes a new name space for M whose constants and variables stand
// for expressions of the instantiating module (Specifying Systems §17.5; TLC's SubstInNode).
import type { Expr, FunctionDef, InstanceDef, Loc, Module, OperatorDef } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError, ParseError } from '../errors.js';
import type { Ctx, Env, OpValue } from './context.js';
import { STANDARD_MODULES } from '../frontend/standard.js';
import { withNative } from './library.js';
export type { LoadedSpec } from '../frontend/load.js';

export type DefEntry =
  | { readonly kind: 'op'; readonly def: OperatorDef; readonly scope: Scope; cached?: Value; asOp?: OpValue;
      /** the value for one Ctx when it read only that Ctx's stable state (context.ts `unstable`) */
      cx?: Ctx; cxValue?: Value }
  | { readonly kind: 'fn'; readonly def: FunctionDef; readonly scope: Scope }
  | { readonly kind: 'instance'; readonly def: InstanceDef; readonly scope: Scope; inst?: Scope }
  /** a cfg override: `Def = v` or `Def <- Other` in the configuration */
  | { readonly kind: 'value'; readonly value: Value; readonly loc: Loc }
  | { readonly kind: 'alias'; readonly target: DefEntry; readonly loc: Loc };

/** An instance substitution `c <- e`: `e` is evaluated in the instantiating name space. */
export interface Subst {
  readonly expr: Expr;
  readonly scope: Scope;
  readonly env: Env;
  cached?: Value;
  /** the value for one Ctx when it read only that Ctx's stable state (context.ts `unstable`) */
  cx?: Ctx;
  cxValue?: Value;
}

export class Scope {
  readonly defs = new Map<string, DefEntry>();
  /** constants and variables of an instantiated module, replaced by outer expressions */
  readonly subst = new Map<string, Subst>();
  /** constants of the root name space bound by the cfg (value or an operator) */
  readonly consts = new Map<string, DefEntry>();
  /** declared constants (for "not assigned by the configuration" checks) */
  readonly declaredConsts = new Map<string, { arity: number; loc: Loc }>();
  /** state variables of the root name space: name -> slot */
  readonly vars: Map<string, number>;
  /** the names of the instances this name space is reached through, "A!B" ("" for the root) */
  instPath = '';
  /** the instance definitions visited below this scope (for `I!J!Op`) */
  constructor(readonly module: Module, readonly world: World, vars?: Map<string, number>) {
    this.vars = vars ?? new Map();
  }
}

/** Everything shared by all name spaces of one compiled spec. */
export interface World {
  readonly modules: ReadonlyMap<string, Module>;
  /** cfg overrides per module name: `C <- [M] Op`, `C = [M] v` */
  readonly moduleOverrides: Map<string, Map<string, DefEntry>>;
  /** cfg overrides of definitions seen through instances: `A!B!D = v`, `A!D <- Op`, keyed by
   *  the instance path ("A!B") */
  readonly instanceOverrides?: Map<string, Map<string, DefEntry>>;
}

export function findModule(world: World, name: string, from: Module, loc: Loc): Module | undefined {
  for (const sub of from.submodules) if (sub.name === name) return sub;
  const m = world.modules.get(name);
  if (m) return m;
  if (STANDARD_MODULES.has(name)) return undefined;
  throw new ParseError(`cannot find module ${name}`, loc);
}

/** Fill `scope` with the units of `mod` and (first, depth-first in order) of the modules it
 *  extends, each module once, as SANY's EXTENDS does. */
export function populate(scope: Scope, mod: Module, seen: Set<string>, isRoot: boolean): void {
  if (seen.has(mod.name)) return;
  seen.add(mod.name);
  for (const ext of mod.extends) {
    const m = findModule(scope.world, ext, mod, mod.loc);
    if (m) populate(scope, m, seen, isRoot);
  }
  for (const c of mod.constants) scope.declaredConsts.set(c.name, { arity: c.arity, loc: c.loc });
  if (isRoot) for (const v of mod.variables) if (!scope.vars.has(v.name)) scope.vars.set(v.name, scope.vars.size);
  for (const d of mod.definitions) addDefinition(scope, d, mod);
  const overrides = scope.world.moduleOverrides.get(mod.name);
  if (overrides) for (const [name, e] of overrides) if (scope.defs.has(name)) scope.defs.set(name, e);
}

function addDefinition(scope: Scope, d: OperatorDef | FunctionDef | InstanceDef, mod: Module): void {
  switch (d.kind) {
    case 'operator':
      scope.defs.set(d.name, { kind: 'op', def: withNative(mod.name, d), scope });
      return;
    case 'function':
      scope.defs.set(d.name, { kind: 'fn', def: d, scope });
      return;
    case 'instance': {
      if (d.name !== undefined) {
        scope.defs.set(d.name, { kind: 'instance', def: d, scope });
        return;
      }
      // Unnamed INSTANCE: M's definitions become definitions of this module, each still
      // evaluated in M's name space with the substitutions.
      const inst = instantiate(scope, d, undefined, mod);
      if (!inst) return;
      for (const [name, e] of inst.defs) {
        if (e.kind === 'op' && e.def.local) continue;
        if (e.kind === 'fn' && e.def.local) continue;
        scope.defs.set(name, e);
      }
      return;
    }
    default: {
      const never: never = d;
      throw new EvalError(`unknown definition ${JSON.stringify(never)}`);
    }
  }
}

/** The name space of `INSTANCE M WITH ...` seen from `outer`; `env` binds the parameters of a
 *  parameterised instance `I(a) == INSTANCE M WITH x <- a`. Constants and variables of M
 *  without an explicit substitution are substituted by the same name in `outer`
 *  (Specifying Systems §17.5.5, implicit substitutions). */
export function instantiate(outer: Scope, d: InstanceDef, env: Env, from: Module): Scope | undefined {
  const m = findModule(outer.world, d.module, from, d.loc);
  const inst = new Scope(m ?? { name: d.module, file: d.loc.file, extends: [], constants: [], variables: [], definitions: [], assumptions: [], submodules: [], loc: d.loc }, outer.world);
  if (!m) return inst; // a standard module: its operators are built in
  const explicit = new Map(d.substitutions.map((s) => [s.name, s.expr] as const));
  const params = new Set<string>();
  collectParams(outer.world, m, params, new Set());
  for (const name of params) {
    const expr = explicit.get(name) ?? ({ kind: 'ref', name, prefix: [], loc: d.loc } as const);
    inst.subst.set(name, { expr, scope: outer, env });
  }
  populate(inst, m, new Set(), false);
  // an unnamed INSTANCE adds its definitions to the outer name space, so shares its path
  inst.instPath = d.name === undefined ? outer.instPath : outer.instPath === '' ? d.name : `${outer.instPath}!${d.name}`;
  const overrides = outer.world.instanceOverrides?.get(inst.instPath);
  if (overrides) for (const [name, e] of overrides) inst.defs.set(name, e);
  return inst;
}

/** CONSTANTS and VARIABLES of `m` and of what it extends. */
function collectParams(world: World, m: Module, out: Set<string>, seen: Set<string>): void {
  if (seen.has(m.name)) return;
  seen.add(m.name);
  for (const ext of m.extends) {
    const e = findModule(world, ext, m, m.loc);
    if (e) collectParams(world, e, out, seen);
  }
  for (const c of m.constants) out.add(c.name);
  for (const v of m.variables) out.add(v.name);
}
