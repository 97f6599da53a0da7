// TLC's pretty-printer for values in traces and messages: Values.ppr(v) =
// PrettyPrint.mypp(v.toString(), 80). It re-parses the printed text (tlc2/pprint/Parse.java)
// and breaks values that do not fit in the width over several lines (tlc2/pprint/Format.java).
// Ported line by line, on the text, so that its quirks come along: whenever the parser gives
// up (a model value with '_', a string with an escaped quote, ...) mypp returns the one-line
// text unchanged, and so do we.
import type { Value } from './value.js';
import { format } from './print.js';

/** Values.ppr: the value as TLC prints it in a trace, wrapped at `width` columns. */
export function pretty(v: Value, width = 80): string {
  return prettyText(format(v), width);
}

/** A state as TLC prints it in traces (TLCStateMut.toString): `x = v` when there is one
 *  variable, else one `/\ x = v` line per variable, each value through Values.ppr. Lines
 *  are joined with "\n", without the trailing newline TLC appends to each. */
export function formatStateLines(names: readonly string[], values: readonly Value[]): string {
  if (names.length === 1) return `${names[0]} = ${pretty(values[0]!)}`;
  return names.map((n, i) => `/\\ ${n} = ${pretty(values[i]!)}`).join('\n');
}

/** PrettyPrint.mypp on a value's toString text. */
export function prettyText(text: string, width = 80): string {
  try {
    const tree = parse(text, 0);
    if (tree.last < text.length - 1) return text;
    return fmt(tree, width, 0, '');
  } catch {
    return text;
  }
}

const enum T { CONSTANT, SET, SEQUENCE, RECORD, RECORDPAIR, FUNCTION, FUNCTIONPAIR, SUBSET }

class PNode {
  children: PNode | null = null;
  next: PNode | null = null;
  constructor(readonly str: string, readonly first: number, public last: number, readonly type: T) {}
  value(): string {
    return this.str.substring(this.first, this.last + 1);
  }
  length(): number {
    return this.last - this.first + 1;
  }
}

class PPError extends Error {}

function at(s: string, i: number): string {
  if (i < 0 || i >= s.length) throw new PPError('ran off the end'); // StringIndexOutOfBoundsException
  return s.charAt(i);
}
const isWhitespace = (c: string): boolean => /^[ \t\n\u000b\f\r\u001c-\u001f]$/.test(c);
const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);
const isLetterOrDigit = (c: string): boolean => /^[\p{L}\p{Nd}]$/u.test(c);

function skipWhitespace(s: string, i: number): number {
  while (isWhitespace(at(s, i))) i++;
  return i;
}

function parse(s: string, index: number): PNode {
  if (s.length === 0 || index < 0 || index > s.length - 1) throw new PPError('bad index');
  index = skipWhitespace(s, index);
  const c = at(s, index);
  if (c === '{') return parseList(s, index, T.SET, 1, '}');
  if (c === '<') return parseList(s, index, T.SEQUENCE, 2, '>');
  if (c === '[') return parsePairs(s, index, T.RECORD, ']', '|->', T.RECORDPAIR, null);
  if (c === '(') return parsePairs(s, index, T.FUNCTION, ')', ':>', T.FUNCTIONPAIR, '@@');
  if (s.startsWith('SUBSET', index)) {
    const node = new PNode(s, index, 0, T.SUBSET);
    const elt = parse(s, skipWhitespace(s, index + 6));
    node.children = elt;
    node.last = elt.last;
    return node;
  }
  return parseConstant(s, index);
}

/** Parse.parseSet / parseSequence: comma-separated elements up to the closing character. */
function parseList(s: string, index: number, type: T, openLen: number, close: string): PNode {
  const node = new PNode(s, index, 0, type);
  let firstElem: PNode | null = null;
  let lastElem: PNode | null = null;
  let last = skipWhitespace(s, index + openLen);
  while (at(s, last) !== close) {
    const elt = parse(s, last);
    if (lastElem === null) firstElem = elt;
    else lastElem.next = elt;
    lastElem = elt;
    last = skipWhitespace(s, elt.last + 1);
    if (at(s, last) === ',') last++;
    last = skipWhitespace(s, last);
  }
  if (type === T.SEQUENCE) last++; // point to the second '>' of '>>'
  node.children = firstElem;
  node.last = last;
  return node;
}

/** Parse.parseRecord / parseFunction with their pair parsers. */
function parsePairs(s: string, index: number, type: T, close: string, div: string, pairType: T, sep: string | null): PNode {
  const node = new PNode(s, index, 0, type);
  let firstPair: PNode | null = null;
  let lastPair: PNode | null = null;
  let last = skipWhitespace(s, index + 1);
  while (at(s, last) !== close) {
    const pair = new PNode(s, last, 0, pairType);
    const left = parse(s, last);
    let p = skipWhitespace(s, left.last + 1);
    if (!s.startsWith(div, p)) throw new PPError(`no ${div}`);
    p = skipWhitespace(s, p + div.length);
    const right = parse(s, p);
    left.next = right;
    pair.children = left;
    pair.last = right.last;
    if (lastPair === null) firstPair = pair;
    else lastPair.next = pair;
    lastPair = pair;
    last = skipWhitespace(s, pair.last + 1);
    if (sep === null) {
      if (at(s, last) === ',') last++;
    } else if (s.startsWith(sep, last)) {
      last += sep.length;
    }
    last = skipWhitespace(s, last);
  }
  node.children = firstPair;
  node.last = last;
  return node;
}

