// A TLA+ value as TypeScript source that rebuilds it through engine/values' constructors
// (cfg constants and literals of the spec are inlined into generated code this way).
import { assertNever, fcnView, materializeFcn, setElems, type Value } from '../engine/values/index.js';

export function valueLiteral(v: Value): string {
  switch (v.kind) {
    case 'bool': return v.b ? 'R.TRUE' : 'R.FALSE';
    case 'int': return `R.int(${v.n})`;
    case 'str': return `R.str(${JSON.stringify(v.s)})`;
    case 'model': return `R.modelValue(${JSON.stringify(v.name)})`;
    case 'interval': return `R.interval(${v.lo}, ${v.hi})`;
    case 'tuple': return `R.tuple([${v.elems.map(valueLiteral).join(', ')}])`;
    case 'record': return `R.record(${JSON.stringify(v.names.map((n) => n.s))}, [${v.vals.map(valueLiteral).join(', ')}])`;
    case 'fcn': case 'lazyFcn': {
      const f = fcnView(materializeFcn(v));
      return `R.fcnOf([${f.dom.map(valueLiteral).join(', ')}], [${f.vals.map(valueLiteral).join(', ')}])`;
    }
    case 'infinite': return `R.${v.which === 'Nat' ? 'NAT' : v.which === 'Int' ? 'INT' : 'STRING'}`;
    case 'set': case 'subset': case 'fcnSet': case 'rcdSet': case 'product': case 'filter':
      return `R.setOf([${setElems(v).map(valueLiteral).join(', ')}])`;
    default:
      return assertNever(v);
  }
}
