// The rdsib launcher gives the evaluator a stack deep enough for recursive operators
// thousands of levels deep (bin/rdsib.js, --stack-size from `ulimit -s`), from any folder.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

test('Count(3000) evaluates: one state x = 3000, generated = 1 initial + 1 stuttering successor, depth 1', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/rdsib.js'), 'check', join(ROOT, 'test/fixtures/cli/DeepRecursion.tla'), '--json'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ result: 'ok', distinctStates: 1, generatedStates: 2, depth: 1 });
});

test('the launcher works from any working directory (a user checking their own specs elsewhere)', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/rdsib.js'), 'check', join(ROOT, 'test/fixtures/cli/DeepRecursion.tla'), '--json'], {
    encoding: 'utf8',
    cwd: tmpdir(),
  });
  expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND/);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ result: 'ok', distinctStates: 1 });
});

test('a subcommand loads only its own file: `rdsib check` works without the others (gen\'s ts-morph is not loaded)', async () => {
  const { buildProgram } = await import('../../../engine/cli/main.js');
  const only = await buildProgram('check');
  expect(only.commands.map((c) => c.name())).toEqual(['check']);
  const tlcFile = await buildProgram('compare'); // registered by tlc.ts, with tlc
  expect(tlcFile.commands.map((c) => c.name()).sort()).toEqual(['compare', 'tlc']);
  const all = await buildProgram(undefined);
  expect(all.commands.map((c) => c.name()).sort()).toEqual(['check', 'compare', 'gen', 'run', 'tlc', 'trace', 'verdicts']);
});
