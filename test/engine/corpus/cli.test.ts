// The `rdsib check` command on one corpus spec per kind of outcome: the process exit code is
// TLC's (tlc2/output/EC.java ExitStatus), `--json` carries the same verdict and numbers as the
// library, and a user error is printed as `file:line:col: message` on stderr, never a stack.
// One process per spec (about a second each), so only a representative handful runs here;
// corpus.test.ts covers every spec through the library.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { answer, type Expected } from './engine.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(root, 'engine/cli/main.ts');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

/** One spec for each of the main exit codes (0 is the exit of every other ok run). */
const representatives = [
  'Deadlock', // 11
  'DieHard', // 12, invariant
  'LiveStutter', // 13, liveness
  'AssertFail', // 14
  'EvalDomain', // 75
  'ParseError', // 150
];


describe('rdsib check: exit codes and --json as TLC', () => {
  if (!existsSync(cli)) {
    test.skip('engine/cli/main.ts is not there yet', () => {});
    return;
  }
  test.each(representatives)('%s', { timeout: 60_000 }, (name) => {
    const want = JSON.parse(readFileSync(join(root, 'test/specs', `${name}.expected.json`), 'utf8')) as Expected;
    const run = spawnSync(process.execPath, [tsx, cli, 'check', '--json', join('test/specs', `${name}.tla`)], {
      cwd: root,
      encoding: 'utf8',
      timeout: 55_000,
    });
    expect(run.status).toBe(want.exitCode);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    const json = JSON.parse(run.stdout) as Record<string, unknown> & { trace?: unknown[] };
    expect(json.result).toBe(want.result);
    if (want.result === 'error') expect(run.stderr).toMatch(/^test\/specs\/\S+\.(tla|cfg):\d+:\d+: \S/m);
    if (want.countsAsserted === false) return;
    // A property is named only when it was violated (ok results record it for the reader).
    const named = want.result === 'violation' || want.result === 'liveness';
    const got = answer({
      result: String(json.result),
      exitCode: run.status ?? -1,
      distinctStates: Number(json.distinctStates),
      generatedStates: Number(json.generatedStates),
      depth: Number(json.depth),
      ...(named ? { property: String(json.property) } : {}),
      ...(want.traceLength !== undefined && json.trace ? { traceLength: json.trace.length } : {}),
    });
    expect(got).toEqual(answer(named ? want : { ...want, property: undefined }));
  });
});
