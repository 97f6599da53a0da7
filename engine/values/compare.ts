// TLC's total order on values (compareTo in tlc2/value/impl/*) and TLA+ equality with TLC's
// errors for values of different types. The order normalises sets, picks CHOOSE's witness and
// orders printing, so it follows TLC rule by rule:
// - IntValue: numerically.            - BoolValue: FALSE < TRUE.
// - StringValue: by intern token (UniqueString.compareTo: `this.tok - other.tok`).
// - ModelValue: by the intern token of the name; an untyped model value is below every
//   non-model value (ModelValue.compareTo returns -1, modelValueCompareTo returns 1 for the
//   other side); a typed one (`A_x`) compared with a non-model value or a model value of
//   another type is an error.
// - sets (SetEnumValue.compareTo, lazy sets via toSetEnum): cardinality first, then
//   elementwise in normalised order.
// - TupleValue: length first, then elementwise.
// - RecordValue: size, then all field names (by token), then all values.
// - FcnRcdValue (and any mix of function shapes, converted with toFcnRcd): size, then pairwise
//   domain element, then value, in normalised domain order.
// - anything else across types is an error ("Attempted to compare ...").
import type { ModelV, Value } from './value.js';
import { assertNever } from './value.js';
import { ValueError } from './errors.js';
import { isFinite, setElems } from './sets.js';
import { fcnView, materializeFcn } from './fcn.js';
import { pretty as ppr } from './pretty.js';

type Group = 'bool' | 'int' | 'str' | 'model' | 'set' | 'fcn';

function group(v: Value): Group {
  switch (v.kind) {
    case 'bool': return 'bool';
    case 'int': return 'int';
    case 'str': return 'str';
    case 'model': return 'model';
    case 'set': case 'interval': case 'infinite': case 'subset': case 'fcnSet': case 'rcdSet': case 'product': case 'filter':
    case 'seqSet': case 'anySet': case 'cup':
      return 'set';
    case 'tuple': case 'record': case 'fcn': case 'lazyFcn':
      return 'fcn';
    default:
      return assertNever(v);
  }
}

const what: Record<Exclude<Group, 'model'>, [string, string]> = {
  bool: ['boolean', 'non-boolean'],
  int: ['integer', 'non-integer'],
  str: ['string', 'non-string'],
  set: ['the set', 'the value'],
  fcn: ['the function', 'the value'],
};

function mismatch(verb: 'compare' | 'check equality of', a: Value, ga: Group, b: Value): never {
  if (ga === 'model') {
    throw new ValueError(`Attempted to ${verb} the typed model value ${ppr(a)} and non-model value\n${ppr(b)}`);
  }
  const [x, y] = what[ga];
  throw new ValueError(`Attempted to ${verb} ${x} ${ppr(a)} with ${y}:\n${ppr(b)}`);
}

function compareModel(a: ModelV, b: Value, verb: 'compare' | 'check equality of'): number {
  if (b.kind === 'model') {
    if (a.type !== undefined && b.type !== undefined && a.type !== b.type) {
      throw new ValueError(`Attempted to ${verb} the differently-typed model values ${a.name} and ${b.name}`);
    }
    return a.tok - b.tok;
  }
  if (a.type !== undefined) mismatch(verb, a, 'model', b);
  return -1;
}

/** TLC's compareTo: negative, zero or positive. Throws ValueError where TLC fails. */
export function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  const ga = group(a);
  if (ga === 'model') return compareModel(a as ModelV, b, 'compare');
  if (b.kind === 'model') return -compareModel(b, a, 'compare');
  const gb = group(b);
  if (ga !== gb) mismatch('compare', a, ga, b);
  switch (ga) {
    case 'bool':
      return (a as { b: boolean }).b === (b as { b: boolean }).b ? 0 : (a as { b: boolean }).b ? 1 : -1;
    case 'int': {
      const x = (a as { n: number }).n;
      const y = (b as { n: number }).n;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'str':
      return (a as { tok: number }).tok - (b as { tok: number }).tok;
    case 'set':
      return compareSets(a, b);
    case 'fcn':
      return compareFcns(a, b);
  }
}

