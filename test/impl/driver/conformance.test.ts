// Conformance: traces of the implementation at model granularity are explained by the model
// (tla/RdsIbDevice.tla), checked with the engine's trace validator through the refinement map
// (spec/refinement.ts). The model's config is the variant's own MC_*.cfg resized to the workload
// (2 devices, 2 connections, module exit), so the test follows the model as it evolves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel, mapEvents, validateEvents } from '../../../engine/trace/run.js';
import { implMapper } from '../../../spec/refinement.js';
import { runOnce } from '../../../impl/driver/run.js';
import type { WorkloadName } from '../../../impl/driver/workloads.js';
import type { TraceEvent } from '../../../impl/rds/trace.js';
import type { VariantName } from '../../../impl/rds/variant.js';

/** The model's cfg for `base`, with the sizes and switches of our workloads. */
function cfgFor(base: string, nmr: number): string {
  return readFileSync(`tla/${base}`, 'utf8')
    .replace(/NDEV = \d+/, 'NDEV = 2')
    .replace(/NCONN = \d+/, 'NCONN = 2')
    .replace(/NMR = \d+/, `NMR = ${nmr}`)
    .replace(/MODULE_EXIT = \w+/, 'MODULE_EXIT = TRUE')
    .replace(/MR_HELD_ACROSS_REMOVE = \w+/, 'MR_HELD_ACROSS_REMOVE = FALSE')
    .replace(/PEER_DISCONNECT = \w+/, 'PEER_DISCONNECT = TRUE')
    .replace(/PROMPT_WORKER = \w+/, 'PROMPT_WORKER = FALSE');
}

async function validate(variant: VariantName, workload: WorkloadName, cfg: string, seeds: readonly number[]) {
  const model = await loadModel('tla/RdsIbDevice.tla', `tla/impl-${variant}.cfg`, cfg);
  const results = [];
  for (const seed of seeds) {
    const events: TraceEvent[] = [];
    await runOnce({ variant, workload, seed, granularity: 'model', trace: (e) => events.push(e) });
    const raw = events.map((e, i) => ({ line: i + 1, obj: e as unknown as Record<string, unknown> }));
    const mapped = mapEvents(model, raw, `${variant}-seed${seed}`, (all) => implMapper(all));
    const r = validateEvents(model, mapped, { silent: ['ConnDrop'] });
    results.push({ seed, events: events.length, accepted: r.accepted, rejection: r.rejection ? `line ${r.rejection.event.line}` : undefined });
  }
  return results;
}

describe('implementation traces are behaviours of the model', () => {
  it('V2, basic workload: every trace accepted', async () => {
    const rs = await validate('V2', 'basic', cfgFor('MC_V2.cfg', 2), [1, 2, 3, 4]);
    for (const r of rs) expect(r).toMatchObject({ accepted: true });
    expect(rs.every((r) => r.events > 30)).toBe(true);
  }, 60_000);

  it('V3 with the whole fix, MRs on both connections: every trace accepted', async () => {
    const rs = await validate('V3_fixed', 'mr-both', cfgFor('MC_V3_fixed.cfg', 2), [1, 2, 3]);
    for (const r of rs) expect(r).toMatchObject({ accepted: true });
  }, 60_000);

  it('the check can fail: the same V2 trace with one refcount off by one is rejected at that event', async () => {
    const model = await loadModel('tla/RdsIbDevice.tla', 'tla/impl-V2.cfg', cfgFor('MC_V2.cfg', 2));
    const events: TraceEvent[] = [];
    await runOnce({ variant: 'V2', workload: 'basic', seed: 1, granularity: 'model', trace: (e) => events.push(e) });
    const i = events.findIndex((e) => e.action === 'AddOne_SetClientData');
    const bad = events.map((e, j) => (j === i ? { ...e, vars: { ...e.vars, refcount: { ...e.vars.refcount, 1: e.vars.refcount[1]! + 1 } } } : e));
    const raw = bad.map((e, j) => ({ line: j + 1, obj: e as unknown as Record<string, unknown> }));
    const r = validateEvents(model, mapEvents(model, raw, 'bad', (all) => implMapper(all)), { silent: ['ConnDrop'] });
    expect(r.accepted).toBe(false);
    expect(r.rejection?.event.line).toBe(i + 1);
  }, 60_000);
});