function parseConstant(s: string, index: number): PNode {
  const first = skipWhitespace(s, index);
  let last = first;
  if (at(s, first) === '"') {
    do last++;
    while (at(s, last) !== '"');
    return new PNode(s, first, last, T.CONSTANT);
  }
  if (isDigit(at(s, last))) {
    const node = parseInterval(s, index);
    if (node !== null) return node;
  }
  if (at(s, last) === '-') {
    last++;
    while (isDigit(at(s, last))) {
      last++;
      if (last === s.length) break;
    }
    last--;
    return new PNode(s, first, last, T.CONSTANT);
  }
  if (isLetterOrDigit(at(s, last))) {
    while (isLetterOrDigit(at(s, last))) {
      last++;
      if (last === s.length) break;
    }
    last--;
    return new PNode(s, first, last, T.CONSTANT);
  }
  throw new PPError('illegal character in a constant');
}

function parseInterval(s: string, index: number): PNode | null {
  try {
    const first = index;
    let last = first;
    if (!isDigit(at(s, last))) return null;
    while (last < s.length && isDigit(s.charAt(last))) last++;
    if (!s.startsWith('..', last)) return null;
    last += 2;
    if (!isDigit(at(s, last))) return null;
    while (isDigit(at(s, last))) {
      last++;
      if (last === s.length) break;
    }
    last--;
    return new PNode(s, first, last, T.CONSTANT);
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------- Format.java

interface Delims { open: string; close: string; pad: string; sep: string; div?: string; divpad?: string }
const SET: Delims = { open: '{ ', close: ' }', pad: '  ', sep: ',' };
const SEQ: Delims = { open: '<< ', close: ' >>', pad: '   ', sep: ',' };
const FUN: Delims = { open: '( ', close: ' )', pad: '  ', sep: ' @@', div: ' :>', divpad: '    ' };
const REC: Delims = { open: '[ ', close: ' ]', pad: '  ', sep: ',', div: ' |->', divpad: '    ' };
const SUB: Delims = { open: 'SUBSET ', close: ' ', pad: ' ', sep: ',' };

function fmt(value: PNode, columnwidth: number, trailerwidth: number, leftpad: string): string {
  if (value.length() <= columnwidth - trailerwidth) return value.value();
  switch (value.type) {
    case T.CONSTANT: return value.value();
    case T.SET: return simple(value, columnwidth, trailerwidth, leftpad, SET);
    case T.SEQUENCE: return simple(value, columnwidth, trailerwidth, leftpad, SEQ);
    case T.FUNCTION: return pairs(value, columnwidth, trailerwidth, leftpad, FUN);
    case T.RECORD: return pairs(value, columnwidth, trailerwidth, leftpad, REC);
    case T.SUBSET: return simple(value, columnwidth, trailerwidth, leftpad, SUB);
    default: throw new PPError('formatter called on a pair');
  }
}

function simple(list: PNode, columnwidth: number, trailerwidth: number, leftpad: string, d: Delims): string {
  const cw = columnwidth - Math.max(d.open.length, d.pad.length);
  const tw = trailerwidth + d.close.length;
  const lp = leftpad + d.pad;
  let pp = '';
  for (let v = list.children; v !== null; v = v.next) {
    if (v.next !== null) pp += fmt(v, cw, d.sep.length, lp) + d.sep + '\n' + lp;
    else pp += fmt(v, cw, tw, lp);
  }
  return d.open + pp + d.close;
}

function pairs(list: PNode, columnwidth: number, trailerwidth: number, leftpad: string, d: Delims): string {
  const cw = columnwidth - Math.max(d.open.length, d.pad.length);
  const tw = trailerwidth + d.close.length;
  const lp = leftpad + d.pad;
  const div = d.div!;
  const divpad = d.divpad!;
  const sep = d.sep;
  let pp = '';
  for (let pair = list.children; pair !== null; pair = pair.next) {
    const arg = pair.children!;
    const val = arg.next!;
    if (pair.next !== null) {
      if (arg.length() + div.length + 1 + val.length() + sep.length <= cw) {
        pp += arg.value() + div + ' ' + val.value() + sep + '\n' + lp;
      } else if (arg.length() + div.length <= cw) {
        pp += arg.value() + div + '\n' + lp + divpad + fmt(val, cw - divpad.length, sep.length, lp + divpad) + sep + '\n' + lp;
      } else {
        pp += fmt(arg, cw, tw + div.length, lp) + div + '\n' + lp + divpad + fmt(val, cw - divpad.length, sep.length, lp + divpad) + sep + '\n' + lp;
      }
      continue;
    }
    if (arg.length() + div.length + 1 + val.length() <= cw - tw) {
      pp += arg.value() + div + ' ' + val.value();
    } else if (arg.length() + div.length <= cw) {
      pp += arg.value() + div + '\n' + lp + divpad + fmt(val, cw - divpad.length, tw, lp + divpad);
    } else {
      pp += fmt(arg, cw, tw + div.length, lp) + div + '\n' + lp + divpad + fmt(val, cw - divpad.length, tw, lp + divpad);
    }
  }
  return d.open + pp + d.close;
}
