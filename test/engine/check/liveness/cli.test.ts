// `rdsib check` on a liveness violation: TLC's exit code 13, its messages in the text output,
// and the JSON fields (result "liveness", the property, the lasso's loop).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const spec = join(here, 'specs', 'Stutter.tla');
const cfg = join(here, 'specs', 'StutterReach.cfg');

function rdsib(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'engine/cli/main.ts'), 'check', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('rdsib check on a temporal property that fails', () => {
  it('--json: result liveness, the property, the trace and where the lasso loops; exit 13', () => {
    // Stutter under Spec (no fairness): x = 0 forever violates <>(x = 1) (specs.test.ts)
    const r = rdsib(spec, '--config', cfg, '--json');
    expect(r.code).toBe(13);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j).toMatchObject({ result: 'liveness', property: 'Reach', distinctStates: 2, generatedStates: 2, depth: 2, loop: 'stuttering', exitCode: 13 });
    expect((j.trace as unknown[]).length).toBe(1);
  }, 60_000);

  it('text: TLC\'s announcement of the temporal check, its error and the stuttering end', () => {
    const r = rdsib(spec, '--config', cfg);
    expect(r.code).toBe(13);
    expect(r.out).toMatch(/^Checking temporal properties for the complete state space with 2 total distinct states at \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)$/m);
    expect(r.out).toMatch(/^Finished checking temporal properties in \d\ds at /m);
    expect(r.out).toContain('Error: Temporal properties were violated.');
    expect(r.out).toContain('State 2: Stuttering');
  }, 60_000);
});