function compareSets(a: Value, b: Value): number {
  // Sequences.compareTo: two Seq(_) compare by their ranges (sizes are both unbounded)
  if (a.kind === 'seqSet' && b.kind === 'seqSet') return compare(a.base, b.base);
  // SubsetValue.compareTo compares two powersets by their bases.
  if (a.kind === 'subset' && b.kind === 'subset') return compare(a.base, b.base);
  if (a.kind === 'interval' && b.kind === 'interval') {
    const na = Math.max(0, a.hi - a.lo + 1);
    const nb = Math.max(0, b.hi - b.lo + 1);
    if (na !== nb) return na - nb;
    return na === 0 ? 0 : a.lo - b.lo;
  }
  const xs = setElems(a);
  const ys = setElems(b);
  if (xs.length !== ys.length) return xs.length - ys.length;
  for (let i = 0; i < xs.length; i++) {
    const c = compare(xs[i]!, ys[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function compareFcns(a0: Value, b0: Value): number {
  const a = materializeFcn(a0);
  const b = materializeFcn(b0);
  if (a.kind === 'tuple' && b.kind === 'tuple') {
    const n = a.elems.length;
    if (n !== b.elems.length) return n - b.elems.length;
    for (let i = 0; i < n; i++) {
      const c = compare(a.elems[i]!, b.elems[i]!);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (a.kind === 'record' && b.kind === 'record') {
    const n = a.names.length;
    if (n !== b.names.length) return n - b.names.length;
    for (let i = 0; i < n; i++) {
      const c = a.names[i]!.tok - b.names[i]!.tok;
      if (c !== 0) return c;
    }
    for (let i = 0; i < n; i++) {
      const c = compare(a.vals[i]!, b.vals[i]!);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (a.kind === 'record') {
    // RecordValue.compareTo: the other side must convert to a record (toRcd), which a
    // function whose domain is not all strings cannot; <<>> converts to the empty record.
    if (b.kind === 'tuple' && b.elems.length === 0) return a.names.length;
    throw new ValueError(`Attempted to compare record:\n${ppr(a)}\nwith non-record\n${ppr(b)}`);
  }
  const fa = fcnView(a);
  const fb = fcnView(b);
  const n = fa.dom.length;
  if (n !== fb.dom.length) return n - fb.dom.length;
  for (let i = 0; i < n; i++) {
    let c = compare(fa.dom[i]!, fb.dom[i]!);
    if (c !== 0) return c;
    c = compare(fa.vals[i]!, fb.vals[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** TLA+ equality with TLC's rules: an untyped model value is unequal to every other value;
 *  comparing values of different types (1 = "a", {} = <<>>...) is an error, except that a
 *  tuple, record and function are all functions and compare as such. */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.kind === 'model') {
    // ModelValue.equals: same name (differently-typed model values are an error); an
    // untyped one is unequal to any non-model value, a typed one cannot be compared with it.
    if (b.kind === 'model') return compareModel(a, b, 'check equality of') === 0;
    if (a.type === undefined) return false;
    mismatch('check equality of', a, 'model', b);
  }
  if (b.kind === 'model') {
    if (b.type === undefined) return false;
    mismatch('check equality of', b, 'model', a);
  }
  // Cached fingerprints that differ prove inequality without a traversal.
  const ha = a as { h1?: number; h2?: number };
  const hb = b as { h1?: number; h2?: number };
  if (ha.h1 !== undefined && hb.h1 !== undefined && (ha.h1 !== 0 || ha.h2 !== 0) && (hb.h1 !== 0 || hb.h2 !== 0)) {
    if (ha.h1 !== hb.h1 || ha.h2 !== hb.h2) {
      const ga = group(a);
      if (ga !== group(b)) mismatch('check equality of', a, ga, b);
      return false;
    }
  }
  const ga = group(a);
  const gb = group(b);
  if (ga !== gb) mismatch('check equality of', a, ga, b);
  switch (ga) {
    case 'bool':
    case 'int':
    case 'str':
      return compare(a, b) === 0;
    case 'set': {
      if (a.kind === 'interval' && b.kind === 'interval') return compareSets(a, b) === 0;
      if (a.kind === 'seqSet' && b.kind === 'seqSet') return equals(a.base, b.base);
      // Nat, Int and STRING equal only themselves (no enumeration needed to tell).
      if (a.kind === 'infinite' || b.kind === 'infinite') {
        if (a.kind === 'infinite' && b.kind === 'infinite') return a.which === b.which;
        const other = a.kind === 'infinite' ? b : a;
        if (isFinite(other)) return false;
      }
      const xs = setElems(a);
      const ys = setElems(b);
      if (xs.length !== ys.length) return false;
      for (let i = 0; i < xs.length; i++) if (!equals(xs[i]!, ys[i]!)) return false;
      return true;
    }
    case 'fcn': {
      const fa = materializeFcn(a);
      const fb = materializeFcn(b);
      if (fa.kind !== fb.kind) {
        // Different canonical shapes are different functions; TLC still compares the
        // domains elementwise when the sizes agree, which fails for int vs string.
        const va = fcnView(fa);
        const vb = fcnView(fb);
        if (va.dom.length !== vb.dom.length) return false;
        for (let i = 0; i < va.dom.length; i++) if (!equals(va.dom[i]!, vb.dom[i]!)) return false;
        return false;
      }
      const va = fcnView(fa);
      const vb = fcnView(fb);
      if (va.dom.length !== vb.dom.length) return false;
      if (fa.kind === 'record' || fa.kind === 'fcn') {
        for (let i = 0; i < va.dom.length; i++) if (!equals(va.dom[i]!, vb.dom[i]!)) return false;
      }
      for (let i = 0; i < va.vals.length; i++) if (!equals(va.vals[i]!, vb.vals[i]!)) return false;
      return true;
    }
    case 'model':
      return false;
  }
}
