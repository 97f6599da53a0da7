// Differential test: random small specs (random-spec.ts) checked by the engine and by the
// TLC-faithful oracle BFS must agree on verdict, distinct, generated, depth and trace length.
// The oracle interprets the spec's data structure directly, never the TLA+ text, so the two
// sides share nothing but the spec. A fixed seed keeps CI reproducible; a failure prints the
// shrunk spec as TLA+.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { tlcBfs } from '../../specs/oracles/tlc-bfs.js';
import { answer, loadEngine } from './engine.js';
import { randomSpec, toOracle, toTla } from './random-spec.js';

const engine = await loadEngine();
const dir = mkdtempSync(join(tmpdir(), 'rdsib-random-specs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('random specs: the engine counts as TLC does', () => {
  if (typeof engine === 'string') {
    test.skip(`engine vs oracle on random specs: ${engine}`, () => {});
    return;
  }
  test('engine and oracle agree on 60 random specs (seed 20261127)', { timeout: 120_000 }, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(randomSpec, async (spec) => {
        const name = `Random${n++}`;
        const { tla, cfg } = toTla(name, spec);
        writeFileSync(join(dir, `${name}.tla`), tla);
        writeFileSync(join(dir, `${name}.cfg`), cfg);
        const want = answer(tlcBfs(toOracle(spec)));
        const { result } = await engine.checkFile(join(dir, `${name}.tla`));
        const property = engine.propertyOf(result.outcome);
        const trace = result.outcome.trace;
        const got = answer({
          result: engine.verdictOf(result.outcome),
          exitCode: engine.exitCodeOf(result.outcome),
          distinctStates: result.distinct,
          generatedStates: result.generated,
          depth: result.depth,
          ...(property !== undefined ? { property } : {}),
          ...(want.traceLength !== undefined && trace ? { traceLength: trace.length } : {}),
        });
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          throw new Error(`engine ${JSON.stringify(got)}\noracle ${JSON.stringify(want)}\n${tla}\n${cfg}`);
        }
      }),
      { numRuns: 60, seed: 20261127, endOnFailure: false },
    );
    expect(n).toBeGreaterThanOrEqual(60);
  });
});
