// Natives of the bundled SVG module (CommunityModules tlc2/overrides/SVG.java).
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import * as V from './v.js';
import { type NativeTable, argError, intArg, strictImpl } from './library.js';

function field(op: string, r: Value, name: string): Value {
  const v = r.kind === 'record' || r.kind === 'fcn' ? V.select(r, V.str(name)) : undefined;
  if (v === undefined) throw new EvalError(`${op}: ${V.show(r)} has no field ${name}`);
  return v;
}

function text(op: string, v: Value): string {
  if (v.kind !== 'str') throw new EvalError(`${op}: ${V.show(v)} should be a string`);
  return v.s;
}

/** SVG.SVGElemToString: <name k='v' ...>innerText children</name>, attribute names with _ as -,
 *  << and >> in the text escaped. */
function elemToString(e: Value): string {
  const op = 'SVGElemToString';
  if (e.kind !== 'record') throw new EvalError(`An SVG element must be a record. Value given is ${V.show(e)}`);
  const name = text(op, field(op, e, 'name'));
  const attrs = field(op, e, 'attrs');
  let attrStr = '';
  if (attrs.kind === 'record') attrs.names.forEach((n, i) => (attrStr += ` ${n.s.replaceAll('_', '-')}='${text(op, attrs.vals[i]!)}'`));
  else if (!(attrs.kind === 'tuple' && attrs.elems.length === 0)) throw new EvalError(`Was unable to convert element to a record: ${V.show(attrs)}`);
  const children = field(op, e, 'children');
  let kids: readonly Value[];
  if (children.kind === 'tuple') kids = children.elems;
  else if (children.kind === 'record' || children.kind === 'fcn') kids = V.fcnView(V.materialize(children)).vals;
  else throw new EvalError(`Was unable to convert element to a tuple or (function) record: ${V.show(children)}`);
  const inner = text(op, field(op, e, 'innerText')).replaceAll('<<', '&lt;&lt;').replaceAll('>>', '&gt;&gt;');
  return `<${name}${attrStr}>${inner}${kids.map(elemToString).join('')}</${name}>`;
}

const xy = (x: number, y: number): Value => V.record(['x', 'y'], [V.int(x), V.int(y)]);

export function registerSvg(t: NativeTable): void {
  t.add('SVG', 'SVGElemToString', 1, strictImpl('SVGElemToString', ([e]) => V.str(elemToString(e!))));
  // SVG.ringNetwork: polar to Cartesian, each coordinate truncated to an int as Java's cast does
  t.add('SVG', 'NodeOfRingNetwork', 5, strictImpl('NodeOfRingNetwork', (vs) => {
    const [cx, cy, r, n, m] = vs.map((v, i) => intArg('NodeOfRingNetwork', i, 5, v)) as [number, number, number, number, number];
    const angle = ((2 * Math.PI) / m) * n;
    return xy(Math.trunc(cx + r * Math.cos(angle)), Math.trunc(cy + r * Math.sin(angle)));
  }));
  // SVG.pointOnLine: a double division, the sum truncated to an int
  t.add('SVG', 'PointOnLine', 3, strictImpl('PointOnLine', ([from, to, seg]) => {
    const idx = intArg('PointOnLine', 2, 3, seg!);
    const c = (v: Value, k: string): number => intArg('PointOnLine', v === from ? 0 : 1, 3, field('PointOnLine', v, k));
    if (from!.kind !== 'record') throw argError('PointOnLine', 0, 3, 'a record', from!);
    return xy(Math.trunc(c(from!, 'x') + (c(to!, 'x') - c(from!, 'x')) / idx), Math.trunc(c(from!, 'y') + (c(to!, 'y') - c(from!, 'y')) / idx));
  }));
}
