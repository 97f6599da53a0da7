// `rdsib check` takes TLC's own command line (engine/cli/tlc-flags.ts): TLC's single-dash options
// are translated, the ones that only tune TLC's machinery are accepted with a note, and the ones
// whose effect is not implemented are refused by name (never silently ignored).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TlcFlagError, translateTlcFlags } from '../../../engine/cli/tlc-flags.js';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/cli');
const rdsib = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/rdsib.js'), ...args], { encoding: 'utf8', cwd: FIXTURES });

describe('translating TLC options', () => {
  it('maps -config, -deadlock, -workers, -difftrace and -dumpTrace to ours, the spec first, our own options with their values', () => {
    const t = translateTlcFlags(['-deadlock', '-workers', 'auto', 'Spec', '-config', 'M.cfg', '-dumpTrace', 'dot', 't.dot', '-difftrace', '--json', '--seed', '3']);
    expect(t.argv).toEqual(['Spec', '--deadlock', '--workers', 'auto', '--config', 'M.cfg', '--dump-trace', 'dot', 't.dot', '--difftrace', '--json', '--seed', '3']);
    // TLC's order puts the spec after -dumpTrace's two values; ours must not read it as a third
    expect(translateTlcFlags(['-dumpTrace', 'dot', 't.dot', 'Spec']).argv).toEqual(['Spec', '--dump-trace', 'dot', 't.dot']);
    expect(translateTlcFlags(['--tlc', 'x/tla2tools.jar', 'Spec']).argv).toEqual(['Spec', '--tlc', 'x/tla2tools.jar']);
    expect(t.notes).toEqual([]);
  });

  it('accepts options that only tune TLC (fingerprint set, checkpoints, metadata) with one note each, and drops their values', () => {
    const t = translateTlcFlags(['-fpmem', '0.5', '-cleanup', '-checkpoint', '0', '-metadir', '/tmp/x', 'Spec']);
    expect(t.argv).toEqual(['Spec']);
    expect(t.notes).toHaveLength(4);
    expect(t.notes[0]).toMatch(/^TLC option -fpmem 0\.5 accepted and has no effect: /);
    expect(t.notes[2]).toMatch(/-checkpoint 0/);
  });

  it('refuses options whose effect is not implemented, by name', () => {
    expect(() => translateTlcFlags(['-generate', 'Spec'])).toThrow(new TlcFlagError('TLC option -generate (random generation) is not supported by rdsib check'));
    expect(() => translateTlcFlags(['-continue', 'Spec'])).toThrow(/-continue \(continuing after a violation\)/);
    expect(() => translateTlcFlags(['-dfid', '3', 'Spec'])).toThrow(/-dfid \(depth-first iterative deepening\)/);
  });

  it('reports a missing value instead of taking the next option as it', () => {
    expect(() => translateTlcFlags(['-config'])).toThrow('TLC option -config needs a value');
    expect(() => translateTlcFlags(['-config', '-deadlock', 'Spec'])).toThrow('TLC option -config needs a value');
    expect(() => translateTlcFlags(['-dumpTrace', 'dot'])).toThrow('TLC option -dumpTrace needs 2 values');
  });
});

describe('rdsib check with a TLC command line', () => {
  it('checks `-workers auto -config DiffTrace.cfg DiffTrace` (module name without .tla) with TLC\'s counts', () => {
    const r = rdsib(['check', '-workers', 'auto', '-config', 'DiffTrace.cfg', 'DiffTrace', '--json']);
    // x: 0 -> 1 -> 2, then y, z change once: 4 states on one path, Inv (y = 0) fails in the 4th
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 'violation', property: 'Inv', distinctStates: 4, generatedStates: 4, depth: 4 });
    expect(r.status).toBe(12);
    expect(r.stderr).toMatch(/--workers auto: searching with one worker/);
  });

  it('-dumpTrace itf FILE before the module name writes the counterexample (4 states)', () => {
    const file = join(tmpdir(), `rdsib-dumptrace-${process.pid}.itf.json`);
    const r = rdsib(['check', '-dumpTrace', 'itf', file, 'DiffTrace']);
    expect(r.status).toBe(12);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { states: unknown[] }).states).toHaveLength(4);
  });

  it('-difftrace prints the first state whole, then only what each step changed', () => {
    const r = rdsib(['check', '-difftrace', 'DiffTrace.tla']);
    const trace = r.stdout.slice(r.stdout.indexOf('State 1:'), r.stdout.indexOf('4 states generated'));
    const states = trace.trim().split(/\n\n/).map((s) => s.split('\n').slice(1));
    expect(states).toEqual([['/\\ x = 0', '/\\ y = 0', '/\\ z = "a"'], ['/\\ x = 1'], ['/\\ x = 2'], ['/\\ y = 1', '/\\ z = "b"']]);
  });

  it('without -difftrace every state is printed whole', () => {
    const r = rdsib(['check', 'DiffTrace.tla']);
    expect(r.stdout).toMatch(/State 4: [^\n]*\n\/\\ x = 2\n\/\\ y = 1\n\/\\ z = "b"\n/);
  });

  it('a refused option is an error on stderr with exit 255, not a stack trace', () => {
    const r = rdsib(['check', '-continue', 'DiffTrace.tla']);
    expect(r.status).toBe(255);
    expect(r.stderr.trim()).toBe('rdsib check: TLC option -continue (continuing after a violation) is not supported by rdsib check');
  });

  it('rejects a number of workers that is not a positive integer or auto', () => {
    const r = rdsib(['check', '-workers', '0', 'DiffTrace.tla']);
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/must be a positive integer or auto/);
  });
});

describe('the library path', () => {
  const SPEC = join(FIXTURES, 'libpath/spec/UsesLib.tla');
  const LIB = join(FIXTURES, 'libpath/lib');
  it('a module found nowhere is a parse error (150) naming where it looked', () => {
    const r = rdsib(['check', SPEC]);
    expect(r.status).toBe(150);
    expect(r.stderr).toMatch(/UsesLib\.tla:2:19: Cannot find source file for module Helper/);
  });

  it('--library DIR and TLC\'s -DTLA-Library=DIR add folders searched after the spec\'s own: x = Twice(3) = 6, one state', () => {
    for (const flag of [['--library', LIB], [`-DTLA-Library=${LIB}`]]) {
      const r = rdsib(['check', ...flag, SPEC, '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ result: 'ok', distinctStates: 1, generatedStates: 2 });
    }
  });
});
