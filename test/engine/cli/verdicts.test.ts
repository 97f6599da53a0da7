// The verdict table `npm start` prints: one row per tla/MC_*.cfg.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictRows, verdictTable } from '../../../engine/cli/commands/verdicts.js';

describe('verdict table', () => {
  it('aligns one row per configuration, blank cells where a config could not be checked', () => {
    const table = verdictTable([
      { config: 'MC_V0.cfg', result: 'violation', property: 'NoUseAfterFree', traceLength: 7, distinct: 1234, generated: 5000, depth: 7, ms: 1500 },
      { config: 'MC_V2.cfg', result: 'error', property: 'tla/MC_V2.cfg:3:1: the keyword INIT appeared twice', traceLength: undefined, distinct: undefined, generated: undefined, depth: undefined, ms: 40 },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| config {4}\| result {4}\| violated property +\| trace \| distinct \| generated \| depth \| time \|$/);
    expect(lines[2]).toMatch(/^\| MC_V0\.cfg \| violation \| NoUseAfterFree +\| 7 +\| 1234 +\| 5000 +\| 7 +\| 1\.5s \|$/);
    expect(lines[3]).toMatch(/^\| MC_V2\.cfg \| error +\| tla\/MC_V2\.cfg:3:1: the keyword INIT appeared twice \| +\| +\| +\| +\| 0\.0s \|$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it('adds an expected column when expected-verdicts.json lists the configs', () => {
    const row = { traceLength: 3, distinct: 3, generated: 3, depth: 3, ms: 0 };
    const lines = verdictTable([
      { config: 'MC_A.cfg', result: 'violation', property: 'S1', ...row, expected: { result: 'violation', property: 'S1', matches: true } },
      { config: 'MC_B.cfg', result: 'ok', property: '', ...row, expected: { result: 'violation', property: 'S4', matches: false } },
    ]).split('\n');
    expect(lines[0]).toMatch(/\| expected +\|$/);
    expect(lines[2]).toMatch(/\| as expected +\|$/);
    expect(lines[3]).toMatch(/\| EXPECTED violation S4 \|$/);
  });

  it('reports a configuration that cannot be parsed as an error row, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdsib-verdicts-'));
    writeFileSync(join(dir, 'RdsIbDevice.tla'), '---- MODULE RdsIbDevice ----\nVARIABLE x\nInit == x = 0\nNext == x\' = x\n====\n');
    writeFileSync(join(dir, 'MC_A.cfg'), 'INIT Init INIT Init\n');
    writeFileSync(join(dir, 'MC_B.cfg'), 'NEXT Next NEXT Next\n');
    const rows = await verdictRows(dir);
    expect(rows.map((r) => [r.config, r.result, r.property])).toEqual([
      ['MC_A.cfg', 'error', `${join(dir, 'MC_A.cfg')}:1:11: the keyword INIT appeared twice`],
      ['MC_B.cfg', 'error', `${join(dir, 'MC_B.cfg')}:1:11: the keyword NEXT appeared twice`],
    ]);
  });
});
