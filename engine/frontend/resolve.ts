// Name resolution: the checks SANY makes before TLC runs (tla2sany/semantic/Generator.java),
// kept apart from AST building. Undefined names ("Unknown operator"), wrong numbers of
// arguments, names defined twice, and names used before their definition are ParseErrors at
// the name's location. Whether a primed expression is meaningful is left to the evaluator.
import { ParseError } from '../errors.js';
import type { Assumption, Binding, ConstantDecl, Definition, Expr, InstanceDef, Loc, Module, VariableDecl } from './ast.js';
import type { LoadedSpec } from './load.js';
import { builtinScope, Scope, type Sym, standardSymbols } from './scope.js';
import { STANDARD_MODULES } from './standard.js';
import { childExprs } from './walk.js';

/** Check every module of a loaded spec; throws the first ParseError found. */
export function resolveSpec(spec: LoadedSpec): void {
  new Resolver(spec).moduleExports(spec.root.name, spec.root.loc);
}

type Unit =
  | { readonly kind: 'constant'; readonly decl: ConstantDecl }
  | { readonly kind: 'variable'; readonly decl: VariableDecl }
  | { readonly kind: 'definition'; readonly def: Definition }
  | { readonly kind: 'assumption'; readonly assumption: Assumption }
  | { readonly kind: 'submodule'; readonly module: Module };

function unitLoc(u: Unit): Loc {
  switch (u.kind) {
    case 'constant':
    case 'variable':
      return u.decl.loc;
    case 'definition':
      return u.def.loc;
    case 'assumption':
      return u.assumption.loc;
    case 'submodule':
      return u.module.loc;
    default: {
      const never: never = u;
      return never;
    }
  }
}

/** A module's units in source order: definitions may use only what precedes them. */
function unitsInOrder(m: Module): Unit[] {
  const units: Unit[] = [
    ...m.constants.map((decl) => ({ kind: 'constant', decl }) as const),
    ...m.variables.map((decl) => ({ kind: 'variable', decl }) as const),
    ...m.definitions.map((def) => ({ kind: 'definition', def }) as const),
    ...m.assumptions.map((assumption) => ({ kind: 'assumption', assumption }) as const),
    ...m.submodules.map((module) => ({ kind: 'submodule', module }) as const),
  ];
  return units.sort((a, b) => unitLoc(a).line - unitLoc(b).line || unitLoc(a).col - unitLoc(b).col);
}

class Resolver {
  /** exports of each checked user module (what EXTENDS or `I!` reaches) */
  private readonly exportsByModule = new Map<string, ReadonlyMap<string, Sym>>();
  /** submodules' exports, visible to INSTANCE in the enclosing module after their definition */
  private readonly innerExports = new Map<string, ReadonlyMap<string, Sym>>();
  /** how many EXCEPT values the expression being checked is inside of */
  private exceptDepth = 0;
  constructor(private readonly spec: LoadedSpec) {}

  moduleExports(name: string, at: Loc, outer?: Scope): ReadonlyMap<string, Sym> {
    if (STANDARD_MODULES.has(name)) return standardSymbols(name);
    const done = this.exportsByModule.get(name) ?? this.innerExports.get(name);
    if (done) return done;
    const m = this.spec.modules.get(name);
    if (!m) throw new ParseError(`Cannot find module ${name}`, at);
    const exports = this.checkModule(m, outer);
    this.exportsByModule.set(name, exports);
    return exports;
  }

