// Values printed exactly as TLC's toString prints them (the text that follows `/\ x = ` in a
// trace, before TLC's pretty-printer breaks long lines):
// - BoolValue `TRUE`/`FALSE`; IntValue decimal; ModelValue its bare name;
// - StringValue quoted, with \" \\ \t \n \f \r escaped (StringValue.PrintVersion);
// - SetEnumValue `{a, b}` in normalised order, `{}` when empty;
// - TupleValue `<<a, b>>`, `<<>>` when empty;
// - FcnRcdValue: `[a |-> 1, b |-> 2]` when every domain element is a string that is a name
//   (FcnRcdValue.isName: letters, digits, '_', at least one letter, not WF_/SF_), else
//   `(d1 :> v1 @@ d2 :> v2)`; RecordValue prints the same record form;
// - IntervalValue `lo..hi` (`{}` when empty);
// - SubsetValue expanded when the base has fewer than 7 elements, else `SUBSET S`
//   (`SUBSET (a..b)` for an interval base);
// - SetOfFcnsValue / SetOfRcdsValue / SetOfTuplesValue expanded when they have fewer than
//   TLCGlobals.enumBound = 2000 elements, else `[D -> R]`, `[a: S]`, `(S \X T)`.
// A function printed from FcnRcdValue with an empty domain reads `<< >>` in TLC; we keep one
// shape for the empty function and print it as TupleValue does, `<<>>`.
import type { Value } from './value.js';
import { assertNever } from './value.js';
import { isFinite, setElems } from './sets.js';
import { materializeFcn } from './fcn.js';

const ENUM_BOUND = 2000;

/** TLC's toString of a value. */
export function format(v: Value): string {
  const out: string[] = [];
  write(v, out);
  return out.join('');
}

/** StringValue.PrintVersion plus the quotes. */
export function quoteString(s: string): string {
  let r = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    switch (c) {
      case '"': r += '\\"'; break;
      case '\\': r += '\\\\'; break;
      case '\t': r += '\\t'; break;
      case '\n': r += '\\n'; break;
      case '\f': r += '\\f'; break;
      case '\r': r += '\\r'; break;
      default: r += c;
    }
  }
  return r + '"';
}

/** FcnRcdValue.isName. */
export function isName(name: string): boolean {
  let hasLetter = false;
  for (const ch of name) {
    if (ch === '_') continue;
    if (!/^[\p{L}\p{Nd}]$/u.test(ch)) return false;
    hasLetter = hasLetter || /^\p{L}$/u.test(ch);
  }
  return hasLetter && (name.length < 4 || (!name.startsWith('WF_') && !name.startsWith('SF_')));
}

function writeList(xs: readonly Value[], sep: string, out: string[]): void {
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) out.push(sep);
    write(xs[i]!, out);
  }
}

function writeSet(v: Value, out: string[]): void {
  out.push('{');
  writeList(setElems(v), ', ', out);
  out.push('}');
}

/** Lazy set kinds print expanded only if small enough (and finite). */
function expandable(v: Value, bound: number): boolean {
  return size(v) < bound;
}

/** Number of elements as a double (Infinity for infinite sets), never failing: printing must
 *  not raise the overflow errors of cardinality(), whose messages print the set. */
function size(v: Value): number {
  switch (v.kind) {
    case 'set': return v.elems.length;
    case 'interval': return Math.max(0, v.hi - v.lo + 1);
    case 'subset': return 2 ** size(v.base);
    case 'fcnSet': return size(v.rng) ** size(v.dom);
    case 'rcdSet': return v.sets.reduce((p, x) => p * size(x), 1);
    case 'product': return v.sets.reduce((p, x) => p * size(x), 1);
    case 'filter': return size(v.base);
    default: return Infinity;
  }
}

function write(v: Value, out: string[]): void {
  switch (v.kind) {
    case 'bool':
      out.push(v.b ? 'TRUE' : 'FALSE');
      return;
    case 'int':
      out.push(String(v.n));
      return;
    case 'str':
      out.push(quoteString(v.s));
      return;
    case 'model':
      out.push(v.name);
      return;
    case 'set':
      writeSet(v, out);
      return;
    case 'tuple':
      // FcnRcdValue.toString prints an empty function as "<< >>"; TupleValue's "<<>>"
      if (v.emptyFcn) {
        out.push('<< >>');
        return;
      }
      out.push('<<');
      writeList(v.elems, ', ', out);
      out.push('>>');
      return;
    case 'record':
      if (v.names.every((n) => isName(n.s))) {
        out.push('[');
        for (let i = 0; i < v.names.length; i++) {
          if (i > 0) out.push(', ');
          out.push(v.names[i]!.s, ' |-> ');
          write(v.vals[i]!, out);
        }
        out.push(']');
      } else {
        writePairs(v.names, v.vals, out);
      }
      return;
    case 'fcn':
      writePairs(v.dom, v.vals, out);
      return;
    case 'lazyFcn':
      // FcnLambdaValue prints its table when it can be computed, else its source form.
      if (isFinite(v.domain)) {
        write(materializeFcn(v), out);
      } else {
        out.push('[x \\in ');
        write(v.domain, out);
        out.push(' |-> ...]');
      }
      return;
    case 'interval':
      out.push(v.lo <= v.hi ? `${v.lo}..${v.hi}` : '{}');
      return;
    case 'infinite':
      out.push(v.which);
      return;
    case 'subset': {
      if (size(v.base) < 7) {
        writeSet(v, out);
      } else if (v.base.kind === 'interval') {
        out.push('SUBSET (');
        write(v.base, out);
        out.push(')');
      } else {
        out.push('SUBSET ');
        write(v.base, out);
      }
      return;
    }
    case 'fcnSet':
      if (expandable(v, ENUM_BOUND)) {
        writeSet(v, out);
      } else {
        out.push('[');
        write(v.dom, out);
        out.push(' -> ');
        write(v.rng, out);
        out.push(']');
      }
      return;
    case 'rcdSet':
      if (expandable(v, ENUM_BOUND)) {
        writeSet(v, out);
      } else {
        out.push('[');
        for (let i = 0; i < v.names.length; i++) {
          if (i > 0) out.push(', ');
          out.push(v.names[i]!.s, ': '); // SetOfRcdsValue.toString: `names[i] + ": "`
          write(v.sets[i]!, out);
        }
        out.push(']');
      }
      return;
    case 'product':
      if (expandable(v, ENUM_BOUND)) {
        writeSet(v, out);
      } else {
        out.push('(');
        writeList(v.sets, ' \\X ', out);
        out.push(')');
      }
      return;
    case 'filter':
      // SetPredValue prints enumerated when it can, else its source form; we have no source.
      if (Number.isFinite(size(v.base))) {
        writeSet(v, out);
      } else {
        out.push('{x \\in ');
        write(v.base, out);
        out.push(' : ...}');
      }
      return;
    case 'seqSet':
      // Sequences.toString
      out.push('Seq(');
      write(v.base, out);
      out.push(')');
      return;
    case 'anySet':
      out.push('ANY');
      return;
    case 'cup':
      // SetCupValue.toString when it cannot be enumerated
      write(v.a, out);
      out.push(' \\cup ');
      write(v.b, out);
      return;
    default:
      assertNever(v);
  }
}

function writePairs(dom: readonly Value[], vals: readonly Value[], out: string[]): void {
  out.push('(');
  for (let i = 0; i < dom.length; i++) {
    if (i > 0) out.push(' @@ ');
    write(dom[i]!, out);
    out.push(' :> ');
    write(vals[i]!, out);
  }
  out.push(')');
}
