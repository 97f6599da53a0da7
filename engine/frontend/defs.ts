// Definitions, at module level and inside LET: `Op(p, F(_)) == e`, `a ++ b == e`,
// `f[x \in S] == e`, `I(x) == INSTANCE M WITH ..`, and RECURSIVE declarations, which only mark
// the definition that follows them (RECURSIVE is a TLA+2 addition, after Specifying Systems;
// SANY requires the declared operator to be defined later in the same scope).
import type { Definition, FunctionDef, InstanceDef, OperatorDef } from './ast.js';
import { type BuildContext, field, fieldKids, kids } from './context.js';
import { buildArg, buildExpr, buildQuantifierBound, opSymbol } from './expr.js';
import type { Node } from './parser.js';

export interface Param {
  readonly name: string;
  readonly arity: number;
}

/** A declared name with its arity: `x`, `F(_, _)`, `-. _`, `_ + _`, `_ ^+`. */
export function buildDeclaration(ctx: BuildContext, n: Node): Param & { node: Node } {
  if (n.type === 'identifier') return { name: n.text, arity: 0, node: n };
  if (n.type !== 'operator_declaration') throw ctx.unsupported(n, `declaration ${n.text}`);
  const nameNode = field(ctx, n, 'name');
  const arity = kids(n).filter((k) => k.type === 'placeholder').length;
  const name = nameNode.type === 'identifier' ? nameNode.text : opSymbol(ctx, nameNode);
  return { name, arity, node: nameNode };
}

function definitionName(ctx: BuildContext, n: Node): string {
  switch (n.type) {
    case 'identifier':
      return n.text;
    case 'nat_number_set':
      return 'Nat';
    case 'int_number_set':
      return 'Int';
    case 'real_number_set':
      return 'Real';
    default:
      return opSymbol(ctx, n);
  }
}

export function buildOperatorDef(ctx: BuildContext, n: Node, local: boolean, recursive: { has(name: string): boolean }): OperatorDef {
  const name = definitionName(ctx, field(ctx, n, 'name'));
  const params = fieldKids(n, 'parameter').map((p) => {
    const { name: pname, arity } = buildDeclaration(ctx, p);
    return { name: pname, arity };
  });
  const body = buildExpr(ctx, field(ctx, n, 'definition'));
  return { kind: 'operator', name, params, body, recursive: recursive.has(name), local, loc: ctx.loc(n) };
}

export function buildFunctionDef(ctx: BuildContext, n: Node, local: boolean): FunctionDef {
  const bindings = kids(n)
    .filter((k) => k.type === 'quantifier_bound')
    .flatMap((b) => buildQuantifierBound(ctx, b));
  return {
    kind: 'function',
    name: field(ctx, n, 'name').text,
    bindings,
    body: buildExpr(ctx, field(ctx, n, 'definition')),
    local,
    loc: ctx.loc(n),
  };
}

/** `INSTANCE M WITH a <- e, + <- Op` (unnamed) or the `instance` inside `I(x) == INSTANCE ..`. */
export function buildInstance(ctx: BuildContext, n: Node, local: boolean, named?: { name: string; params: Param[]; at: Node }): InstanceDef {
  const [moduleRef, ...subs] = kids(n);
  const substitutions = subs.map((s) => {
    const [target, , value] = kids(s);
    const name = target!.type === 'identifier_ref' ? target!.text : opSymbol(ctx, target!);
    return { name, expr: buildArg(ctx, value!) };
  });
  const base = { kind: 'instance', params: named?.params ?? [], module: moduleRef!.text, substitutions, local, loc: ctx.loc(named?.at ?? n) } as const;
  return named ? { ...base, name: named.name } : base;
}

export function buildModuleDefinition(ctx: BuildContext, n: Node, local: boolean): InstanceDef {
  const params = fieldKids(n, 'parameter').map((p) => {
    const { name, arity } = buildDeclaration(ctx, p);
    return { name, arity };
  });
  return buildInstance(ctx, field(ctx, n, 'definition'), local, { name: field(ctx, n, 'name').text, params, at: n });
}

/** The RECURSIVE declarations of one scope (module or LET): each must be followed by a
 *  definition of that operator with the declared number of arguments (SANY checks both). */
export class RecursiveDecls {
  private readonly names = new Set<string>();
  private readonly pending = new Map<string, { readonly arity: number; readonly node: Node }>();

  declare(ctx: BuildContext, n: Node): void {
    for (const d of kids(n)) {
      const { name, arity, node } = buildDeclaration(ctx, d);
      this.names.add(name);
      this.pending.set(name, { arity, node });
    }
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Note a definition; a RECURSIVE one must match its declared arity. */
  defined(ctx: BuildContext, def: Definition, at: Node): void {
    const declared = def.kind === 'operator' ? this.pending.get(def.name) : undefined;
    if (!declared || def.kind !== 'operator') return;
    if (declared.arity !== def.params.length) {
      throw ctx.error(at, `Operator ${def.name} is declared RECURSIVE with ${declared.arity} arguments but defined with ${def.params.length}`);
    }
    this.pending.delete(def.name);
  }

  /** At the end of the scope: a declared operator that was never defined. */
  finish(ctx: BuildContext): void {
    for (const [name, { node }] of this.pending) throw ctx.error(node, `Operator ${name} is declared RECURSIVE but never defined`);
  }
}

/** A single definition node (`_definition` in grammar.js); `local` when under LOCAL. */
export function buildDefinition(ctx: BuildContext, n: Node, local: boolean, recursive: RecursiveDecls): Definition {
  switch (n.type) {
    case 'operator_definition':
      return buildOperatorDef(ctx, n, local, recursive);
    case 'function_definition':
      return buildFunctionDef(ctx, n, local);
    case 'module_definition':
      return buildModuleDefinition(ctx, n, local);
    case 'instance':
      return buildInstance(ctx, n, local);
    default:
      throw ctx.unsupported(n, `definition of kind ${n.type}`);
  }
}

/** LET's definitions, with RECURSIVE declarations marking the operators defined after them. */
export function buildLetDefinitions(ctx: BuildContext, nodes: readonly Node[]): Definition[] {
  const recursive = new RecursiveDecls();
  const defs: Definition[] = [];
  for (const n of nodes) {
    if (n.type === 'recursive_declaration') recursive.declare(ctx, n);
    else {
      const def = buildDefinition(ctx, n, false, recursive);
      recursive.defined(ctx, def, n);
      defs.push(def);
    }
  }
  recursive.finish(ctx);
  return defs;
}
