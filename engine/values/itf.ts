// ITF (Apalache ADR-015, Informal Trace Format) encoding of values, and decoding back:
//   Bool -> true/false, Int -> {"#bigint": "n"}, Str -> "s", set -> {"#set": [...]},
//   sequence/tuple -> [...] (TLC has one shape for both: a function on 1..n), record ->
//   {"field": ...}, any other function -> {"#map": [[k, v], ...]}, model value -> its name
//   as a string (ITF has no model values; decoding maps names listed in `modelValues` back).
// Lazy sets and functions are written enumerated; infinite sets cannot be written.
import type { Value } from './value.js';
import { assertNever } from './value.js';
import { ValueError } from './errors.js';
import { bool, fcnOf, int, modelValue, record, setOf, str, tuple } from './construct.js';
import { setElems } from './sets.js';
import { materializeFcn } from './fcn.js';

export type Itf =
  | boolean
  | string
  | readonly Itf[]
  | { readonly '#bigint': string }
  | { readonly '#set': readonly Itf[] }
  | { readonly '#tup': readonly Itf[] }
  | { readonly '#map': readonly (readonly [Itf, Itf])[] }
  | { readonly [field: string]: Itf };

export function toItf(v: Value): Itf {
  switch (v.kind) {
    case 'bool':
      return v.b;
    case 'int':
      return { '#bigint': String(v.n) };
    case 'str':
      return v.s;
    case 'model':
      return v.name;
    case 'tuple':
      return v.elems.map(toItf);
    case 'record': {
      const o: Record<string, Itf> = {};
      for (let i = 0; i < v.names.length; i++) o[v.names[i]!.s] = toItf(v.vals[i]!);
      return o;
    }
    case 'fcn':
      return { '#map': v.dom.map((d, i) => [toItf(d), toItf(v.vals[i]!)] as const) };
    case 'lazyFcn':
      return toItf(materializeFcn(v));
    case 'set': case 'interval': case 'infinite': case 'subset': case 'fcnSet': case 'rcdSet': case 'product': case 'filter':
    case 'seqSet': case 'anySet': case 'cup':
      return { '#set': setElems(v).map(toItf) };
    default:
      return assertNever(v);
  }
}

export interface ItfDecodeOptions {
  /** strings that denote model values rather than TLA+ strings */
  readonly modelValues?: ReadonlySet<string>;
}

/** Decode an ITF value (as parsed from JSON). `path` names the position for error messages. */
export function fromItf(j: unknown, opts: ItfDecodeOptions = {}, path = '$'): Value {
  if (typeof j === 'boolean') return bool(j);
  if (typeof j === 'string') return opts.modelValues?.has(j) ? modelValue(j) : str(j);
  if (typeof j === 'number') {
    // ITF writes integers as {"#bigint"}, but plain JSON numbers are common in hand-written traces.
    if (!Number.isInteger(j)) throw new ValueError(`${path}: ${j} is not an integer`);
    return int(j);
  }
  if (Array.isArray(j)) return tuple(j.map((x, i) => fromItf(x, opts, `${path}[${i}]`)));
  if (j === null || typeof j !== 'object') throw new ValueError(`${path}: cannot decode ${JSON.stringify(j)} as an ITF value`);
  const o = j as Record<string, unknown>;
  if ('#bigint' in o) {
    const s = o['#bigint'];
    if (typeof s !== 'string' || !/^-?[0-9]+$/.test(s)) throw new ValueError(`${path}: bad #bigint ${JSON.stringify(s)}`);
    return int(Number(s));
  }
  if ('#set' in o) return setOf(list(o['#set'], path, '#set').map((x, i) => fromItf(x, opts, `${path}.#set[${i}]`)));
  if ('#tup' in o) return tuple(list(o['#tup'], path, '#tup').map((x, i) => fromItf(x, opts, `${path}.#tup[${i}]`)));
  if ('#map' in o) {
    const pairs = list(o['#map'], path, '#map');
    const dom: Value[] = [];
    const vals: Value[] = [];
    pairs.forEach((p, i) => {
      if (!Array.isArray(p) || p.length !== 2) throw new ValueError(`${path}.#map[${i}]: expected a [key, value] pair`);
      dom.push(fromItf(p[0], opts, `${path}.#map[${i}][0]`));
      vals.push(fromItf(p[1], opts, `${path}.#map[${i}][1]`));
    });
    return fcnOf(dom, vals);
  }
  if ('#unserializable' in o) throw new ValueError(`${path}: unserializable value ${JSON.stringify(o['#unserializable'])}`);
  const names = Object.keys(o);
  return record(names, names.map((k) => fromItf(o[k], opts, `${path}.${k}`)));
}

function list(x: unknown, path: string, key: string): readonly unknown[] {
  if (!Array.isArray(x)) throw new ValueError(`${path}: ${key} must hold an array`);
  return x;
}
