// Natives of the bundled Json module (CommunityModules tlc2/overrides/Json.java, Gson based).
// To JSON: records are objects in record order; sequences (functions on 1..n) arrays; other
// functions objects keyed by the domain value's text (a string's own text); sets arrays of
// their elements in TLC's order; strings and model values strings; integers and booleans as
// such. From JSON: objects are records (fields in file order, interned as read), arrays
// sequences, numbers integers (the fraction dropped, as Gson's getAsInt), null an error (TLC
// would fail on the null it returns).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import { markVolatile } from './context.js';
import * as V from './v.js';
import { type NativeTable, argError, isSet, seqArg, strictImpl } from './library.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function toJson(v: Value): Json {
  switch (v.kind) {
    case 'bool':
      return v.b;
    case 'int':
      return v.n;
    case 'str':
      return v.s;
    case 'model':
      return v.name;
    case 'tuple':
      return v.elems.map(toJson);
    case 'record': {
      const out: { [k: string]: Json } = {};
      v.names.forEach((n, i) => (out[n.s] = toJson(v.vals[i]!)));
      return out;
    }
    case 'fcn':
    case 'lazyFcn':
      return fcnToJson(V.materialize(v));
    default:
      if (isSet(v)) return V.elements(v).map(toJson);
      throw new EvalError(`Cannot convert value to JSON: ${V.show(v)}`);
  }
}

/** A function not on 1..n: an object keyed by the text of each domain value. */
function fcnToJson(f: Value): Json {
  if (f.kind !== 'fcn' && f.kind !== 'lazyFcn') return toJson(f);
  const { dom, vals } = V.fcnView(V.materialize(f));
  const out: { [k: string]: Json } = {};
  dom.forEach((d, i) => (out[d.kind === 'str' ? d.s : V.show(d)] = toJson(vals[i]!)));
  return out;
}

export function fromJson(j: Json): Value {
  if (j === null) throw new EvalError('Cannot convert the JSON value null');
  if (typeof j === 'boolean') return V.bool(j);
  if (typeof j === 'number') return V.int(Math.trunc(j));
  if (typeof j === 'string') return V.str(j);
  if (Array.isArray(j)) return V.tuple(j.map(fromJson));
  const keys = Object.keys(j);
  return V.record(keys, keys.map((k) => fromJson(j[k]!)));
}

function read(op: string, path: Value): string {
  if (path.kind !== 'str') throw argError(op, 0, 1, 'a string', path);
  // not volatile: a file read once stands for the run, as TLC keeps a constant definition
  // such as Log == ndJsonDeserialize(...) (trace validation reads its log this way)
  try {
    return readFileSync(path.s, 'utf8');
  } catch (err) {
    throw new EvalError(`${op}: cannot read ${path.s} (${(err as Error).message})`);
  }
}

function parse(op: string, text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    throw new EvalError(`${op}: malformed JSON (${(err as Error).message})`);
  }
}

function write(op: string, path: Value, text: string): Value {
  if (path.kind !== 'str') throw argError(op, 0, 2, 'a string', path);
  mkdirSync(dirname(path.s), { recursive: true });
  markVolatile(); // a write each time it is evaluated, never a cached constant
  writeFileSync(path.s, text);
  return V.TRUE;
}

export function registerJson(t: NativeTable): void {
  t.add('Json', 'ToJson', 1, strictImpl('ToJson', ([v]) => V.str(JSON.stringify(toJson(v!)))));
  t.add('Json', 'ToJsonArray', 1, strictImpl('ToJsonArray', ([v]) => {
    const j = toJson(v!);
    if (!Array.isArray(j)) throw argError('ToJsonArray', 0, 1, 'a sequence or a set', v!);
    return V.str(JSON.stringify(j));
  }));
  t.add('Json', 'ToJsonObject', 1, strictImpl('ToJsonObject', ([v]) => {
    // Json.getObjectNode: a tuple becomes an object keyed "0", "1", ...
    if (v!.kind === 'tuple') return V.str(JSON.stringify(Object.fromEntries(v!.elems.map((x, i) => [String(i), toJson(x)]))));
    const j = toJson(v!);
    if (j === null || typeof j !== 'object') throw argError('ToJsonObject', 0, 1, 'a record or a function', v!);
    return V.str(JSON.stringify(j));
  }));
  t.add('Json', 'JsonDeserialize', 1, strictImpl('JsonDeserialize', ([p]) => fromJson(parse('JsonDeserialize', read('JsonDeserialize', p!)))));
  t.add('Json', 'ndJsonDeserialize', 1, strictImpl('ndJsonDeserialize', ([p]) => {
    const lines = read('ndJsonDeserialize', p!).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    return V.tuple(lines.map((l) => fromJson(parse('ndJsonDeserialize', l))));
  }));
  t.add('Json', 'JsonSerialize', 2, strictImpl('JsonSerialize', ([p, v]) => {
    const xs = seqArg('JsonSerialize', 1, 2, v!);
    return write('JsonSerialize', p!, `[\n${xs.map((x) => JSON.stringify(toJson(x))).join(',\n')}\n]\n`);
  }));
  t.add('Json', 'ndJsonSerialize', 2, strictImpl('ndJsonSerialize', ([p, v]) => {
    const xs = seqArg('ndJsonSerialize', 1, 2, v!);
    return write('ndJsonSerialize', p!, xs.map((x) => `${JSON.stringify(toJson(x))}\n`).join(''));
  }));
}
