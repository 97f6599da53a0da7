// Random simulation (rdsib check --simulate, TLC -simulate): walks random behaviours. Expected
// counts follow from each fixture's shape (see the comment at the top of each module).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateTlcFlags } from '../../../engine/cli/tlc-flags.js';

const ROOT = join(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'test/fixtures/cli/sim');
const rdsib = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/rdsib.js'), 'check', ...args], { encoding: 'utf8', cwd: DIR });
const json = (args: string[]) => {
  const r = rdsib([...args, '--json']);
  return { status: r.status, out: JSON.parse(r.stdout) as Record<string, unknown> };
};

describe('rdsib check --simulate', () => {
  it('counts the initial states plus every successor computed: 2 + 3 walks x 6 steps = 20', () => {
    const { status, out } = json(['Cycle.tla', '--simulate', '--num', '3', '--depth', '7', '--seed', '5']);
    expect(status).toBe(0);
    expect(out).toMatchObject({ mode: 'simulate', result: 'ok', generatedStates: 20, traces: 3, seed: 5, aril: 0 });
  });

  it('prints TLC\'s simulation summary: mean trace length 7 with no spread, the seed and aril', () => {
    const r = rdsib(['-simulate', 'num=3', '-depth', '7', '-seed', '5', '-aril', '2', 'Cycle']);
    expect(r.stdout).toMatch(/^Running Random Simulation with seed 5\.$/m);
    expect(r.stdout).toMatch(/^Progress: 20 states checked, 3 traces generated \(trace length: mean=7, var\(x\)=0, sd=0\)$/m);
    expect(r.stdout).toMatch(/^The number of states generated: 20\nSimulation using seed 5 and aril 2$/m);
  });

  it('reports a deadlock at the state without successors (exit 11), trace 0..3', () => {
    const { status, out } = json(['Stop3.tla', '--simulate', '--num', '2', '--depth', '10', '--seed', '1']);
    expect(status).toBe(11);
    expect(out).toMatchObject({ result: 'deadlock', generatedStates: 4 });
    expect((out['trace'] as { x: { '#bigint': string } }[]).map((s) => s.x)).toEqual([{ '#bigint': '0' }, { '#bigint': '1' }, { '#bigint': '2' }, { '#bigint': '3' }]);
  });

  it('with -deadlock a walk just ends there: 1 + 2 walks x 3 successors = 7 states, no error', () => {
    const { status, out } = json(['Stop3.tla', '--simulate', '--num', '2', '--depth', '10', '--seed', '1', '--deadlock']);
    expect(status).toBe(0);
    expect(out).toMatchObject({ result: 'ok', generatedStates: 7, traces: 2 });
  });

  it('finds a violation that each step hits with probability 1/10 (100 walks of 2 steps miss it with probability 0.9^200)', () => {
    const { status, out } = json(['Ten.tla', '--simulate', '--num', '100', '--depth', '3', '--seed', '42']);
    expect(status).toBe(12);
    expect(out).toMatchObject({ result: 'violation', property: 'Inv' });
    const trace = out['trace'] as { x: { '#bigint': string } }[];
    expect(trace.at(-1)!.x).toEqual({ '#bigint': '7' });
    expect(trace.slice(0, -1).every((s) => s.x['#bigint'] !== '7')).toBe(true);
  });

  it('is reproducible from the seed', () => {
    const a = json(['Ten.tla', '--simulate', '--num', '100', '--depth', '3', '--seed', '9']).out;
    const b = json(['Ten.tla', '--simulate', '--num', '100', '--depth', '3', '--seed', '9']).out;
    expect(a).toEqual(b);
  });

  it('refuses state dumps, which belong to the exhaustive search', () => {
    const r = rdsib(['Cycle.tla', '--simulate', '--num', '1', '--dump-states', '/tmp/never.dump']);
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/do not apply to --simulate/);
  });

  it('rejects a depth that is not a positive integer', () => {
    const r = rdsib(['Cycle.tla', '--simulate', '--depth', '0']);
    expect(r.status).toBe(255);
    expect(r.stderr).toMatch(/--depth 0: expected an integer >= 1/);
  });
});

describe('TLC\'s -simulate options', () => {
  it('num=N becomes --num N; stats and sched are accepted with a note; file= is refused', () => {
    expect(translateTlcFlags(['-simulate', 'num=5', 'Spec']).argv).toEqual(['Spec', '--simulate', '--num', '5']);
    expect(translateTlcFlags(['-simulate', 'Spec']).argv).toEqual(['Spec', '--simulate']);
    const t = translateTlcFlags(['-simulate', 'num=2,stats=full', '-depth', '4', '-seed', '3', 'Spec']);
    expect(t.argv).toEqual(['Spec', '--simulate', '--num', '2', '--depth', '4', '--seed', '3']);
    expect(t.notes).toEqual([expect.stringMatching(/^TLC option -simulate stats=full accepted and has no effect/)]);
    expect(() => translateTlcFlags(['-simulate', 'num=2,file=t', 'Spec'])).toThrow(/file=.*not supported/);
  });
});
