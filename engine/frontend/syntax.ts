// Syntax errors: from tree-sitter's ERROR and MISSING nodes to one ParseError at the place
// SANY's LL parser would have stopped, with a message that says what was found and, when it
// can be told, what is missing (an unclosed bracket or comment, a module without ====).
import { ParseError } from '../errors.js';
import type { Loc } from './ast.js';
import type { Node, SourceText } from './parser.js';

/** The syntax error of a parsed file, or undefined when the tree has none. */
export function syntaxError(root: Node, source: SourceText): ParseError | undefined {
  const bad = firstError(root);
  if (!bad) return undefined;
  const comment = unterminatedComment(source);
  if (comment) return new ParseError('Syntax error: this comment (* is never closed by *)', { ...comment, module: moduleNameGuess(root) });
  const unterminated = unterminatedModule(source);
  if (unterminated) return new ParseError(`Syntax error: module ${unterminated.name} is not ended by a line of ==== (at least four =)`, unterminated.loc);
  const at = pinpoint(bad);
  const loc = source.loc(at, moduleNameGuess(root));
  // tree-sitter may split `==` and point at its second `=`: report the whole token
  const line = source.original.split('\n')[loc.line - 1] ?? '';
  let col = loc.col;
  while (col > 1 && line[col - 1] === '=' && line[col - 2] === '=') col--;
  return new ParseError(describeSyntaxError(bad, at, source, col - loc.col), { ...loc, col });
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
  const open: string[] = []; // modules nest: `====` closes the innermost
  for (const line of lines) {
    const header = /^\s*-{4,}\s*MODULE\s+(\w+)/.exec(line);
    if (header) open.push(header[1]!);
    else if (/^\s*={4,}/.test(line)) open.pop();
  }
  const name = open[0];
  if (name === undefined) return undefined;
  let last = lines.length;
  while (last > 1 && lines[last - 1]!.trim() === '') last--;
  const loc = { file: source.file, module: name, line: last, col: 1, endLine: last, endCol: Math.max(1, lines[last - 1]!.length) };
  return { name, loc };
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

/** Each opening bracket token and the tokens that close it (`[A]_v`, `<<A>>_v` close with
 *  the subscript marker; Unicode angle brackets are tokens of their own). */
const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  '(': [')'],
  '[': [']', ']_'],
  '{': ['}'],
  '<<': ['>>', '>>_', '〉', '⟩', '〉_', '⟩_'],
  '〈': ['>>', '>>_', '〉', '⟩', '〉_', '⟩_'],
  '⟨': ['>>', '>>_', '〉', '⟩', '〉_', '⟩_'],
};

/** The first bracket opened inside an ERROR node and never closed there: tree-sitter's
 *  recovery usually swallows the text after a missing `)`, so this is the likeliest cause. */
function unclosedBracket(node: Node): Node | undefined {
  const open: Node[] = [];
  for (const leaf of leaves(node)) {
    if (CLOSERS[leaf.type]) open.push(leaf);
    else if (open.length > 0 && CLOSERS[open[open.length - 1]!.type]!.includes(leaf.type)) open.pop();
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
  // read the token from the user's text: it may be a Unicode symbol the parser saw in ASCII
  const token = /^\S+/.exec(source.originalLine(p.row).slice(source.originalCol(p.row, p.column + shift) - 1))?.[0] ?? '';
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
