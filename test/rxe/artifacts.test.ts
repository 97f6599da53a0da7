// The kept rxe trace (test/rxe/artifacts/trace-V2.ndjson, written by `npm run rxe`: the V2 device
// manager on native verbs over rxe0/rxe1 in the guest, rxe0 deleted under traffic) has the shape
// of a simulated run's model-granularity trace: devices numbered by workload name (d1 = rxe0 → 1,
// d2 = rxe1 → 2; test/rxe/workload.ts BACKEND), the rxe name in params.verbs, and it validates
// against tla/RdsIbDevice.tla (MC_V2 sized for the basic workload) event for event, with no
// silent steps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapEvents, validateEvents } from '../../engine/trace/run.js';
import { runOnce } from '../../impl/driver/run.js';
import type { TraceEvent } from '../../impl/rds/trace.js';
import { V0_SETUP_RACE } from '../../impl/driver/workloads.js';
import { mapperWithout, modelFor } from '../conformance/harness.js';

const FILE = join(import.meta.dirname, 'artifacts/trace-V2.ndjson');
type Raw = { action: string | null; params: Record<string, unknown>; args: Record<string, unknown>; vars: { refcount: Record<string, number> } };
const raw = readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Raw);

describe('the kept rxe V2 trace', () => {
  it('numbers devices by workload name, never 0, and names the rxe device in params.verbs', () => {
    const onDevice = raw.filter((e) => typeof e.params['d'] === 'string');
    expect(onDevice.length).toBeGreaterThan(10);
    for (const e of onDevice) {
      expect(e.args['d']).toBe(e.params['d'] === 'd1' ? 1 : 2);
      expect(e.params['verbs']).toBe(e.params['d'] === 'd1' ? 'rxe0' : 'rxe1');
    }
    for (const e of raw) expect(Object.keys(e.vars.refcount).sort()).toEqual(['1', '2']);
  });

  it('logs the peer disconnect as ConnDrop of c2 (c1 went down with rxe0)', () => {
    expect(raw.filter((e) => e.action === 'ConnDrop').map((e) => e.args['c'])).toEqual([2]);
  });

  it('validates against the model with no silent steps: every event explained', async () => {
    const model = await modelFor('V2', 'basic');
    const events = mapEvents(model, raw.map((obj, i) => ({ line: i + 1, obj: obj as unknown as Record<string, unknown> })), FILE, mapperWithout({}, []));
    const result = validateEvents(model, events);
    expect(result.accepted).toBe(true);
    expect(result.matched).toBe(raw.length);
  }, 60_000);
});

describe('the kept trace of rdsib run --verbs native on rxe (guest-run-native.sh V2 4)', () => {
  const NATIVE = join(import.meta.dirname, 'artifacts/trace-run-native-V2.ndjson');
  const native = readFileSync(NATIVE, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as TraceEvent);

  it('is the simulated run of the same seed event for event, but for the rxe names in params.verbs', async () => {
    // the scheduler decides every interleaving, and both backends succeed at every verb here, so
    // the device manager takes the same steps on real devices as on simulated ones
    const sim: TraceEvent[] = [];
    await runOnce({ variant: 'V2', seed: 4, granularity: 'model', trace: (e) => sim.push(e) });
    const withoutBackend = (e: TraceEvent): TraceEvent => ({ ...e, params: Object.fromEntries(Object.entries(e.params).filter(([k]) => k !== 'verbs')) });
    expect(native.map(withoutBackend)).toEqual(sim);
    expect(new Set(native.filter((e) => e.params['d'] === 'd1').map((e) => e.params['verbs']))).toEqual(new Set(['rxe0']));
    expect(new Set(native.filter((e) => e.params['d'] === 'd2').map((e) => e.params['verbs']))).toEqual(new Set(['rxe1']));
  });
});

describe('the kept rxe V0 trace (V0_SETUP_RACE replayed on rxe0/rxe1, the delete waiting for the real removal signal)', () => {
  const V0 = join(import.meta.dirname, 'artifacts/trace-V0.ndjson');
  const rxe = readFileSync(V0, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as TraceEvent);
  const summary = readFileSync(join(import.meta.dirname, 'artifacts/workload-V0.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { event: string; verbsErrorCalls?: { call: string; name: string; task: string; step: number }[]; failure?: { step: number } })
    .find((e) => e.event === 'done')!;

  it('is the simulated replay of the same schedule event for event (the real signal only delays the delete step)', async () => {
    const sim: TraceEvent[] = [];
    await runOnce({ ...V0_SETUP_RACE, continueAfterFault: true, trace: (e) => sim.push(e) });
    const withoutBackend = (e: TraceEvent): TraceEvent => ({ ...e, params: Object.fromEntries(Object.entries(e.params).filter(([k]) => k !== 'verbs')) });
    expect(rxe.map(withoutBackend)).toEqual(sim);
  });

  it('shows the early free as verbs errors on rxe: the PD busy at the free, then EBADF on the closed context after the report', () => {
    expect(summary.verbsErrorCalls!.map((e) => `${e.task}: ${e.call} ${e.name}`)).toEqual(['rdma link delete d1: deallocPd EBUSY', 'rmmod: destroyQp EBADF']);
    expect(summary.verbsErrorCalls![1]!.step).toBeGreaterThan(summary.failure!.step);
  });
});
