// TLC orders strings and model values by the token their text got in UniqueString's intern
// table (UniqueString.compareTo), so the order of a set of strings, CHOOSE among strings, the
// field order of records and the order \E and x' \in S enumerate them all depend on the order
// in which TLC first met each text. A run starts with a fresh table (values' resetValueTables)
// seeded here in TLC's order:
// 1. the cfg, parsed first (ModelConfig.parse): ModelValue.make and StringValue for each value;
// 2. SANY's parse: every identifier of the root module in source order, then of the modules it
//    loads (the order loadSpec found them);
// 3. SANY's semantic analysis, modules in dependency order: the text of each string literal.
// The standard modules' own identifiers (Naturals.tla's `a + b`, ...) are not seeded.
import type { Binding, Definition, Expr, Module } from '../frontend/ast.js';
import type { CfgValue, Config } from '../config/types.js';
import { resetValueTables, modelValue, str } from '../values/construct.js';
import { intern } from '../values/intern.js';
import { findModule, type LoadedSpec, type World } from './scope.js';

export function seedInternTable(loaded: LoadedSpec, config: Config, world: World): void {
  resetValueTables();
  const cfgValue = (v: CfgValue): void => {
    switch (v.kind) {
      case 'modelValue':
        modelValue(v.name);
        return;
      case 'str':
        str(v.value);
        return;
      case 'set':
        v.elems.forEach(cfgValue);
        return;
      case 'int':
      case 'bool':
        return;
    }
  };
  for (const c of config.constants) if (c.kind === 'value') {
    c.args?.forEach(cfgValue);
    cfgValue(c.value);
  }
  const ordered = [loaded.root, ...[...loaded.modules.values()].filter((m) => m !== loaded.root)];
  for (const m of ordered) identifiersOf(m, intern);
  const seen = new Set<string>();
  const strings = (m: Module): void => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    for (const ext of m.extends) {
      const dep = findModule(world, ext, m, m.loc);
      if (dep) strings(dep);
    }
    for (const d of m.definitions) if (d.kind === 'instance') {
      const dep = findModule(world, d.module, m, d.loc);
      if (dep) strings(dep);
    }
    for (const sub of m.submodules) strings(sub);
    walkModule(m, () => undefined, (s) => intern(s));
  };
  strings(loaded.root);
}

/** Whether any loaded module mentions the identifier `name` (e.g. TLCGet). */
export function mentions(loaded: LoadedSpec, name: string): boolean {
  let found = false;
  for (const m of loaded.modules.values()) identifiersOf(m, (n) => (found ||= n === name));
  return found;
}

function identifiersOf(m: Module, out: (name: string) => void): void {
  walkModule(m, out, () => undefined);
}

const IDENT = /^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$/;

