// Between engine values and the plain TypeScript values of the generated `State`/`Action`
// types, directed by a type descriptor the generator derives from TypeOK (codegen/types.ts).
// Records become objects, functions ReadonlyMaps, sets ReadonlySets, sequences arrays.
import {
  assertNever, bool, fcnOf, fcnView, int, materializeFcn, modelValue, record, setElems, setOf, str, tuple,
  type Value,
} from '../engine/values/index.js';

export type TypeDesc =
  | { readonly k: 'bool' }
  | { readonly k: 'int'; readonly lits?: readonly number[] }
  | { readonly k: 'str'; readonly lits?: readonly string[] }
  | { readonly k: 'model'; readonly names: readonly string[] }
  | { readonly k: 'set'; readonly elem: TypeDesc }
  | { readonly k: 'seq'; readonly elem: TypeDesc }
  | { readonly k: 'tuple'; readonly elems: readonly TypeDesc[] }
  | { readonly k: 'record'; readonly fields: readonly (readonly [string, TypeDesc])[] }
  | { readonly k: 'map'; readonly key: TypeDesc; readonly val: TypeDesc }
  | { readonly k: 'union'; readonly alts: readonly TypeDesc[] }
  /** not typeable from the spec: the engine value itself */
  | { readonly k: 'value' };

/** A TLC model value in typed code. */
export interface ModelValue {
  readonly model: string;
}

function seqOf(v: Value): readonly Value[] {
  if (v.kind === 'tuple') return v.elems;
  return fcnView(materializeFcn(v)).vals;
}

function fits(d: TypeDesc, v: Value): boolean {
  switch (d.k) {
    case 'bool': return v.kind === 'bool';
    case 'int': return v.kind === 'int';
    case 'str': return v.kind === 'str';
    case 'model': return v.kind === 'model';
    case 'set': return v.kind === 'set' || v.kind === 'interval';
    case 'seq': case 'tuple': return v.kind === 'tuple';
    case 'record': return v.kind === 'record';
    case 'map': return v.kind === 'fcn' || v.kind === 'tuple' || v.kind === 'record' || v.kind === 'lazyFcn';
    case 'union': return d.alts.some((a) => fits(a, v));
    case 'value': return true;
    default: return assertNever(d);
  }
}

export function toTs(d: TypeDesc, v: Value): unknown {
  switch (d.k) {
    case 'bool': return v.kind === 'bool' ? v.b : v;
    case 'int': return v.kind === 'int' ? v.n : v;
    case 'str': return v.kind === 'str' ? v.s : v;
    case 'model': return v.kind === 'model' ? { model: v.name } : v;
    case 'set': return new Set(setElems(v).map((x) => toTs(d.elem, x)));
    case 'seq': return seqOf(v).map((x) => toTs(d.elem, x));
    case 'tuple': return seqOf(v).map((x, i) => toTs(d.elems[i] ?? { k: 'value' }, x));
    case 'record': {
      const f = fcnView(materializeFcn(v));
      const o: Record<string, unknown> = {};
      f.dom.forEach((k, i) => {
        const name = k.kind === 'str' ? k.s : String(i);
        o[name] = toTs(d.fields.find(([n]) => n === name)?.[1] ?? { k: 'value' }, f.vals[i]!);
      });
      return o;
    }
    case 'map': {
      const f = fcnView(materializeFcn(v));
      return new Map(f.dom.map((k, i) => [toTs(d.key, k), toTs(d.val, f.vals[i]!)]));
    }
    case 'union': {
      const alt = d.alts.find((a) => fits(a, v));
      return alt ? toTs(alt, v) : v;
    }
    case 'value': return v;
    default: return assertNever(d);
  }
}

function jsFits(d: TypeDesc, x: unknown): boolean {
  switch (d.k) {
    case 'bool': return typeof x === 'boolean';
    case 'int': return typeof x === 'number';
    case 'str': return typeof x === 'string';
    case 'model': return typeof x === 'object' && x !== null && 'model' in x;
    case 'set': return x instanceof Set;
    case 'seq': case 'tuple': return Array.isArray(x);
    case 'record': return typeof x === 'object' && x !== null && !(x instanceof Map) && !(x instanceof Set) && !Array.isArray(x) && !('kind' in x);
    case 'map': return x instanceof Map;
    case 'union': return d.alts.some((a) => jsFits(a, x));
    case 'value': return true;
    default: return assertNever(d);
  }
}

export function fromTs(d: TypeDesc, x: unknown): Value {
  switch (d.k) {
    case 'bool': return bool(x as boolean);
    case 'int': return int(x as number);
    case 'str': return str(x as string);
    case 'model': return modelValue((x as ModelValue).model);
    case 'set': return setOf([...(x as ReadonlySet<unknown>)].map((e) => fromTs(d.elem, e)));
    case 'seq': return tuple((x as readonly unknown[]).map((e) => fromTs(d.elem, e)));
    case 'tuple': return tuple((x as readonly unknown[]).map((e, i) => fromTs(d.elems[i] ?? { k: 'value' }, e)));
    case 'record': {
      const o = x as Record<string, unknown>;
      return record(d.fields.map(([n]) => n), d.fields.map(([n, t]) => fromTs(t, o[n])));
    }
    case 'map': {
      const m = x as ReadonlyMap<unknown, unknown>;
      return fcnOf([...m.keys()].map((k) => fromTs(d.key, k)), [...m.values()].map((v) => fromTs(d.val, v)));
    }
    case 'union': {
      const alt = d.alts.find((a) => jsFits(a, x));
      if (!alt) throw new TypeError(`value ${String(x)} fits none of the alternatives of its type`);
      return fromTs(alt, x);
    }
    case 'value': return x as Value;
    default: return assertNever(d);
  }
}
