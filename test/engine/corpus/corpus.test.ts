// The engine against the spec corpus in test/specs: for every NAME.expected.json, TLC's answer
// (derived by hand or by an independent oracle, see test/specs/README.md) must be what our
// engine answers. Also checks that every oracle still reproduces its expected.json.
//
// The engine is imported dynamically: while a stage (typically engine/eval's compileSpec) is not
// there yet, each engine test is skipped with that reason. Once it is there, a disagreement fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { answer, loadEngine, type Answer, type Engine, type EngineResult, type Expected } from './engine.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const specsDir = join(root, 'test/specs');
const oraclesDir = join(specsDir, 'oracles');


const names = readdirSync(specsDir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

const expectedOf = (name: string): Expected =>
  JSON.parse(readFileSync(join(specsDir, `${name}.expected.json`), 'utf8')) as Expected;

const oracleOf = (name: string) => join(oraclesDir, `${name}.oracle.ts`);
const runAll = process.env.RDSIB_CORPUS_ALL === '1';

describe('spec corpus: every expected result says where it comes from', () => {
  test.each(names)('%s has a .tla, a .cfg and a derivation', (name) => {
    const e = expectedOf(name);
    expect(existsSync(join(specsDir, `${name}.tla`))).toBe(true);
    expect(existsSync(join(specsDir, `${name}.cfg`))).toBe(true);
    expect(['ok', 'violation', 'deadlock', 'liveness', 'error']).toContain(e.result);
    // Either an oracle program or a hand derivation written out in "how".
    expect(existsSync(oracleOf(name)) || /^By hand/.test(e.how)).toBe(true);
    expect(e.how.length).toBeGreaterThan(40);
  });
});

describe('spec corpus: the oracles reproduce the expected numbers', () => {
  const withOracle = names.filter((n) => existsSync(oracleOf(n)));
  const runnable = withOracle.filter((n) => runAll || !expectedOf(n).slow);
  for (const name of withOracle.filter((n) => !runnable.includes(n))) test.skip(`oracle ${name}: slow (RDSIB_CORPUS_ALL=1 runs it)`, () => {});
  test.each(runnable)('oracle %s', { timeout: 120_000 }, async (name) => {
    const mod = (await import(oracleOf(name))) as { run: () => Answer };
    const got: Record<string, unknown> = answer(mod.run());
    const want: Record<string, unknown> = answer(expectedOf(name));
    // Only a violation names a property the oracle knows (an invariant); a temporal PROPERTY
    // recorded for an ok or liveness result is beyond the oracle.
    if (want.result !== 'violation') delete want.property;
    expect(got).toEqual(want);
  });
});

// ---- the engine -------------------------------------------------------------------------

const engine = await loadEngine();

/** Disagreements found, analysed, and judged to be the engine's fault (the expected value was
 *  re-derived independently). They run as `test.fails`: CI stays green while the engine is
 *  wrong, and the test turns red the moment the engine is fixed, so the entry gets removed. */
const knownEngineBugs: Readonly<Record<string, string>> = {};

/** What the engine answers, in the expected.json vocabulary. User errors (parse, cfg, eval
 *  while compiling) come back as thrown TlaErrors carrying TLC's exit code. */
async function engineAnswer(e: Engine, name: string, want: Expected) {
  let run: { result: EngineResult };
  try {
    run = await e.checkFile(join(specsDir, `${name}.tla`));
  } catch (err) {
    const code = (err as { exitCode?: unknown }).exitCode;
    if (typeof code !== 'number') throw err;
    const message = (err as { describe?: () => string }).describe?.() ?? String(err);
    return { answer: answer({ result: 'error', exitCode: code, distinctStates: 0, generatedStates: 0, depth: 0 }), skipped: [] as readonly string[], message };
  }
  const r = run.result;
  const error = (r.outcome as { error?: { describe?: () => string } }).error;
  const trace = r.outcome.trace;
  const property = e.propertyOf(r.outcome);
  const got = {
    result: e.verdictOf(r.outcome),
    exitCode: e.exitCodeOf(r.outcome),
    distinctStates: r.distinct,
    generatedStates: r.generated,
    depth: r.depth,
    ...(property !== undefined ? { property } : {}),
    ...(trace && trace.length > 0 && want.traceLength !== undefined ? { traceLength: trace.length } : {}),
  };
  return { answer: answer(got), skipped: r.skippedProperties, message: error?.describe?.() };
}

/** User errors are reported as `file:line:col: message`, never as a bare message or a stack. */
const located = /^[^\n]+\.(tla|cfg):\d+:\d+: \S/;

describe('spec corpus: the engine gives TLC\'s answers', () => {
  for (const name of names) {
    const want = expectedOf(name);
    const reason =
      typeof engine === 'string' ? engine : want.slow && !runAll ? 'slow spec (RDSIB_CORPUS_ALL=1 runs it)' : undefined;
    if (reason !== undefined) {
      test.skip(`${name}: ${reason}`, () => {});
      continue;
    }
    const bug = knownEngineBugs[name];
    (bug ? test.fails : test)(bug ? `${name} (known engine bug: ${bug})` : name, { timeout: 120_000 }, async () => {
      const { answer: got, skipped, message } = await engineAnswer(engine as Engine, name, want);
      if (want.result === 'error') expect(message ?? '').toMatch(located);
      const expected = answer(want);
      const temporal = want.property !== undefined && skipped.includes(want.property);
      if (temporal) {
        // Liveness not checked yet: the safety search must still count exactly, and the
        // engine must say it skipped the property rather than claim it holds or fails.
        expect(got.result).toBe('ok');
        expect({ ...got, result: want.result, exitCode: want.exitCode, property: want.property }).toEqual(expected);
        return;
      }
      if (want.countsAsserted === false) {
        expect({ result: got.result, exitCode: got.exitCode }).toEqual({ result: want.result, exitCode: want.exitCode });
        return;
      }
      // A PROPERTY that held is named in expected.json for the record; the engine names none.
      if (want.result === 'ok') delete (expected as { property?: string }).property;
      expect(got).toEqual(expected);
    });
  }
});
