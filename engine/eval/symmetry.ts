// SYMMETRY: states equal up to a permutation of model values are one state. TLC fingerprints
// the permuted state with the least fingerprint (TLCStateMut.fingerPrint with MVPerm[]); the
// permutation is applied to model values everywhere in the state (Value.permute).
import type { ModelV, Value } from '../values/value.js';
import { assertNever } from '../values/value.js';
import * as C from '../values/construct.js';
import { fcnView, materializeFcn } from '../values/fcn.js';
import { setElems } from '../values/sets.js';
import { EvalError } from '../errors.js';

export type Perm = ReadonlyMap<ModelV, Value>;

/** A permutation given as a TLA+ function from model values to model values. */
export function toPerm(f: Value): Perm {
  const view = fcnView(materializeFcn(f));
  const m = new Map<ModelV, Value>();
  view.dom.forEach((d, i) => {
    if (d.kind !== 'model') throw new EvalError(`a symmetry permutation must map model values, but its domain contains ${d.kind} values`);
    m.set(d, view.vals[i]!);
  });
  return m;
}

export function permute(v: Value, p: Perm): Value {
  switch (v.kind) {
    case 'bool': case 'int': case 'str': case 'interval': case 'infinite':
      return v;
    case 'model':
      return p.get(v) ?? v;
    case 'set':
      return C.setOf(v.elems.map((x) => permute(x, p)));
    case 'tuple':
      return C.tuple(v.elems.map((x) => permute(x, p)));
    case 'record':
      return C.record(v.names, v.vals.map((x) => permute(x, p)));
    case 'fcn':
      return C.fcnOf(v.dom.map((x) => permute(x, p)), v.vals.map((x) => permute(x, p)));
    case 'lazyFcn':
      return permute(materializeFcn(v), p);
    case 'subset':
      return C.subsetOf(permute(v.base, p));
    case 'fcnSet':
      return C.fcnSetOf(permute(v.dom, p), permute(v.rng, p));
    case 'rcdSet':
      return C.rcdSetOf(v.names, v.sets.map((x) => permute(x, p)));
    case 'product':
      return C.productOf(v.sets.map((x) => permute(x, p)));
    case 'filter':
      return C.setOf(setElems(v).map((x) => permute(x, p)));
    case 'seqSet':
      return C.seqSetOf(permute(v.base, p));
    case 'anySet':
      return v;
    case 'cup':
      return C.cupOf(permute(v.a, p), permute(v.b, p));
    default:
      return assertNever(v);
  }
}
