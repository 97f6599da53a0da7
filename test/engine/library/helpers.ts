// Evaluate many constant expressions of one module that EXTENDS bundled library modules: one
// compile per group, then each `[name, expression]` is evaluated to a value.
import { compile } from '../eval/helpers.js';
import type { Value } from '../../../engine/values/value.js';
import { format } from '../../../engine/values/print.js';

export type Cases = readonly (readonly [string, string])[];

/** `extendsList` e.g. 'SequencesExt, Naturals'; returns name -> printed value, or the error text. */
export async function evalAll(extendsList: string, cases: Cases, defs = ''): Promise<Map<string, string>> {
  const body = cases.map(([, e], i) => `C${i} == ${e}`).join('\n');
  const spec = await compile({ M: `EXTENDS ${extendsList}\n${defs}\nVARIABLE v\nInit == v = 0\n${body}\n` }, 'INIT Init\n');
  const out = new Map<string, string>();
  cases.forEach(([name], i) => {
    try {
      const v: Value = spec.evaluate({ kind: 'ref', name: `C${i}`, prefix: [], loc: { file: 'test', module: 'M', line: 1, col: 1, endLine: 1, endCol: 1 } }, null);
      out.set(name, format(v));
    } catch (err) {
      out.set(name, `error: ${(err as Error).message}`);
    }
  });
  return out;
}
