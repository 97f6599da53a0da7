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
import { tlcBfs, type OracleResult } from '../../specs/oracles/tlc-bfs.js';
import { tlcLiveness } from '../../specs/oracles/tlc-liveness.js';
import { answer, loadEngine, type Engine } from './engine.js';
import { dataToOracle, dataToTla, randomDataSpec } from './random-data-spec.js';
import { randomLiveSpec, randomSpec, toLiveOracle, toOracle, toTla } from './random-spec.js';
import { randomSymSpec, symToOracle, symToTla } from './random-sym-spec.js';

const engine = await loadEngine();
const dir = mkdtempSync(join(tmpdir(), 'rdsib-random-specs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;

/** Write the spec, check it with the engine, and compare with what the oracle says TLC answers.
 *  While the engine skips the temporal property, only the safety search is compared. */
async function compare(
  e: Engine,
  print: (name: string) => { tla: string; cfg: string },
  oracle: (safetyOnly: boolean) => OracleResult,
): Promise<void> {
  const name = `Random${n++}`;
  const { tla, cfg } = print(name);
  writeFileSync(join(dir, `${name}.tla`), tla);
  writeFileSync(join(dir, `${name}.cfg`), cfg);
  const { result } = await e.checkFile(join(dir, `${name}.tla`));
  const skipped = result.skippedProperties.includes('Live');
  const wantRaw = oracle(skipped);
  const want = answer(wantRaw.result === 'liveness' ? { ...wantRaw, property: 'Live' } : wantRaw);
  const property = e.propertyOf(result.outcome);
  const trace = result.outcome.trace;
  const got = answer({
    result: e.verdictOf(result.outcome),
    exitCode: e.exitCodeOf(result.outcome),
    distinctStates: result.distinct,
    generatedStates: result.generated,
    depth: result.depth,
    ...(property !== undefined ? { property } : {}),
    ...(want.traceLength !== undefined && trace ? { traceLength: trace.length } : {}),
  });
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`engine ${JSON.stringify(got)}\noracle ${JSON.stringify(want)}\n${tla}\n${cfg}`);
  }
}

describe('random specs: the engine counts as TLC does', () => {
  if (typeof engine === 'string') {
    test.skip(`engine vs oracle on random specs: ${engine}`, () => {});
    return;
  }
  /** Run `numRuns` specs from `arb` through `compare`, with CI's fixed seed. */
  const differential = <S>(title: string, arb: fc.Arbitrary<S>, numRuns: number, check: (spec: S) => Promise<void>) =>
    test(`${title} (${numRuns} specs, seed 20261127)`, { timeout: 120_000 }, async () => {
      const before = n;
      await fc.assert(fc.asyncProperty(arb, check), { numRuns, seed: 20261127, endOnFailure: false });
      expect(n - before).toBeGreaterThanOrEqual(numRuns);
    });

  differential('engine and oracle agree on random specs', randomSpec, 60, (spec) =>
    compare(engine, (name) => toTla(name, spec), () => tlcBfs(toOracle(spec))),
  );
  differential('with fairness and a temporal property: safety counts now, verdicts once liveness is checked', randomLiveSpec, 40, (spec) =>
    compare(engine, (name) => toTla(name, spec), (safetyOnly) => {
      const { fairness, prop } = toLiveOracle(spec);
      return safetyOnly ? tlcBfs(toOracle(spec)) : tlcLiveness(toOracle(spec), fairness, prop);
    }),
  );
  differential('over a set, a sequence and a function', randomDataSpec, 60, (spec) =>
    compare(engine, (name) => dataToTla(name, spec), () => tlcBfs(dataToOracle(spec))),
  );
  differential('three symmetric processes, with and without SYMMETRY', randomSymSpec, 60, (spec) =>
    compare(engine, (name) => symToTla(name, spec), () => tlcBfs(symToOracle(spec))),
  );
});
