// The syntax sweep: specs written to use every construct of TLA+2 that SANY accepts and TLC
// evaluates (README.md lists which spec pins what). Each NAME.tla has a NAME.cfg and a
// NAME.expected.json in the format of test/specs/README.md, derived by hand or by an oracle in
// oracles/ that imports nothing from engine/. The engine must give exactly those answers, through
// the library and through `node bin/rdsib.js check` run from another working directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { answer, loadEngine, type Answer, type Engine, type Expected } from '../../engine/corpus/engine.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const names = readdirSync(here)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

/** expected.json, plus `error`: for a rejected spec, the message TLC's location format gives */
type SyntaxExpected = Expected & { readonly error?: string };
const expectedOf = (name: string): SyntaxExpected => JSON.parse(readFileSync(join(here, `${name}.expected.json`), 'utf8')) as SyntaxExpected;

/** Which oracle export reproduces which spec (oracles/NAME.oracle.ts, export `run` unless named). */
const ORACLES: Readonly<Record<string, readonly [file: string, fn: string]>> = {
  PlusCalls: ['PlusCalls', 'run'],
  PlusCallsLost: ['PlusCalls', 'runLost'],
  Pipeline: ['Pipeline', 'run'],
  PipelineLive: ['Pipeline', 'runLive'],
};

describe('syntax sweep: every expected result says where it comes from', () => {
  test.each(names)('%s has a .tla, a .cfg and a derivation', (name) => {
    const e = expectedOf(name);
    expect(existsSync(join(here, `${name}.tla`))).toBe(true);
    expect(existsSync(join(here, `${name}.cfg`))).toBe(true);
    expect(ORACLES[name] !== undefined || /^By hand/.test(e.how)).toBe(true);
    expect(e.how.length).toBeGreaterThan(40);
  });
});

describe('syntax sweep: the oracles reproduce the expected numbers', () => {
  test.each(Object.keys(ORACLES))('oracle %s', async (name) => {
    const [file, fn] = ORACLES[name]!;
    const mod = (await import(join(here, 'oracles', `${file}.oracle.ts`))) as Record<string, () => Answer>;
    // the oracle counts states; a temporal verdict (liveness) is derived by hand in `how`
    const want = expectedOf(name);
    const counts = want.result === 'liveness' ? { ...want, result: 'ok', exitCode: 0 } : want;
    expect(answer(mod[fn]!())).toEqual(answer({ ...counts, ...(want.result === 'violation' ? {} : { property: undefined }) }));
  });
});

const engine = await loadEngine();

describe("syntax sweep: the engine gives TLC's answers", () => {
  for (const name of names) {
    if (typeof engine === 'string') {
      test.skip(`${name}: ${engine}`, () => {});
      continue;
    }
    test(name, { timeout: 60_000 }, async () => {
      const want = expectedOf(name);
      const e = engine as Engine;
      let run: Awaited<ReturnType<Engine['checkFile']>>;
      try {
        run = await e.checkFile(join(here, `${name}.tla`));
      } catch (err) {
        const describe = (err as { describe?: () => string }).describe;
        if (!describe) throw err;
        expect({ result: 'error', exitCode: (err as { exitCode?: number }).exitCode, message: describe.call(err) }).toEqual({
          result: want.result,
          exitCode: want.exitCode,
          message: join(here, want.error ?? '(no error expected)'),
        });
        return;
      }
      const r = run.result;
      expect(r.skippedProperties).toEqual([]);
      const property = e.propertyOf(r.outcome);
      const got = answer({
        result: e.verdictOf(r.outcome),
        exitCode: e.exitCodeOf(r.outcome),
        distinctStates: r.distinct,
        generatedStates: r.generated,
        depth: r.depth,
        ...(property !== undefined ? { property } : {}),
        ...(want.traceLength !== undefined && r.outcome.trace ? { traceLength: r.outcome.trace.length } : {}),
      });
      expect(got).toEqual(answer(want.result === 'ok' ? { ...want, property: undefined } : want));
    });
  }
});

/** `node bin/rdsib.js check --json ABS_PATH` from a fresh temporary folder: the bundled library
 *  (TLAPS) and tsx are found from the package, not from the caller's folder. */
function checkElsewhere(name: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'rdsib-syntax-'));
  return spawnSync(process.execPath, [join(root, 'bin/rdsib.js'), 'check', '--json', join(here, `${name}.tla`)], { cwd, encoding: 'utf8', timeout: 55_000 });
}

describe('syntax sweep: rdsib check from another working directory', () => {
  test.each(['Proofs', 'Unicode', 'PlusCallsLost'])('%s', { timeout: 60_000 }, (name) => {
    const want = expectedOf(name);
    const run = checkElsewhere(name);
    expect(run.status).toBe(want.exitCode);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect([json.result, json.distinctStates, json.generatedStates, json.depth]).toEqual([want.result, want.distinctStates, want.generatedStates, want.depth]);
  });
  test('UnicodeBad: exit 150 and file:line:col in the text as written, no stack trace', { timeout: 60_000 }, () => {
    const run = checkElsewhere('UnicodeBad');
    expect(run.status).toBe(150);
    expect(run.stderr.trim()).toBe(join(here, expectedOf('UnicodeBad').error!));
  });
});
