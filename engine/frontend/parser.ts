// Text → tree-sitter concrete syntax tree, using the community TLA+ grammar compiled to wasm
// (@tlaplus/tree-sitter-tlaplus). The wasm is loaded once per process and the parser reused.
// Tabs are expanded before parsing (the grammar's external scanner measures junction-list
// alignment in characters, so a tab inside a `/\` list breaks the list); `SourceText` maps
// positions in the expanded text back to the user's original columns.
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { ParseError } from '../errors.js';
import type { Loc } from './ast.js';
import { syntaxError } from './syntax.js';

export type { Node } from 'web-tree-sitter';

let parserPromise: Promise<Parser> | undefined;

/** The one parser of this process; `Parser.init` compiles the runtime wasm, which is slow. */
export function tlaParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@tlaplus/tree-sitter-tlaplus/package.json');
    const language = await Language.load(pkg.replace(/package\.json$/, 'tree-sitter-tlaplus.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export const TAB_WIDTH = 8;

/** Replace each tab by spaces up to the next multiple of TAB_WIDTH columns, the way editors
 *  (and SANY's own tab handling, tla2sany/st/Location) align `/\` bullets written with tabs. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      let out = '';
      for (const ch of line) {
        if (ch === '\t') out += ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH));
        else out += ch;
      }
      return out;
    })
    .join('\n');
}

/** The source of one module file: original text, the tab-expanded text tree-sitter saw, and
 *  the mapping from tree positions back to original 1-based line/column. */
export class SourceText {
  readonly expanded: string;
  private readonly lines: readonly string[];
  constructor(
    readonly file: string,
    readonly original: string,
  ) {
    this.expanded = expandTabs(original);
    this.lines = original.split('\n');
  }

  /** Original 1-based column for a 0-based column of the expanded text on 0-based `row`. */
  originalCol(row: number, expandedCol: number): number {
    const line = this.lines[row];
    if (line === undefined || !line.includes('\t')) return expandedCol + 1;
    let col = 0;
    let i = 0;
    for (const ch of line) {
      const next = ch === '\t' ? col + TAB_WIDTH - (col % TAB_WIDTH) : col + ch.length;
      if (next > expandedCol) break;
      col = next;
      i += ch.length;
    }
    return i + 1;
  }

  /** The node's text as the user wrote it (tabs unexpanded), for single-line tokens whose
   *  content matters, like strings: `"a<TAB>b"` keeps its tab. */
  originalText(node: Node): string {
    const s = node.startPosition;
    const e = node.endPosition;
    const line = this.lines[s.row];
    if (line === undefined || s.row !== e.row || !line.includes('\t')) return node.text;
    return line.slice(this.originalCol(s.row, s.column) - 1, this.originalCol(e.row, e.column - 1));
  }

  /** `endLine`/`endCol` name the node's last character, inclusive, as TLC's Location does
   *  ("line 3, col 5 to line 4, col 20"); tree-sitter's end position is one past it. */
  loc(node: Node, module: string): Loc {
    const s = node.startPosition;
    const e = node.endPosition;
    let endLine = e.row + 1;
    let endCol: number;
    if (e.row === s.row && e.column <= s.column) {
      endCol = this.originalCol(s.row, s.column); // empty (a MISSING token): a point
    } else if (e.column > 0) {
      endCol = this.originalCol(e.row, e.column - 1);
    } else {
      // the node ends with a line break: its last character is the end of the previous line
      endLine = e.row;
      endCol = Math.max(1, (this.lines[e.row - 1] ?? '').replace(/\r$/, '').length);
    }
    return { file: this.file, module, line: s.row + 1, col: this.originalCol(s.row, s.column), endLine, endCol };
  }
}

export interface ParsedFile {
  readonly source: SourceText;
  readonly tree: Tree;
}

/** Parse a file's text; throws ParseError (located, see syntax.ts) if it has syntax errors. */
export async function parseTla(file: string, text: string): Promise<ParsedFile> {
  const parser = await tlaParser();
  const source = new SourceText(file, text);
  const tree = parser.parse(source.expanded);
  if (!tree) throw new ParseError('tree-sitter returned no tree', { file, module: '', line: 1, col: 1, endLine: 1, endCol: 1 });
  const error = syntaxError(tree.rootNode, source);
  if (error) {
    tree.delete();
    throw error;
  }
  return { source, tree };
}