  private checkModule(m: Module, outer: Scope | undefined): ReadonlyMap<string, Sym> {
    // An inner module sees the enclosing module's context at its position (SymbolTable's
    // constructor for internal modules copies the context stack).
    const scope = outer ? outer.child() : builtinScope();
    const exported = new Map<string, Sym>();
    const publish = (sym: Sym, at: Loc | undefined, local: boolean): void => {
      scope.add(sym, at, m.name);
      if (!local) exported.set(sym.name, scope.lookup(sym.name)!);
    };
    m.extends.forEach((ext, i) => {
      const at = m.extendsLocs?.[i] ?? m.loc;
      for (const sym of this.moduleExports(ext, at).values()) publish(sym, at, false);
    });
    // RECURSIVE operators may be used before (and inside) their own definition.
    for (const d of m.definitions) {
      if (d.kind === 'operator' && d.recursive) publish(this.operatorSym(d, m.name), d.loc, d.local);
    }
    for (const unit of unitsInOrder(m)) {
      switch (unit.kind) {
        case 'constant':
          publish({ name: unit.decl.name, kind: 'constant', arity: unit.decl.arity, origin: m.name, loc: unit.decl.loc }, unit.decl.loc, false);
          break;
        case 'variable':
          publish({ name: unit.decl.name, kind: 'variable', arity: 0, origin: m.name, loc: unit.decl.loc }, unit.decl.loc, false);
          break;
        case 'definition':
          for (const sym of this.definition(unit.def, scope, m.name)) publish(sym, unit.def.loc, unit.def.local);
          break;
        case 'assumption':
          this.expr(unit.assumption.expr, scope, m.name);
          if (unit.assumption.name) publish({ name: unit.assumption.name, kind: 'theorem', arity: 0, origin: m.name, loc: unit.assumption.loc }, unit.assumption.loc, false);
          break;
        case 'submodule':
          this.innerExports.set(unit.module.name, this.checkModule(unit.module, scope));
          break;
        default: {
          const never: never = unit;
          throw new Error(`unhandled unit ${String(never)}`);
        }
      }
    }
    return exported;
  }

  private operatorSym(d: Extract<Definition, { kind: 'operator' }>, module: string): Sym {
    return { name: d.name, kind: 'operator', arity: d.params.length, paramArities: d.params.map((p) => p.arity), origin: module, loc: d.loc };
  }

  /** Checks a definition's body and returns the symbols it binds in the enclosing scope. */
  private definition(d: Definition, scope: Scope, module: string): Sym[] {
    switch (d.kind) {
      case 'operator': {
        const inner = scope.child();
        for (const p of d.params) inner.add({ name: p.name, kind: 'param', arity: p.arity, origin: module, loc: d.loc }, d.loc, module);
        this.expr(d.body, inner, module);
        // a recursive operator was bound before its body: return the same symbol
        const pre = scope.lookup(d.name);
        return d.recursive && pre?.kind === 'operator' && pre.origin === module ? [pre] : [this.operatorSym(d, module)];
      }
      case 'function': {
        const sym: Sym = { name: d.name, kind: 'function', arity: 0, origin: module, loc: d.loc };
        const inner = this.bind(d.bindings, scope, module);
        inner.add(sym, d.loc, module); // a function definition may use f itself: f[x \in S] == .. f[x - 1] ..
        this.expr(d.body, inner, module);
        return [sym];
      }
      case 'instance':
        return this.instance(d, scope, module);
      default: {
        const never: never = d;
        throw new Error(`unhandled definition ${String(never)}`);
      }
    }
  }

  private instance(d: InstanceDef, scope: Scope, module: string): Sym[] {
    const exports = this.moduleExports(d.module, d.loc);
    const inner = scope.child();
    for (const p of d.params) inner.add({ name: p.name, kind: 'param', arity: p.arity, origin: module, loc: d.loc }, d.loc, module);
    // the target's parameters include those of the modules it EXTENDS
    const declared = new Set([...exports.values()].filter((s) => s.kind === 'constant' || s.kind === 'variable').map((s) => s.name));
    for (const s of d.substitutions) {
      if (!declared.has(s.name)) throw new ParseError(`Substitution for ${s.name}, which is not a CONSTANT or VARIABLE of module ${d.module}`, d.loc);
      this.arg(s.expr, inner, module);
    }
    // Every constant and variable not substituted is implicitly `x <- x` (the meaning of
    // INSTANCE in Specifying Systems), so it must mean something here.
    const substituted = new Set(d.substitutions.map((s) => s.name));
    for (const name of declared) {
      if (!substituted.has(name) && !inner.lookup(name)) {
        throw new ParseError(`Unknown operator: ${name} (module ${d.module} declares it and the INSTANCE does not substitute it)`, d.loc);
      }
    }
    if (d.name !== undefined) {
      return [{ name: d.name, kind: 'instance', arity: d.params.length, paramArities: d.params.map((p) => p.arity), origin: module, loc: d.loc, exports }];
    }
    // An unnamed INSTANCE imports the definitions; declarations are substituted away.
    return [...exports.values()].filter((s) => s.kind !== 'constant' && s.kind !== 'variable');
  }

