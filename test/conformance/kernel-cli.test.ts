// `rdsib trace validate --from kernel` as a user runs it (spawned through bin/rdsib.js, about a
// second each): the cfg derived from the trace, the invariant report and its exit code, and bad
// input as `file:line: message` with no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'rdsib.js');
const spec = join(root, 'tla', 'RdsIbDevice.tla');
const art = (name: string): string => join(root, 'test', 'rxe', 'kernel', 'artifacts', `${name}.trace.txt`);

function rdsib(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('rdsib trace validate --from kernel', () => {
  test('bug B\'s trace: accepted, S12 reported at rxe1\'s dev_free line, exit 12 (a safety violation, as TLC)', () => {
    const r = rdsib('trace', 'validate', art('mr-other'), '--spec', spec, '--from', 'kernel', '--invariants', '--json');
    expect(r.code).toBe(12);
    const out = JSON.parse(r.stdout) as { result: string; violations: { invariant: string; line: number; action: string }[] };
    expect(out.result).toBe('accepted');
    const freeLine = readFileSync(art('mr-other'), 'utf8').split('\n').findIndex((l) => /: dev_free: .*name="rxe1"/.test(l)) + 1;
    expect(out.violations).toEqual([expect.objectContaining({ invariant: 'S12_IbDeviceOutlivesRdsDev', line: freeLine, action: 'FreeWork' })]);
  });

  test('the plain trace: accepted with no violation, exit 0', () => {
    const r = rdsib('trace', 'validate', art('nomr'), '--spec', spec, '--from', 'kernel', '--invariants');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Trace accepted: \d+ events explained by the spec/);
    expect(r.stdout).toContain('No invariant is violated along the trace.');
  });

  test('a line that is not ftrace output: file:line: message on stderr, exit 255', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kernel-cli-'));
    const bad = join(dir, 'bad.trace.txt');
    writeFileSync(bad, readFileSync(art('nomr'), 'utf8').split('\n').slice(0, 3).join('\n') + '\nhello\n');
    const r = rdsib('trace', 'validate', bad, '--spec', spec, '--from', 'kernel');
    expect(r.code).toBe(255);
    expect(r.stderr.trim()).toBe(`${bad}:4: not an ftrace event line: "hello"`);
  });
});

describe('rdsib trace validate --from kernel --remove-fix (the patched rds_rdma, kernel/)', () => {
  const fixed = (name: string): string => join(root, 'test', 'rxe', 'kernel-fix', 'artifacts', `${name}.trace.txt`);

  test('the patched module\'s bug-C scenario is accepted by the model with the fix, no invariant violated', () => {
    const r = rdsib('trace', 'validate', fixed('fixed-mr-same'), '--spec', spec, '--from', 'kernel', '--remove-fix', '--invariants', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'accepted', violations: [] });
  });

  test('without --remove-fix the fix\'s own probe is an unknown event, named with its line', () => {
    const r = rdsib('trace', 'validate', fixed('fixed-mr-same'), '--spec', spec, '--from', 'kernel');
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/fixed-mr-same\.trace\.txt:\d+: unknown event "flush_dev_mrs"/);
  });

  test('--remove-fix without --from kernel is a usage error', () => {
    const r = rdsib('trace', 'validate', fixed('fixed-mr-same'), '--spec', spec, '--remove-fix');
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/--remove-fix reads kernel traces/);
  });
});
