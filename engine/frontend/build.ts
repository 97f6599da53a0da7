// Concrete tree of one `.tla` file → ast.ts `Module`s. Units keep source order; proofs,
// THEOREMs, USE/HIDE and `----` separators carry nothing TLC evaluates and are dropped
// (TLC ignores them too: tlc2/tool/impl/SpecProcessor only walks definitions and ASSUMEs).
import type { Assumption, ConstantDecl, Definition, Loc, Module, VariableDecl } from './ast.js';
import { BuildContext, field, kids } from './context.js';
import { buildDeclaration, buildDefinition, RecursiveDecls } from './defs.js';
import { buildExpr } from './expr.js';
import type { Node, ParsedFile } from './parser.js';

/** Every top-level module of a parsed file (normally one; TLC tolerates several). */
export function buildModules(parsed: ParsedFile): Module[] {
  const root = parsed.tree.rootNode;
  const modules = kids(root).filter((k) => k.type === 'module');
  const ctx = new BuildContext(parsed.source, '');
  if (modules.length === 0) throw ctx.error(root, 'No module found: expected a line `---- MODULE Name ----`');
  return modules.map((m) => buildModule(ctx, m));
}

/** An operator definition's body may be navigated by later `Op!lbl` / `Op!1` references. */
function navigable(ctx: BuildContext, n: Node, def: Definition): void {
  const body = n.type === 'operator_definition' ? n.childForFieldName('definition') : null;
  if (body && def.kind === 'operator') ctx.subexprs.register(def.name, body, def.params);
}

export function buildModule(outer: BuildContext, n: Node): Module {
  const name = field(outer, n, 'name').text;
  const ctx = outer.forModule(name);
  const extendsNames: string[] = [];
  const extendsLocs: Loc[] = [];
  const constants: ConstantDecl[] = [];
  const variables: VariableDecl[] = [];
  const definitions: Definition[] = [];
  const assumptions: Assumption[] = [];
  const submodules: Module[] = [];
  const recursive = new RecursiveDecls();

  for (const unit of kids(n)) {
    switch (unit.type) {
      case 'extends':
        for (const m of kids(unit)) {
          extendsNames.push(m.text);
          extendsLocs.push(ctx.loc(m));
        }
        break;
      case 'constant_declaration':
        for (const d of kids(unit)) {
          const decl = buildDeclaration(ctx, d);
          constants.push({ name: decl.name, arity: decl.arity, loc: ctx.loc(d) });
        }
        break;
      case 'variable_declaration':
        for (const v of kids(unit)) variables.push({ name: v.text, loc: ctx.loc(v) });
        break;
      case 'recursive_declaration':
        recursive.declare(ctx, unit);
        break;
      case 'local_definition': {
        const [def] = kids(unit);
        definitions.push(buildDefinition(ctx, def!, true, recursive));
        recursive.defined(ctx, definitions[definitions.length - 1]!, def!);
        navigable(ctx, def!, definitions[definitions.length - 1]!);
        break;
      }
      case 'operator_definition':
      case 'function_definition':
      case 'module_definition':
      case 'instance':
        definitions.push(buildDefinition(ctx, unit, false, recursive));
        recursive.defined(ctx, definitions[definitions.length - 1]!, unit);
        navigable(ctx, unit, definitions[definitions.length - 1]!);
        break;
      case 'assumption': {
        const nameNode = unit.childForFieldName('name');
        // The name is an `identifier`; an expression never is (references are `identifier_ref`).
        const exprNode = kids(unit).find((k) => k.type !== 'def_eq' && k.type !== 'identifier');
        if (!exprNode) throw ctx.error(unit, 'ASSUME without an expression');
        const expr = buildExpr(ctx, exprNode);
        assumptions.push(nameNode ? { name: nameNode.text, expr, loc: ctx.loc(unit) } : { expr, loc: ctx.loc(unit) });
        break;
      }
      case 'module':
        submodules.push(buildModule(ctx, unit));
        break;
      case 'header_line':
      case 'double_line':
      case 'single_line':
      case 'identifier': // the module's own name
      case 'theorem':
      case 'use_or_hide':
        break;
      default:
        throw ctx.unsupported(unit, `module unit of kind ${unit.type}`);
    }
  }
  recursive.finish(ctx);
  definitions.push(...ctx.subexprs.take()); // `Op!lbl` references' synthetic definitions (subexpr.ts)
  return { name, file: ctx.source.file, extends: extendsNames, extendsLocs, constants, variables, definitions, assumptions, submodules, loc: ctx.loc(n) };
}
