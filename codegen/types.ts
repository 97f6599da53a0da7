// Types of the generated `State` and `Action`: from TypeOK's conjuncts (`x \in S`,
// `x \subseteq S`, `\A i \in 1..Len(x) : x[i] \in S`), the sets S evaluated by the engine with
// the cfg's constants; a variable TypeOK does not type is typed from the values it takes in the
// first states reached. Small sets of numbers or strings become literal unions.
import type { Expr } from '../engine/frontend/ast.js';
import type { CompiledSpecExt } from '../engine/eval/index.js';
import { assertNever, fcnView, isSetLike, materializeFcn, setElems, type Value } from '../engine/values/index.js';
import type { TypeDesc } from './convert.js';
import type { Gen } from './gen.js';

const MAX_LITERALS = 24;

/** The type of the elements of a set value. */
export function elemDesc(S: Value): TypeDesc {
  if (!isSetLike(S)) return { k: 'value' };
  switch (S.kind) {
    case 'fcnSet': return { k: 'map', key: elemDesc(S.dom), val: elemDesc(S.rng) };
    case 'rcdSet': return { k: 'record', fields: S.names.map((n, i) => [n.s, elemDesc(S.sets[i]!)] as const) };
    case 'product': return { k: 'tuple', elems: S.sets.map(elemDesc) };
    case 'subset': return { k: 'set', elem: elemDesc(S.base) };
    case 'seqSet': return { k: 'seq', elem: elemDesc(S.base) }; // Seq(S)
    case 'infinite': return S.which === 'STRING' ? { k: 'str' } : { k: 'int' };
    case 'interval': return S.hi - S.lo < MAX_LITERALS ? { k: 'int', lits: range(S.lo, S.hi) } : { k: 'int' };
    default:
      // enumerated sets, filters, and any set kind engine/values adds: from the elements
      try {
        return descOfValues(setElems(S));
      } catch {
        return { k: 'value' }; // cannot be enumerated
      }
  }
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

/** The narrowest descriptor covering the given values. */
export function descOfValues(vs: readonly Value[]): TypeDesc {
  const alts: TypeDesc[] = [];
  const of = <K extends Value['kind']>(k: K): Extract<Value, { kind: K }>[] => vs.filter((v): v is Extract<Value, { kind: K }> => v.kind === k);
  if (of('bool').length) alts.push({ k: 'bool' });
  const ints = [...new Set(of('int').map((v) => v.n))].sort((a, b) => a - b);
  if (ints.length) alts.push(ints.length <= MAX_LITERALS ? { k: 'int', lits: ints } : { k: 'int' });
  const strs = [...new Set(of('str').map((v) => v.s))];
  if (strs.length) alts.push(strs.length <= MAX_LITERALS ? { k: 'str', lits: strs } : { k: 'str' });
  const models = [...new Set(of('model').map((v) => v.name))];
  if (models.length) alts.push({ k: 'model', names: models });
  const sets = vs.filter((v) => v.kind === 'set' || v.kind === 'interval');
  if (sets.length) alts.push({ k: 'set', elem: descOfValues(sets.flatMap((s) => setElems(s))) });
  const tuples = of('tuple');
  if (tuples.length) {
    const n = tuples[0]!.elems.length;
    const sameLength = n > 0 && tuples.every((t) => t.elems.length === n);
    const positions = sameLength ? range(0, n - 1).map((i) => descOfValues(tuples.map((t) => t.elems[i]!))) : [];
    const mixed = positions.some((p) => p.k !== positions[0]!.k);
    alts.push(sameLength && mixed ? { k: 'tuple', elems: positions } : { k: 'seq', elem: descOfValues(tuples.flatMap((t) => t.elems)) });
  }
  const records = of('record');
  if (records.length) {
    const names = [...new Set(records.flatMap((r) => r.names.map((n) => n.s)))];
    alts.push({ k: 'record', fields: names.map((n) => [n, descOfValues(records.flatMap((r) => r.vals.filter((_, i) => r.names[i]!.s === n)))] as const) });
  }
  const fcns = vs.filter((v) => v.kind === 'fcn' || v.kind === 'lazyFcn').map((v) => fcnView(materializeFcn(v)));
  if (fcns.length) alts.push({ k: 'map', key: descOfValues(fcns.flatMap((f) => f.dom)), val: descOfValues(fcns.flatMap((f) => f.vals)) });
  if (alts.length === 0) return { k: 'value' };
  return alts.length === 1 ? alts[0]! : { k: 'union', alts };
}

/** TypeScript source of a descriptor. */
export function tsType(d: TypeDesc): string {
  switch (d.k) {
    case 'bool': return 'boolean';
    case 'int': return d.lits ? (d.lits.length ? d.lits.join(' | ') : 'never') : 'number';
    case 'str': return d.lits ? (d.lits.length ? d.lits.map((s) => JSON.stringify(s)).join(' | ') : 'never') : 'string';
    case 'model': return 'R.ModelValue';
    case 'set': return `ReadonlySet<${tsType(d.elem)}>`;
    case 'seq': return `readonly (${tsType(d.elem)})[]`;
    case 'tuple': return `readonly [${d.elems.map(tsType).join(', ')}]`;
    case 'record': return `{ ${d.fields.map(([n, t]) => `readonly ${JSON.stringify(n)}: ${tsType(t)}`).join('; ')} }`;
    case 'map': return `ReadonlyMap<${tsType(d.key)}, ${tsType(d.val)}>`;
    case 'union': return d.alts.map((a) => `(${tsType(a)})`).join(' | ');
    case 'value': return 'R.Value';
    default: return assertNever(d);
  }
}

/** Types of the variables from TypeOK's conjuncts (by name, when they have one). */
export function typesFromTypeOK(g: Gen, spec: CompiledSpecExt, typeOK: Expr | undefined): Map<string, TypeDesc> {
  const out = new Map<string, TypeDesc>();
  if (!typeOK) return out;
  const evalSet = (e: Expr): Value | undefined => {
    try {
      return spec.evaluate(e, null);
    } catch {
      return undefined; // not a constant set: no type from this conjunct
    }
  };
  const isVar = (e: Expr): string | undefined => (e.kind === 'ref' && g.slot(e.name) !== undefined ? e.name : undefined);
  const visit = (e: Expr): void => {
    if (e.kind === 'and') return e.args.forEach(visit);
    const op = e.kind === 'ref' ? g.zeroArgOp(e.name) : undefined;
    if (op) return visit(op.body);
    if (e.kind === 'apply' && (e.name === '\\in' || e.name === '\\subseteq') && e.args.length === 2) {
      const v = isVar(e.args[0]!);
      const S = v ? evalSet(e.args[1]!) : undefined;
      const d = S ? elemDesc(S) : undefined;
      // a set we cannot read a type from (Seq(S), say) leaves the variable to the values reached
      if (v && d && d.k !== 'value') out.set(v, e.name === '\\in' ? d : { k: 'set', elem: d });
      return;
    }
    // \A i \in 1..Len(q) : q[i] \in S   — q is a sequence of S
    if (e.kind === 'forall' && e.bindings.length === 1 && e.body.kind === 'apply' && e.body.name === '\\in') {
      const lhs = e.body.args[0]!;
      if (lhs.kind === 'fnApply') {
        const v = isVar(lhs.fn);
        const S = v ? evalSet(e.body.args[1]!) : undefined;
        const d = S ? elemDesc(S) : undefined;
        if (v && d && d.k !== 'value') out.set(v, { k: 'seq', elem: d });
      }
    }
  };
  visit(typeOK);
  return out;
}
