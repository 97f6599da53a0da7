// Symbols and scopes for name resolution, following SANY's SymbolTable
// (tla2sany/semantic/SymbolTable.java): a stack of contexts, the bottom one holding the
// built-ins and everything the module declares, defines, EXTENDS or INSTANCEs; LET, formal
// parameters and bound variables push new contexts. `addSymbol` applies SANY's rules for
// names that are already bound.
import { ParseError } from '../errors.js';
import type { Loc } from './ast.js';
import { BUILTIN_NAMES, HIGHER_ORDER_PARAMS, STANDARD_MODULES } from './standard.js';

export type SymbolKind = 'builtin' | 'constant' | 'variable' | 'operator' | 'function' | 'instance' | 'param' | 'bound' | 'theorem';

export interface Sym {
  readonly name: string;
  readonly kind: SymbolKind;
  /** number of arguments; -1 for built-ins whose arity the grammar already fixes (`\X`) */
  readonly arity: number;
  /** arity of each parameter, when known: > 0 means the argument must be an operator */
  readonly paramArities?: readonly number[];
  /** module the symbol was originally declared or defined in ('' for built-ins) */
  readonly origin: string;
  readonly loc?: Loc;
  /** for instances: what `I!name` can reach */
  readonly exports?: ReadonlyMap<string, Sym>;
}

export function where(loc: Loc | undefined): string {
  return loc ? `line ${loc.line}, col ${loc.col} of module ${loc.module}` : 'a built-in';
}

export class Scope {
  private readonly symbols = new Map<string, Sym>();
  constructor(readonly parent?: Scope) {}

  lookup(name: string): Sym | undefined {
    return this.symbols.get(name) ?? this.parent?.lookup(name);
  }

  child(): Scope {
    return new Scope(this);
  }

  /** Bind `sym` here, or throw SANY's error when the name is taken (SymbolTable.addSymbol):
   *  formal parameters and bound variables must be new names; a declaration of another kind
   *  or arity conflicts; built-ins cannot be redefined; the same symbol imported twice (by two
   *  EXTENDS paths) is fine; two definitions from different modules only warn in SANY. */
  add(sym: Sym, at: Loc | undefined, currentModule: string): void {
    const existing = this.lookup(sym.name);
    if (!existing || existing === sym) {
      this.symbols.set(sym.name, sym);
      return;
    }
    if (sym.kind === 'param' || sym.kind === 'bound' || existing.kind !== sym.kind || existing.arity !== sym.arity) {
      throw new ParseError(`Multiply-defined symbol '${sym.name}': this definition or declaration conflicts with the one at ${where(existing.loc)}.`, at);
    }
    if (existing.kind === 'builtin' || existing.origin === '') {
      throw new ParseError(`Symbol ${sym.name} is a built-in operator, and cannot be redefined.`, at);
    }
    if (!this.symbols.has(sym.name)) {
      // A LET or inner definition shadowing an outer one of the same kind and arity.
      this.symbols.set(sym.name, sym);
      return;
    }
    if (existing.origin === currentModule && sym.origin === currentModule) {
      // Generator.java: "Operator X already defined or declared."
      throw new ParseError(`Operator ${sym.name} already defined or declared (at ${where(existing.loc)}).`, at);
    }
    // Same kind and arity from another module: SANY warns and keeps the first.
  }

  /** Own symbols of this scope level (the module level, for exports). */
  entries(): IterableIterator<[string, Sym]> {
    return this.symbols.entries();
  }
}

export function builtinScope(): Scope {
  const scope = new Scope();
  for (const [name, arity] of BUILTIN_NAMES) scope.add({ name, kind: 'builtin', arity, origin: '' }, undefined, '');
  return scope;
}

const standardCache = new Map<string, ReadonlyMap<string, Sym>>();

/** The symbols EXTENDS `name` brings for a standard module, the same objects every time so
 *  that a module reached along two paths is the same symbol (no duplicate definition). */
export function standardSymbols(name: string): ReadonlyMap<string, Sym> {
  const cached = standardCache.get(name);
  if (cached) return cached;
  const m = STANDARD_MODULES.get(name);
  const out = new Map<string, Sym>();
  if (m) {
    for (const e of m.extends) for (const [k, v] of standardSymbols(e)) out.set(k, v);
    for (const [op, arity] of Object.entries(m.operators)) {
      const paramArities = HIGHER_ORDER_PARAMS[op];
      out.set(op, paramArities ? { name: op, kind: 'operator', arity, paramArities, origin: name } : { name: op, kind: 'operator', arity, origin: name });
    }
  }
  standardCache.set(name, out);
  return out;
}
