// Operations on functions (tuples, records and general finite functions are one thing in
// TLA+; value.ts keeps each in one canonical shape). Rules and messages follow TupleValue,
// RecordValue, FcnRcdValue and FcnLambdaValue (apply / select / takeExcept / getDomain).
import type { FcnV, RecordV, StrV, TupleV, Value } from './value.js';
import { assertNever } from './value.js';
import { ValueError } from './errors.js';
import { EMPTY_TUPLE, fcnFromSorted, fcnOf, int, interval, setFromSorted, tuple } from './construct.js';
import { compare } from './compare.js';
import { enumerate, member } from './sets.js';
import { pretty as ppr } from './pretty.js';

export type FiniteFcn = TupleV | RecordV | FcnV;

const tables = new WeakMap<object, FiniteFcn>();

/** The function as a finite canonical shape; a lazy [x \in S |-> e] is evaluated on all of S
 *  (FcnLambdaValue.toFcnRcd), which fails if S cannot be enumerated. */
export function materializeFcn(v: Value): FiniteFcn {
  switch (v.kind) {
    case 'tuple': case 'record': case 'fcn':
      return v;
    case 'lazyFcn': {
      // FcnLambdaValue keeps its table (fcnRcd) once computed; so do we.
      let f = tables.get(v);
      if (f === undefined) {
        const dom = enumerate(v.domain);
        f = asFcn(fcnOf(dom, dom.map((x) => v.apply(x))));
        tables.set(v, f);
      }
      return f;
    }
    default:
      throw new ValueError(`Attempted to use ${ppr(v)} as a function.`);
  }
}

function asFcn(v: Value): FiniteFcn {
  if (v.kind === 'tuple' || v.kind === 'record' || v.kind === 'fcn') return v;
  throw new Error('unreachable: fcnOf returned a non-function');
}

/** Domain and values side by side, domain in TLC's order. Allocates for tuples. */
export function fcnView(f: FiniteFcn): { readonly dom: readonly Value[]; readonly vals: readonly Value[] } {
  switch (f.kind) {
    case 'tuple':
      return { dom: f.elems.map((_, i) => int(i + 1)), vals: f.elems };
    case 'record':
      return { dom: f.names, vals: f.vals };
    case 'fcn':
      return { dom: f.dom, vals: f.vals };
    default:
      return assertNever(f);
  }
}

/** Number of elements of the domain. */
export function fcnSize(f: FiniteFcn): number {
  return f.kind === 'tuple' ? f.elems.length : f.kind === 'record' ? f.names.length : f.dom.length;
}

/** f[x], or undefined when x is not in the domain (select in TLC). Errors where TLC's select
 *  fails: a tuple applied to a non-integer, a record to a non-string. */
export function select(f: Value, x: Value): Value | undefined {
  switch (f.kind) {
    case 'tuple':
      if (x.kind !== 'int') throw new ValueError(`Attempted to access tuple at a non integral index: ${ppr(x)}`);
      return x.n >= 1 && x.n <= f.elems.length ? f.elems[x.n - 1] : undefined;
    case 'record': {
      if (x.kind !== 'str') throw new ValueError(`Attempted to access record by a non-string argument: ${ppr(x)}`);
      for (let i = 0; i < f.names.length; i++) if (f.names[i] === x) return f.vals[i];
      return undefined;
    }
    case 'fcn': {
      const i = indexIn(f.dom, x);
      return i >= 0 ? f.vals[i] : undefined;
    }
    case 'lazyFcn':
      return member(x, f.domain) ? f.apply(x) : undefined;
    default:
      throw new ValueError(`A non-function (${ppr(f)}) was applied as a function.`);
  }
}

/** Binary search in a normalised array; -1 if absent. Values not comparable with the domain
 *  elements make compare() fail, as TLC's equals would. */
function indexIn(sorted: readonly Value[], x: Value): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(sorted[mid]!, x);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** f[x], failing outside the domain with TLC's message (FcnRcdValue.apply, TupleValue.apply,
 *  RecordValue.apply). */
export function apply(f: Value, x: Value): Value {
  const r = select(f, x);
  if (r !== undefined) return r;
  switch (f.kind) {
    case 'tuple':
      throw new ValueError(`Attempted to access index ${ppr(x)} of tuple\n${ppr(f)}\nwhich is out of bounds.`);
    case 'record':
      throw new ValueError(`Attempted to access nonexistent field '${(x as StrV).s}' of record\n${ppr(f)}`);
    default:
      throw new ValueError(`Attempted to apply function:\n${ppr(f)}\nto argument ${ppr(x)}, which is not in the domain of the function.`);
  }
}

/** DOMAIN f. */
export function domainOf(f: Value): Value {
  switch (f.kind) {
    case 'tuple':
      return interval(1, f.elems.length);
    case 'record':
      return setFromSorted(f.names);
    case 'fcn':
      return setFromSorted(f.dom);
    case 'lazyFcn':
      return f.domain;
    default:
      throw new ValueError(`Attempted to compute the domain of ${ppr(f)}, which is not a function.`);
  }
}

/** [f EXCEPT ![x] = v] for one path step. Outside the domain TLC leaves f unchanged
 *  (FcnRcdValue.takeExcept returns `this`; TupleValue rebuilds the same elements). */
export function except(f: Value, x: Value, v: Value): Value {
  const g = f.kind === 'lazyFcn' ? materializeFcn(f) : f;
  switch (g.kind) {
    case 'tuple': {
      if (x.kind !== 'int' || x.n < 1 || x.n > g.elems.length) return g;
      const elems = g.elems.slice();
      elems[x.n - 1] = v;
      return tuple(elems);
    }
    case 'record': {
      if (x.kind !== 'str') return g;
      const i = g.names.indexOf(x);
      if (i < 0) return g;
      const vals = g.vals.slice();
      vals[i] = v;
      return { kind: 'record', names: g.names, vals, h1: 0, h2: 0 };
    }
    case 'fcn': {
      const i = indexIn(g.dom, x);
      if (i < 0) return g;
      const vals = g.vals.slice();
      vals[i] = v;
      return { kind: 'fcn', dom: g.dom, vals, h1: 0, h2: 0 };
    }
    default:
      throw new ValueError(`Attempted to apply EXCEPT to ${ppr(f)}, which is not a function.`);
  }
}

/** d :> v (TLC module). */
export function singletonFcn(d: Value, v: Value): Value {
  return fcnFromSorted([d], [v]);
}

/** f @@ g (TLC module): f's values win where the domains overlap. */
export function mergeFcns(f: Value, g: Value): Value {
  const a = fcnView(materializeFcn(f));
  const b = fcnView(materializeFcn(g));
  const dom: Value[] = [];
  const vals: Value[] = [];
  let i = 0;
  let j = 0;
  while (i < a.dom.length || j < b.dom.length) {
    const c = i >= a.dom.length ? 1 : j >= b.dom.length ? -1 : compare(a.dom[i]!, b.dom[j]!);
    if (c <= 0) {
      dom.push(a.dom[i]!);
      vals.push(a.vals[i]!);
      i++;
      if (c === 0) j++;
    } else {
      dom.push(b.dom[j]!);
      vals.push(b.vals[j]!);
      j++;
    }
  }
  return dom.length === 0 ? EMPTY_TUPLE : fcnFromSorted(dom, vals);
}
