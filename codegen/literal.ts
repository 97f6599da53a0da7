// A TLA+ value as TypeScript source that rebuilds it through engine/values' constructors
// (cfg constants and literals of the spec are inlined into generated code this way).
import { assertNever, fcnView, isSetLike, materializeFcn, setElems, type SetLike, type Value } from '../engine/values/index.js';

export function valueLiteral(v: Value): string {
  if (isSetLike(v)) return setLiteral(v);
  switch (v.kind) {
    case 'bool': return v.b ? 'R.TRUE' : 'R.FALSE';
    case 'int': return `R.int(${v.n})`;
    case 'str': return `R.str(${JSON.stringify(v.s)})`;
    case 'model': return `R.modelValue(${JSON.stringify(v.name)})`;
    case 'tuple': return `R.tuple([${v.elems.map(valueLiteral).join(', ')}])`;
    case 'record': return `R.record(${JSON.stringify(v.names.map((n) => n.s))}, [${v.vals.map(valueLiteral).join(', ')}])`;
    case 'fcn': case 'lazyFcn': {
      const f = fcnView(materializeFcn(v));
      return `R.fcnOf([${f.dom.map(valueLiteral).join(', ')}], [${f.vals.map(valueLiteral).join(', ')}])`;
    }
    default:
      return assertNever(v);
  }
}

function setLiteral(S: SetLike): string {
  if (S.kind === 'interval') return `R.interval(${S.lo}, ${S.hi})`;
  if (S.kind === 'infinite') return `R.${S.which === 'Nat' ? 'NAT' : S.which === 'Int' ? 'INT' : 'STRING'}`;
  // every other kind of set (the lazy ones, and any engine/values adds) by its elements;
  // an infinite one throws here and is then not inlined (Gen.constant)
  return `R.setOf([${setElems(S).map(valueLiteral).join(', ')}])`;
}