  /** Bind the variables of `\A x \in S, y \in T`; later domains may use earlier names. */
  private bind(bindings: readonly Binding[], scope: Scope, module: string): Scope {
    const inner = scope.child();
    for (const b of bindings) {
      if (b.domain) this.expr(b.domain, inner, module);
      const names = b.pattern.kind === 'name' ? [b.pattern.name] : b.pattern.names;
      for (const name of names) inner.add({ name, kind: 'bound', arity: 0, origin: module, loc: b.pattern.loc }, b.pattern.loc, module);
    }
    return inner;
  }

  private lookup(name: string, scope: Scope, loc: Loc): Sym {
    const sym = scope.lookup(name);
    if (!sym) throw new ParseError(`Unknown operator: ${name}`, loc);
    return sym;
  }

  /** `I!J(a)!` — the symbol table that the name after the last `!` is looked up in. */
  private prefixScope(e: Extract<Expr, { kind: 'ref' | 'apply' }>, scope: Scope, module: string): ReadonlyMap<string, Sym> | undefined {
    if (e.prefix.length === 0) return undefined;
    let table: ReadonlyMap<string, Sym> | undefined;
    for (const component of e.prefix) {
      const sym = table ? table.get(component.name) : scope.lookup(component.name);
      if (!sym) throw new ParseError(`Unknown operator: ${component.name}`, e.loc);
      if (sym.kind !== 'instance' || !sym.exports) throw new ParseError(`${component.name} is not a module instance, so ${component.name}! cannot be used`, e.loc);
      if (sym.arity !== component.args.length) throw new ParseError(`The operator ${component.name} requires ${sym.arity} arguments.`, e.loc);
      for (const a of component.args) this.expr(a, scope, module);
      table = sym.exports;
    }
    return table;
  }

