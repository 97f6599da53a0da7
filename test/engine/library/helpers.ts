// Evaluate many constant expressions of one module that EXTENDS bundled library modules: one
// compile per group, then each `[name, expression]` is evaluated to a value.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../eval/helpers.js';
import type { Value } from '../../../engine/values/value.js';
import { format } from '../../../engine/values/print.js';

export type Cases = readonly (readonly [string, string])[];

/** `extendsList` e.g. 'SequencesExt, Naturals'; returns name -> printed value, or the error text. */
export async function evalAll(extendsList: string, cases: Cases, defs = ''): Promise<Map<string, string>> {
  const body = cases.map(([, e], i) => `C${i} == ${e}`).join('\n');
  const spec = await compile({ M: `EXTENDS ${extendsList}\n${defs}\nVARIABLE helperVar\nInit == helperVar = 0\n${body}\n` }, 'INIT Init\n');
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

/** One describe per module group: each case [name, expression, printed value expected]. */
export function group(title: string, extendsList: string, cases: [string, string, string][], defs = ''): void {
  describe(title, () => {
    let got: Map<string, string>;
    beforeAll(async () => {
      got = await evalAll(extendsList, cases.map(([name, lhs]) => [name, lhs] as const), defs);
    });
    it.each(cases)('%s: %s = %s', (name, _lhs, want) => {
      expect(got.get(name)).toBe(want);
    });
  });
}
