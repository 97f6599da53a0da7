// Text → tree-sitter concrete syntax tree, using the community TLA+ grammar compiled to wasm
// (@tlaplus/tree-sitter-tlaplus). The wasm is loaded once per process and the parser reused.
// Tabs are expanded before parsing (the grammar's external scanner measures junction-list
// alignment in characters, so a tab inside a `/\` list breaks the list); `SourceText` maps
// positions in the expanded text back to the user's original columns.
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { ParseError } from '../errors.js';
import type { Loc } from './ast.js';

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

  loc(node: Node, module: string): Loc {
    const s = node.startPosition;
    const e = node.endPosition;
    return {
      file: this.file,
      module,
      line: s.row + 1,
      col: this.originalCol(s.row, s.column),
      endLine: e.row + 1,
      endCol: this.originalCol(e.row, e.column),
    };
  }
}

export interface ParsedFile {
  readonly source: SourceText;
  readonly tree: Tree;
}

/** Parse a file's text; throws ParseError at the first ERROR or MISSING node. */
export async function parseTla(file: string, text: string): Promise<ParsedFile> {
  const parser = await tlaParser();
  const source = new SourceText(file, text);
  const tree = parser.parse(source.expanded);
  if (!tree) throw new ParseError('tree-sitter returned no tree', { file, module: '', line: 1, col: 1, endLine: 1, endCol: 1 });
  const bad = firstError(tree.rootNode);
  if (bad) throw new ParseError(describeSyntaxError(bad, source), source.loc(bad, moduleNameGuess(tree.rootNode)));
  return { source, tree };
}

/** The first ERROR or MISSING node in document order, descending only where errors are. */
export function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) {
    // An ERROR node's own first erroneous descendant is usually the more precise spot,
    // but the ERROR node's start is where the parser gave up understanding the text.
    return node;
  }
  if (!node.hasError) return undefined;
  // The grammar parses PlusCal inside `(* --algorithm .. *)`; TLC never reads it (the
  // translation below it is what counts), so a malformed algorithm is not our error.
  if (node.type === 'block_comment' || node.type === 'comment') return undefined;
  for (const child of node.children) {
    if (!child) continue;
    const found = firstError(child);
    if (found) return found;
  }
  return undefined;
}

function snippet(text: string): string {
  const firstLine = text.split('\n')[0] ?? '';
  return firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<<': '>>' };

/** The first bracket opened inside an ERROR node and never closed there: tree-sitter's
 *  recovery usually swallows the text after a missing `)`, so this is the likeliest cause. */
function unclosedBracket(node: Node): Node | undefined {
  const open: Node[] = [];
  const visit = (n: Node): void => {
    if (n.childCount === 0) {
      if (CLOSERS[n.type]) open.push(n);
      else if (open.length > 0 && CLOSERS[open[open.length - 1]!.type] === n.type) open.pop();
      return;
    }
    for (const c of n.children) if (c) visit(c);
  };
  visit(node);
  return open[0];
}

/** A message that says what was found and, when tree-sitter knows it, what was expected. */
export function describeSyntaxError(node: Node, source?: SourceText): string {
  if (node.isMissing) {
    const expected = node.isNamed ? node.type.replace(/_/g, ' ') : `'${node.type}'`;
    return `Syntax error: missing ${expected}`;
  }
  const first = firstLeaf(node);
  const found = first ? `'${snippet(first.text)}'` : 'end of input';
  const parent = node.parent;
  const where = parent && parent.type !== 'source_file' ? ` in ${parent.type.replace(/_/g, ' ')}` : '';
  let hint = '';
  const unclosed = unclosedBracket(node);
  if (unclosed) {
    const p = unclosed.startPosition;
    const col = source ? source.originalCol(p.row, p.column) : p.column + 1;
    hint = ` ('${unclosed.type}' at line ${p.row + 1}, col ${col} is never closed)`;
  }
  if (node.text.trimStart().startsWith('==') || /^[A-Za-z_]\w*!/.test(node.text)) hint = ' (a definition must start with a name, an operator symbol or a parameter)';
  return `Syntax error: unexpected ${found}${where}${hint}`;
}

function firstLeaf(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.childCount > 0) n = n.child(0);
  return n ?? undefined;
}

function moduleNameGuess(root: Node): string {
  const m = /MODULE\s+(\w+)/.exec(root.text);
  return m?.[1] ?? '';
}