/** Visit a module's identifiers (`id`) and string literals (`lit`) in source order. */
function walkModule(m: Module, id: (name: string) => void, lit: (s: string) => void): void {
  const name = (n: string): void => {
    if (IDENT.test(n)) id(n);
  };
  const binding = (b: Binding): void => {
    if (b.pattern.kind === 'name') name(b.pattern.name);
    else b.pattern.names.forEach(name);
    if (b.domain) expr(b.domain);
  };
  const def = (d: Definition): void => {
    switch (d.kind) {
      case 'operator':
        name(d.name);
        d.params.forEach((p) => name(p.name));
        expr(d.body);
        return;
      case 'function':
        name(d.name);
        d.bindings.forEach(binding);
        expr(d.body);
        return;
      case 'instance':
        if (d.name) name(d.name);
        d.params.forEach((p) => name(p.name));
        name(d.module);
        d.substitutions.forEach((s) => {
          name(s.name);
          expr(s.expr);
        });
        return;
    }
  };
  const expr = (e: Expr): void => {
    switch (e.kind) {
      case 'num': case 'bool': case 'at':
        return;
      case 'str':
        lit(e.value);
        return;
      case 'ref':
        e.prefix.forEach((p) => {
          name(p.name);
          p.args.forEach(expr);
        });
        name(e.name);
        return;
      case 'apply':
        e.prefix.forEach((p) => {
          name(p.name);
          p.args.forEach(expr);
        });
        if (IDENT.test(e.name)) {
          name(e.name);
          e.args.forEach(expr);
        } else if (e.args.length === 2) {
          // infix: left operand, operator, right operand
          expr(e.args[0]!);
          expr(e.args[1]!);
        } else e.args.forEach(expr);
        return;
      case 'lambda':
        e.params.forEach(name);
        expr(e.body);
        return;
      case 'prime': case 'not': case 'unchanged': case 'enabled': case 'always': case 'eventually':
        expr(e.expr);
        return;
      case 'and': case 'or':
        e.args.forEach(expr);
        return;
      case 'implies': case 'equiv': case 'leadsTo': case 'compose':
        expr(e.lhs);
        expr(e.rhs);
        return;
      case 'if':
        expr(e.cond);
        expr(e.then);
        expr(e.else);
        return;
      case 'case':
        e.arms.forEach((a) => {
          expr(a.cond);
          expr(a.body);
        });
        if (e.other) expr(e.other);
        return;
      case 'let':
        e.defs.forEach(def);
        expr(e.body);
        return;
      case 'forall': case 'exists':
        e.bindings.forEach(binding);
        expr(e.body);
        return;
      case 'choose':
        binding(e.binding);
        expr(e.body);
        return;
      case 'setEnum': case 'tuple':
        e.elems.forEach(expr);
        return;
      case 'setFilter':
        binding(e.binding);
        expr(e.pred);
        return;
      case 'setMap':
        expr(e.body);
        e.bindings.forEach(binding);
        return;
      case 'record':
        e.fields.forEach((f) => {
          name(f.name);
          expr(f.value);
        });
        return;
      case 'recordSet':
        e.fields.forEach((f) => {
          name(f.name);
          expr(f.set);
        });
        return;
      case 'fnLiteral':
        e.bindings.forEach(binding);
        expr(e.body);
        return;
      case 'fnSet':
        expr(e.domain);
        expr(e.range);
        return;
      case 'fnApply':
        expr(e.fn);
        e.args.forEach(expr);
        return;
      case 'field':
        expr(e.record);
        name(e.field);
        return;
      case 'except':
        expr(e.fn);
        e.updates.forEach((u) => {
          u.path.forEach((p) => (p.kind === 'field' ? name(p.name) : p.args.forEach(expr)));
          expr(u.value);
        });
        return;
      case 'actionBox':
        expr(e.action);
        expr(e.vars);
        return;
      case 'fairness':
        expr(e.vars);
        expr(e.action);
        return;
      case 'temporalQuant':
        e.names.forEach(name);
        expr(e.body);
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  };
  name(m.name);
  m.extends.forEach(name);
  // units in source order: declarations, definitions and assumptions interleave in the file
  const units: { line: number; col: number; visit: () => void }[] = [
    ...m.constants.map((c) => ({ line: c.loc.line, col: c.loc.col, visit: () => name(c.name) })),
    ...m.variables.map((v) => ({ line: v.loc.line, col: v.loc.col, visit: () => name(v.name) })),
    ...m.definitions.map((d) => ({ line: d.loc.line, col: d.loc.col, visit: () => def(d) })),
    ...m.assumptions.map((a) => ({ line: a.loc.line, col: a.loc.col, visit: () => {
      if (a.name) name(a.name);
      expr(a.expr);
    } })),
    ...m.submodules.map((s) => ({ line: s.loc.line, col: s.loc.col, visit: () => walkModule(s, id, lit) })),
  ];
  units.sort((a, b) => a.line - b.line || a.col - b.col);
  for (const u of units) u.visit();
}
