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

  /** `endLine`/`endCol` name the node's last character, inclusive, as TLC's Location does
   *  ("line 3, col 5 to line 4, col 20"); tree-sitter's end position is one past it. */
  loc(node: Node, module: string): Loc {
    const s = node.startPosition;
    const e = node.endPosition;
    let endLine = e.row + 1;
    let endCol: number;
    if (e.column > 0 || e.row === s.row) {
      endCol = e.column > 0 ? this.originalCol(e.row, e.column - 1) : this.originalCol(s.row, s.column);
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

/** Parse a file's text; throws ParseError at the first ERROR or MISSING node. */
export async function parseTla(file: string, text: string): Promise<ParsedFile> {
  const parser = await tlaParser();
  const source = new SourceText(file, text);
  const tree = parser.parse(source.expanded);
  if (!tree) throw new ParseError('tree-sitter returned no tree', { file, module: '', line: 1, col: 1, endLine: 1, endCol: 1 });
  const bad = firstError(tree.rootNode);
  const comment = bad ? unterminatedComment(source) : undefined;
  if (comment) {
    tree.delete();
    throw new ParseError('Syntax error: this comment (* is never closed by *)', comment);
  }
  const unterminated = bad ? unterminatedModule(source) : undefined;
  if (unterminated) {
    tree.delete();
    throw new ParseError(`Syntax error: module ${unterminated.name} is not ended by a line of ==== (at least four =)`, unterminated.loc);
  }
  if (bad) {
    const at = pinpoint(bad);
    const loc = source.loc(at, moduleNameGuess(tree.rootNode));
    // tree-sitter may split `==` and point at its second `=`: report the whole token
    const line = source.original.split('\n')[loc.line - 1] ?? '';
    let col = loc.col;
    while (col > 1 && line[col - 1] === '=' && line[col - 2] === '=') col--;
    const error = new ParseError(describeSyntaxError(bad, at, source, col - loc.col), { ...loc, col });
    tree.delete();
    throw error;
  }
  return { source, tree };
}

/** Where an outermost `(*` that is never closed starts (block comments nest; `\*` line
 *  comments and strings do not open them). */
function unterminatedComment(source: SourceText): Loc | undefined {
  const text = source.original;
  let depth = 0;
  let opened = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (depth > 0) {
      if (c === '(' && next === '*') (depth++, i++);
      else if (c === '*' && next === ')') (depth--, i++);
    } else if (c === '"') {
      while (++i < text.length && text[i] !== '"' && text[i] !== '\n') if (text[i] === '\\') i++;
    } else if (c === '\\' && next === '*') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(' && next === '*') {
      depth = 1;
      opened = i++;
    }
  }
  if (depth === 0) return undefined;
  const before = text.slice(0, opened);
  const line = before.split('\n').length;
  const col = opened - before.lastIndexOf('\n');
  return { file: source.file, module: '', line, col, endLine: line, endCol: col + 1 };
}

/** A file whose last `---- MODULE M ----` header has no `====` line after it: tree-sitter
 *  then reports some unrelated token, so say what is missing, at the end of the file. */
function unterminatedModule(source: SourceText): { name: string; loc: Loc } | undefined {
  const lines = source.original.split('\n');
  let open: string | undefined;
  for (const line of lines) {
    const header = /^\s*-{4,}\s*MODULE\s+(\w+)/.exec(line);
    if (header) open = header[1];
    else if (/^\s*={4,}/.test(line)) open = undefined;
  }
  if (open === undefined) return undefined;
  let last = lines.length;
  while (last > 1 && lines[last - 1]!.trim() === '') last--;
  const loc = { file: source.file, module: open, line: last, col: 1, endLine: last, endCol: Math.max(1, lines[last - 1]!.length) };
  return { name: open, loc };
}

/** The first ERROR or MISSING node in document order, descending only where errors are. */
export function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
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

/** Nodes an ERROR may contain that parsed completely: the trouble starts after them. */
const COMPLETE = new Set([
  'header_line', 'single_line', 'double_line', 'MODULE', 'extends', 'comment', 'block_comment',
  'variable_declaration', 'constant_declaration', 'recursive_declaration', 'use_or_hide', 'local_definition',
  'operator_definition', 'function_definition', 'instance', 'module_definition', 'assumption', 'theorem', 'module',
]);

/** Where to point the user inside an ERROR node. tree-sitter's recovery often wraps a whole
 *  module in one ERROR; the useful spot is a nested error, else the first token that starts a
 *  line (column 1: a new unit or the `====` line) after the first piece that did not parse,
 *  which is where SANY's LL parser would have stopped. */
export function pinpoint(err: Node): Node {
  if (err.isMissing) return err;
  let nested: Node | undefined;
  for (const c of err.children) {
    const found = c ? firstError(c) : undefined;
    if (found) {
      nested = pinpoint(found);
      break;
    }
  }
  const children = err.children.filter((c): c is Node => c !== null);
  let i = 0;
  while (i < children.length && (COMPLETE.has(children[i]!.type) || (children[i]!.type === 'identifier' && children[i - 1]?.type === 'MODULE'))) i++;
  const start = children[i];
  if (!start) return nested ?? err;
  const all = leaves(err);
  const lineStart = all.find((l) => l.startIndex > start.startIndex && l.startPosition.column === 0 && l.startPosition.row > start.startPosition.row);
  // tree-sitter often "repairs" by discarding the last token of a line (`THEN 1` before a
  // missing ELSE, `2` before a missing `)`); an LL parser like SANY's stops at the next
  // line's first token instead. A nested error in mid-line is the real spot.
  if (nested && !(lineStart && lineStart.startIndex > nested.startIndex && lastOnItsLine(nested))) return nested;
  if (lineStart) return lineStart;
  // `Name == <something unparseable>`: point at the start of the body
  const next = children[i + 1];
  if (start.type === 'identifier' && (next?.type === 'def_eq' || next?.type === '==' || next?.type === '≜')) return all.find((l) => l.startIndex >= next.endIndex) ?? start;
  return start;
}

/** Whether only blanks or a comment follow `node` on its line. */
function lastOnItsLine(node: Node): boolean {
  let n: Node | null = node;
  while (n && !n.nextSibling) n = n.parent;
  const after = n?.nextSibling;
  if (!after) return true;
  if (after.startPosition.row > node.endPosition.row) return true;
  return after.type === 'comment' || after.type === 'block_comment' ? lastOnItsLine(after) : false;
}

function leaves(node: Node): Node[] {
  if (node.childCount === 0) return [node];
  return node.children.flatMap((c) => (c ? leaves(c) : []));
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<<': '>>' };

/** The first bracket opened inside an ERROR node and never closed there: tree-sitter's
 *  recovery usually swallows the text after a missing `)`, so this is the likeliest cause. */
function unclosedBracket(node: Node): Node | undefined {
  const open: Node[] = [];
  for (const leaf of leaves(node)) {
    if (CLOSERS[leaf.type]) open.push(leaf);
    else if (open.length > 0 && CLOSERS[open[open.length - 1]!.type] === leaf.type) open.pop();
  }
  return open[0];
}

/** A message that says what was found and, when tree-sitter knows it, what was expected. */
export function describeSyntaxError(err: Node, at: Node, source: SourceText, shift = 0): string {
  if (at.isMissing) {
    // tree-sitter inserts the cheapest token that repairs the tree; a missing name usually
    // means a missing expression (`{1, 2,}`, `x = `)
    const expected = at.type === 'identifier_ref' || at.type === 'identifier' ? 'an expression' : at.isNamed ? at.type.replace(/_/g, ' ') : `'${at.type}'`;
    return `Syntax error: expected ${expected}`;
  }
  const p = at.startPosition;
  const line = source.expanded.split('\n')[p.row] ?? '';
  const token = /^\S+/.exec(line.slice(p.column + shift))?.[0] ?? '';
  const found = token ? `'${token.length > 24 ? `${token.slice(0, 24)}…` : token}'` : 'end of line';
  const hints: string[] = [];
  const unclosed = unclosedBracket(err);
  if (unclosed) {
    const u = unclosed.startPosition;
    hints.push(`'${unclosed.type}' at line ${u.row + 1}, col ${source.originalCol(u.row, u.column)} is never closed`);
  }
  if (p.column === 0 && at !== err && at.startPosition.row > err.startPosition.row) hints.push('the text before it is incomplete');
  else if (token.startsWith('==') || token === '≜') hints.push('a definition starts here, so the expression before it is incomplete');
  return `Syntax error: unexpected ${found}${hints.length ? ` (${hints.join('; ')})` : ''}`;
}

function moduleNameGuess(root: Node): string {
  const m = /MODULE\s+(\w+)/.exec(root.text);
  return m?.[1] ?? '';
}