  private expr(e: Expr, scope: Scope, module: string): void {
    const sub = (x: Expr, s: Scope = scope): void => this.expr(x, s, module);
    switch (e.kind) {
      case 'num':
      case 'str':
      case 'bool':
        return;
      case 'ref': {
        const table = this.prefixScope(e, scope, module);
        const sym = table ? table.get(e.name) : scope.lookup(e.name);
        if (!sym) throw new ParseError(`Unknown operator: ${e.name}`, e.loc);
        if (sym.arity > 0) throw new ParseError(`The operator ${e.name} requires ${sym.arity} arguments.`, e.loc);
        return;
      }
      case 'apply': {
        const table = this.prefixScope(e, scope, module);
        const sym = table ? table.get(e.name) : scope.lookup(e.name);
        if (!sym) throw new ParseError(`Unknown operator: ${e.name}`, e.loc);
        if (sym.arity >= 0 && sym.arity !== e.args.length) {
          throw new ParseError(`The operator ${e.name} requires ${sym.arity} argument${sym.arity === 1 ? '' : 's'}.`, e.loc);
        }
        e.args.forEach((a, i) => this.arg(a, scope, module, sym.paramArities?.[i] ?? 0, e.name, i));
        return;
      }
      case 'lambda': {
        const inner = scope.child();
        for (const p of e.params) inner.add({ name: p, kind: 'param', arity: 0, origin: module, loc: e.loc }, e.loc, module);
        sub(e.body, inner);
        return;
      }
      // no names bound here: check the subexpressions in the same scope
      case 'prime':
      case 'not':
      case 'unchanged':
      case 'enabled':
      case 'always':
      case 'eventually':
      case 'and':
      case 'or':
      case 'implies':
      case 'equiv':
      case 'leadsTo':
      case 'compose':
      case 'if':
      case 'case':
      case 'setEnum':
      case 'tuple':
      case 'record':
      case 'recordSet':
      case 'fnSet':
      case 'fnApply':
      case 'field':
      case 'actionBox':
      case 'fairness':
        childExprs(e).forEach((x) => sub(x));
        return;
      case 'let': {
        const inner = scope.child();
        for (const d of e.defs) if (d.kind === 'operator' && d.recursive) inner.add(this.operatorSym(d, module), d.loc, module);
        for (const d of e.defs) {
          for (const sym of this.definition(d, inner, module)) {
            if (inner.lookup(sym.name) !== sym) inner.add(sym, d.loc, module);
          }
        }
        sub(e.body, inner);
        return;
      }
      case 'forall':
      case 'exists':
      case 'fnLiteral':
        sub(e.body, this.bind(e.bindings, scope, module));
        return;
      case 'setMap':
        sub(e.body, this.bind(e.bindings, scope, module));
        return;
      case 'choose':
        sub(e.body, this.bind([e.binding], scope, module));
        return;
      case 'setFilter':
        sub(e.pred, this.bind([e.binding], scope, module));
        return;
      case 'except':
        sub(e.fn);
        for (const u of e.updates) {
          for (const step of u.path) if (step.kind === 'index') step.args.forEach((a) => sub(a));
          // `@` is the old value of the component, anywhere inside the new value
          this.exceptDepth++;
          try {
            sub(u.value);
          } finally {
            this.exceptDepth--;
          }
        }
        return;
      case 'at':
        if (this.exceptDepth === 0) throw new ParseError('@ used outside of an EXCEPT', e.loc);
        return;
      case 'temporalQuant': {
        const inner = scope.child();
        for (const name of e.names) inner.add({ name, kind: 'bound', arity: 0, origin: module, loc: e.loc }, e.loc, module);
        sub(e.body, inner);
        return;
      }
      default: {
        const never: never = e;
        throw new Error(`unhandled expression ${String(never)}`);
      }
    }
  }

  /** An argument: where the parameter takes an operator (`F(_)`), a LAMBDA or the name of
   *  an operator of that arity; elsewhere an ordinary expression. */
  private arg(a: Expr, scope: Scope, module: string, paramArity?: number, callee?: string, index?: number): void {
    if (paramArity !== undefined && paramArity > 0) {
      if (a.kind === 'lambda') {
        if (a.params.length !== paramArity) throw new ParseError(`Argument ${index! + 1} of ${callee} must be an operator of ${paramArity} arguments`, a.loc);
        this.expr(a, scope, module);
        return;
      }
      if (a.kind === 'ref') {
        const table = this.prefixScope(a, scope, module);
        const sym = table ? table.get(a.name) : this.lookup(a.name, scope, a.loc);
        if (!sym) throw new ParseError(`Unknown operator: ${a.name}`, a.loc);
        if (sym.arity >= 0 && sym.arity !== paramArity) throw new ParseError(`Argument ${index! + 1} of ${callee} must be an operator of ${paramArity} arguments`, a.loc);
        return;
      }
      throw new ParseError(`Argument ${index! + 1} of ${callee} must be an operator of ${paramArity} arguments`, a.loc);
    }
    if (a.kind === 'ref' && a.prefix.length === 0) {
      // Passing an operator by name where the parameter's shape is unknown (substitutions).
      const sym = this.lookup(a.name, scope, a.loc);
      if (paramArity === undefined && sym.arity !== 0) return;
    }
    this.expr(a, scope, module);
  }
}
