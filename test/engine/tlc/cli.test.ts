// `rdsib tlc`, `rdsib check --tlc` and `rdsib compare` as a user runs them (spawned through
// bin/rdsib.js) with a fake java first on PATH printing a hand-written fixture. Counter.tla's
// figures (5 distinct, 6 generated, depth 5) are derived by hand: x = 0..4 in a cycle, one
// successor each, 1 initial + 5 generated; the fixture prints them as TLC would.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeTlc } from './fake-java.js';

const bin = resolve(import.meta.dirname, '../../../bin/rdsib.js');
const fixtures = resolve(import.meta.dirname, '../../fixtures/tlc');
const spec = join(fixtures, 'Counter.tla');
const fake = fakeTlc();

function rdsib(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('rdsib tlc', () => {
  it('--json: the same object as check --json, exit status from TLC', () => {
    const r = rdsib(fake.env(join(fixtures, 'mailbox-invariant.tool.out'), 12), 'tlc', spec, '--jar', fake.jar, '--json');
    expect(r.code).toBe(12);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['result', 'distinctStates', 'generatedStates', 'depth', 'property', 'trace', 'exitCode']);
    expect(o).toMatchObject({ result: 'violation', property: 'Bounded', distinctStates: 7, generatedStates: 9, depth: 3 });
  });

  it("text: TLC's messages without the -tool frames", () => {
    const r = rdsib(fake.env(join(fixtures, 'counter-success.tool.out')), 'tlc', spec, '--jar', fake.jar);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('@!@!@');
    expect(r.stdout).toContain('Model checking completed. No error has been found.\n');
    expect(r.stdout).toContain('6 states generated, 5 distinct states found, 0 states left on queue.\n');
  });

  it('a parse error: file:line:col on stderr and exit 150', () => {
    const r = rdsib(fake.env(join(fixtures, 'bad-parse.tool.out'), 150), 'tlc', spec, '--jar', fake.jar);
    expect(r.code).toBe(150);
    expect(r.stderr).toBe(`${join(fixtures, 'Bad.tla')}:4:9: ***Parse Error***\n`);
  });

  it('no jar: the reason and exit 255, no stack trace', () => {
    const r = rdsib(fake.env('/dev/null'), 'tlc', spec, '--jar', join(fixtures, 'missing.jar'));
    expect(r.code).toBe(255);
    expect(r.stderr).toBe(`rdsib tlc: TLC is unavailable: ${join(fixtures, 'missing.jar')}: no such file\n`);
  });

  it('--dump-trace itf writes the trace as an ITF document', () => {
    const out = join(fake.dir, 'trace.itf.json');
    const r = rdsib(fake.env(join(fixtures, 'stop-deadlock.tool.out'), 11), 'tlc', spec, '--jar', fake.jar, '--json', '--dump-trace', 'itf', out);
    expect(r.code).toBe(11);
    const itf = JSON.parse(readFileSync(out, 'utf8'));
    expect(itf.vars).toEqual(['n', 'f']);
    expect(itf.states.map((s: { n: unknown }) => s.n)).toEqual([{ '#bigint': '0' }, { '#bigint': '1' }]);
  });
});

describe('rdsib check --tlc', () => {
  it('hands the run to TLC with the given jar: liveness lasso, exit 13', () => {
    const r = rdsib(fake.env(join(fixtures, 'toggle-liveness-back.tool.out'), 13), 'check', spec, '--tlc', fake.jar, '--json');
    expect(r.code).toBe(13);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'liveness', property: 'EventuallyOne', loop: 1 });
  });

  it('without a jar argument it searches ($TLA2TOOLS_JAR here)', () => {
    const r = rdsib(fake.env(join(fixtures, 'counter-success.tool.out'), 0, { TLA2TOOLS_JAR: fake.jar }), 'check', spec, '--tlc', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ result: 'ok', distinctStates: 5, generatedStates: 6, depth: 5, exitCode: 0 });
  });
});

describe('rdsib compare', () => {
  it('same figures from both engines: exit 0', () => {
    const r = rdsib(fake.env(join(fixtures, 'counter-success.tool.out')), 'compare', spec, '--jar', fake.jar, '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.differences).toEqual([]);
    expect(o.rdsib).toMatchObject({ result: 'ok', distinctStates: 5, generatedStates: 6, depth: 5 });
  });

  it('a different generated count: the table marks it and exit 1', () => {
    const r = rdsib(fake.env(join(fixtures, 'counter-differs.tool.out')), 'compare', spec, '--jar', fake.jar);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('generated  6      7    differs\n');
    expect(r.stdout).toContain('engines differ: generated\n');
  });

  it('no jar: says so and exits 255', () => {
    const r = rdsib(fake.env('/dev/null'), 'compare', spec, '--jar', join(fixtures, 'missing.jar'));
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/^rdsib compare: cannot compare without TLC\. TLC is unavailable: /);
  });
});
