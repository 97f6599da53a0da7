// What every AST-building function needs: where nodes came from (for `Loc`s) and helpers to
// walk tree-sitter's concrete nodes without tripping over comments, which the grammar treats
// as "extras" that may appear between any two tokens.
import { ParseError, UnsupportedError } from '../errors.js';
import type { Loc } from './ast.js';
import type { Node, SourceText } from './parser.js';
import { SubexprDefs } from './subexpr.js';

export class BuildContext {
  /** this module's operators that `Op!lbl` / `Op!1` may navigate (subexpr.ts) */
  readonly subexprs = new SubexprDefs();
  constructor(
    readonly source: SourceText,
    readonly module: string,
  ) {}

  loc(node: Node): Loc {
    return this.source.loc(node, this.module);
  }

  /** For a nested module: same file, another module name in the locations. */
  forModule(name: string): BuildContext {
    return new BuildContext(this.source, name);
  }

  unsupported(node: Node, what: string): UnsupportedError {
    return new UnsupportedError(`Unsupported construct: ${what}`, this.loc(node));
  }

  error(node: Node, message: string): ParseError {
    return new ParseError(message, this.loc(node));
  }
}

const EXTRAS = new Set(['comment', 'block_comment']);

/** Named children that are not comments. */
export function kids(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && !EXTRAS.has(c.type));
}

/** Named children carrying the given field, without comments and punctuation. */
export function fieldKids(node: Node, field: string): Node[] {
  return node.childrenForFieldName(field).filter((c): c is Node => c !== null && c.isNamed && !EXTRAS.has(c.type));
}

export function field(ctx: BuildContext, node: Node, name: string): Node {
  const child = node.childForFieldName(name);
  if (!child) throw ctx.error(node, `Malformed ${node.type}: no ${name}`);
  return child;
}

/** The i-th non-comment named child, or a located error when the tree is not as expected. */
export function kid(ctx: BuildContext, node: Node, i: number): Node {
  const child = kids(node)[i];
  if (!child) throw ctx.error(node, `Malformed ${node.type}: expected child ${i}`);
  return child;
}
