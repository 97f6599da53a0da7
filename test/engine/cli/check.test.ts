// The `rdsib check` command as a user runs it (spawned through bin/rdsib.js): TLC's exit codes,
// `file:line:col: message` on stderr for bad input, and the shape of `--json`. Kept few:
// spawning costs about a second each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'rdsib.js');
const dir = mkdtempSync(join(tmpdir(), 'rdsib-cli-'));

function rdsib(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

// x goes 0, 1, 2, 3 and stops; Inv says x < 3: the violation is at x = 3, after 4 states.
const counter = file(
  'Counter.tla',
  ['---- MODULE Counter ----', 'EXTENDS Naturals', 'VARIABLE x', 'Init == x = 0', "Next == x < 3 /\\ x' = x + 1", 'Inv == x < 3', '===='].join('\n') + '\n',
);
file('Counter.cfg', 'INIT Init\nNEXT Next\nINVARIANT Inv\n');

describe('rdsib check: bad input', () => {
  it('a syntax error in the spec: exit 150, file:line:col on stderr, one JSON object on stdout', () => {
    const bad = file('Bad.tla', '---- MODULE Bad ----\nVARIABLE x\nInit == x = = 0\n====\n');
    const r = rdsib('check', bad, '--json');
    expect(r.code).toBe(150);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.]/g, '\\.')}:3:\\d+: `));
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ result: 'error', distinctStates: 0, generatedStates: 0, depth: 0, error: { file: bad, line: 3 } });
  });

  it('a keyword given twice in the cfg: exit 151 at the second keyword', () => {
    const cfg = file('Twice.cfg', 'INIT Init\nNEXT Next\n  NEXT Next\n');
    const r = rdsib('check', counter, '--config', cfg);
    expect(r.code).toBe(151);
    expect(r.stderr.trim()).toBe(`${cfg}:3:3: the keyword NEXT appeared twice`);
    expect(r.stdout).toBe('');
  });
});

describe('rdsib check: a real search', () => {
  it('an invariant violation: exit 12, the JSON verdict with the trace, and --dump-trace itf writes it', () => {
    const itf = join(dir, 'trace.itf.json');
    const r = rdsib('check', counter, '--json', '--dump-trace', 'itf', itf);
    expect(r.code).toBe(12);
    const j = JSON.parse(r.stdout);
    // 4 states 0..3, each generated once; depth 4; trace 0, 1, 2, 3.
    expect(j).toMatchObject({ result: 'violation', property: 'Inv', distinctStates: 4, generatedStates: 4, depth: 4 });
    expect(j.trace.map((s: { x: unknown }) => s.x)).toEqual([0, 1, 2, 3].map((n) => ({ '#bigint': String(n) })));
    const dumped = JSON.parse(readFileSync(itf, 'utf8'));
    expect(dumped.vars).toEqual(['x']);
    expect(dumped.states.map((s: { x: unknown }) => s.x)).toEqual(j.trace.map((s: { x: unknown }) => s.x));
  });

  it('without the invariant it deadlocks at x = 3 (exit 11), and --deadlock turns that off (exit 0)', () => {
    const cfg = file('NoInv.cfg', 'INIT Init\nNEXT Next\n');
    const r = rdsib('check', counter, '--config', cfg);
    expect(r.code).toBe(11);
    expect(r.stdout).toContain('Error: Deadlock reached.');
    expect(r.stdout).toContain('4 states generated, 4 distinct states found, 0 states left on queue.');
    expect(rdsib('check', counter, '--config', cfg, '--deadlock').code).toBe(0);
  });
});
