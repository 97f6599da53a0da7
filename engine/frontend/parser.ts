// Text → tree-sitter concrete syntax tree, using the community TLA+ grammar compiled to wasm
// (@tlaplus/tree-sitter-tlaplus). The wasm is loaded once per process and the parser reused.
// Before parsing, the few Unicode symbols the grammar lacks are spelled in ASCII (unicode.ts,
// one character for one, so columns do not move) and tabs are expanded (the grammar's external
// scanner measures junction-list alignment in characters, so a tab inside a `/\` list breaks
// the list); `SourceText` maps positions in the parsed text back to the user's original columns.
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { ParseError } from '../errors.js';
import type { Loc } from './ast.js';
import { syntaxError } from './syntax.js';
import { asciiSymbols } from './unicode.js';

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

/** The source of one module file: original text, the text tree-sitter saw (Unicode symbols
 *  in ASCII, tabs expanded), and the mapping from tree positions back to original 1-based
 *  line/column. */
export class SourceText {
  readonly expanded: string;
  private readonly lines: readonly string[];
  constructor(
    readonly file: string,
    readonly original: string,
  ) {
    this.expanded = expandTabs(asciiSymbols(original));
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

  /** 0-based `row` of the original text, as the user wrote it. */
  originalLine(row: number): string {
    return this.lines[row] ?? '';
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
   *  ("line 3, col 5 to line 4, col 20"); tree-sitter's end position is one past it. SANY's
   *  locations end at the node's last token, so trailing comments (extras), the zero-width
   *  tokens that close a bulleted list at the next line, and whitespace are not part of it. */
  loc(node: Node, module: string): Loc {
    const s = node.startPosition;
    const line = s.row + 1;
    const col = this.originalCol(s.row, s.column);
    const e = lastTokenEnd(node);
    if (e.row < s.row || (e.row === s.row && e.column <= s.column)) {
      return { file: this.file, module, line, col, endLine: line, endCol: col }; // empty (a MISSING token): a point
    }
    // walk back from the exclusive end, in the original text, to the last non-blank character
    let row = e.row;
    let idx = e.column === 0 ? 0 : this.originalCol(e.row, e.column - 1); // exclusive, 0-based
    const startIdx = col - 1;
    for (;;) {
      if (row === s.row && idx <= startIdx) return { file: this.file, module, line, col, endLine: line, endCol: col };
      if (idx === 0) {
        row--;
        idx = (this.lines[row] ?? '').length;
        continue;
      }
      const ch = (this.lines[row] ?? '')[idx - 1];
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        idx--;
        continue;
      }
      break;
    }
    return { file: this.file, module, line, col, endLine: row + 1, endCol: idx };
  }
}

/** The end of the node's last non-empty, non-comment token (tree-sitter position). */
function lastTokenEnd(node: Node): { row: number; column: number } {
  let n = node;
  for (;;) {
    let last: Node | null = null;
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c && !c.isExtra && c.endIndex > c.startIndex) {
        last = c;
        break;
      }
    }
    if (!last) return n.endPosition;
    n = last;
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
