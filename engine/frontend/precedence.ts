// Operator precedence conflicts, which SANY rejects and the tree-sitter grammar does not
// ("Operator precedence range & associativity conflicts must be enforced on semantic level",
// grammar.js). Ranges and associativity are SANY's table (tla2sany/configuration/
// ConfigConstants.java, CanonicalOperators; the precedence table of Specifying Systems): two
// operators next to each other without parentheses conflict when their ranges overlap,
// unless they are the same left-associative operator (`a + b + c`).
import type { BuildContext } from './context.js';
import { INFIX_NAMES, PREFIX_NAMES } from './operators.js';
import type { Node } from './parser.js';

interface Precedence {
  readonly lo: number;
  readonly hi: number;
  readonly left: boolean; // left-associative
}

const p = (lo: number, hi: number, left = false): Precedence => ({ lo, hi, left });

/** Keyed by the grammar's symbol node type (synonyms share a type: `<=>` and `\equiv`). */
const INFIX: Readonly<Record<string, Precedence>> = {
  implies: p(1, 1),
  plus_arrow: p(2, 2),
  equiv: p(2, 2),
  iff: p(2, 2),
  leads_to: p(2, 2),
  land: p(3, 3, true),
  lor: p(3, 3, true),
  compose: p(6, 6, true),
  map_to: p(7, 7),
  map_from: p(7, 7),
  setminus: p(8, 8),
  cap: p(8, 8, true),
  cup: p(8, 8, true),
  dots_2: p(9, 9),
  dots_3: p(9, 9),
  plus: p(10, 10, true),
  plusplus: p(10, 10, true),
  oplus: p(10, 10, true),
  ominus: p(11, 11, true),
  mod: p(10, 11),
  modmod: p(10, 11, true),
  vert: p(10, 11, true),
  vertvert: p(10, 11, true),
  minus: p(11, 11, true),
  minusminus: p(11, 11, true),
  amp: p(13, 13, true),
  ampamp: p(13, 13, true),
  odot: p(13, 13, true),
  oslash: p(13, 13),
  otimes: p(13, 13, true),
  mul: p(13, 13, true),
  mulmul: p(13, 13, true),
  slash: p(13, 13),
  slashslash: p(13, 13),
  bigcirc: p(13, 13, true),
  bullet: p(13, 13, true),
  div: p(13, 13),
  circ: p(13, 13, true),
  star: p(13, 13, true),
  excl: p(9, 13),
  hashhash: p(9, 13, true),
  dol: p(9, 13, true),
  doldol: p(9, 13, true),
  qq: p(9, 13, true),
  sqcap: p(9, 13, true),
  sqcup: p(9, 13, true),
  uplus: p(9, 13, true),
  times: p(10, 13, true),
  wr: p(9, 14),
  cdot: p(5, 14, true),
  pow: p(14, 14),
  powpow: p(14, 14),
};
/** every other infix symbol (=, #, <, \in, \subseteq, :=, ...) is 5-5, not associative */
const RELATION = p(5, 5);

const PREFIX: Readonly<Record<string, Precedence>> = {
  lnot: p(4, 4),
  negative: p(12, 12),
  powerset: p(10, 13),
  union: p(10, 13),
  domain: p(10, 13),
  enabled: p(4, 15),
  unchanged: p(4, 15),
  always: p(4, 15),
  eventually: p(4, 15),
};

function infix(type: string): Precedence {
  return INFIX[type] ?? RELATION;
}

const overlap = (a: Precedence, b: Precedence): boolean => a.lo <= b.hi && b.lo <= a.hi;

function symbolOf(n: Node): Node | null {
  return n.type === 'bound_infix_op' || n.type === 'bound_prefix_op' ? n.childForFieldName('symbol') : null;
}

function conflict(ctx: BuildContext, at: Node, a: string, b: string): never {
  throw ctx.error(at, `Precedence conflict between operators ${a} and ${b}: add parentheses`);
}

/** `lhs op rhs` as tree-sitter grouped it: the operands that bound tighter must be allowed to. */
export function checkInfix(ctx: BuildContext, n: Node, sym: Node, lhs: Node, rhs: Node): void {
  const op = infix(sym.type);
  const name = INFIX_NAMES[sym.type] ?? sym.text;
  const left = symbolOf(lhs);
  if (left && lhs.type === 'bound_infix_op') {
    const inner = infix(left.type);
    if (overlap(op, inner) && !(left.type === sym.type && op.left)) conflict(ctx, sym, INFIX_NAMES[left.type] ?? left.text, name);
  } else if (left && lhs.type === 'bound_prefix_op') {
    const inner = PREFIX[left.type];
    if (inner && overlap(op, inner)) conflict(ctx, sym, PREFIX_NAMES[left.type] ?? left.text, name);
  }
  const right = symbolOf(rhs);
  if (right && rhs.type === 'bound_infix_op') {
    const inner = infix(right.type);
    if (overlap(op, inner)) conflict(ctx, right, name, INFIX_NAMES[right.type] ?? right.text);
  }
}

/** `op rhs`: an infix operator inside the operand must bind tighter than the prefix one. */
export function checkPrefix(ctx: BuildContext, sym: Node, rhs: Node): void {
  const op = PREFIX[sym.type];
  const right = symbolOf(rhs);
  if (!op || !right || rhs.type !== 'bound_infix_op') return;
  if (overlap(op, infix(right.type))) conflict(ctx, right, PREFIX_NAMES[sym.type] ?? sym.text, INFIX_NAMES[right.type] ?? right.text);
}
