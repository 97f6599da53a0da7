// What a trace says about devices and model steps, whatever the backend calls the devices:
// devices are numbered by their workload name (d1 → 1), the backend's name is kept in
// params.verbs; every shutdown queued on rds_wq is queued by a logged model step (ConnDrop, or
// one of the removal steps that drop connections), so validation needs no silent steps; and the
// flush walk picks a device that is listed when it picks it (list_for_each_entry, not a snapshot).
import { describe, expect, it } from 'vitest';
import { runOnce } from '../../../impl/driver/run.js';
import type { TraceEvent } from '../../../impl/rds/trace.js';
import type { VariantName } from '../../../impl/rds/variant.js';
import { SimVerbs } from '../../../impl/verbs/sim/sim.js';

async function modelTrace(variant: VariantName, seed: number, o: Partial<Parameters<typeof runOnce>[0]> = {}) {
  const events: TraceEvent[] = [];
  const r = await runOnce({ variant, seed, granularity: 'model', ...o, trace: (e) => events.push(e) });
  return { r, events };
}

function backend(): SimVerbs {
  const verbs = new SimVerbs();
  verbs.addDevice('rxe0');
  verbs.addDevice('rxe1');
  return verbs;
}

describe('device numbering on a backend with its own names', () => {
  for (const [mapping, names] of [
    ['d1=rxe0, d2=rxe1', { d1: 'rxe0', d2: 'rxe1' }],
    ['d1=rxe1, d2=rxe0 (swapped)', { d1: 'rxe1', d2: 'rxe0' }],
  ] as const) {
    it(`${mapping}: devices are 1 and 2 by workload name, never 0 (NULL); params.verbs names the backend device`, async () => {
      const { r, events } = await modelTrace('V2', 4, { verbs: backend(), deviceNames: names });
      expect(r.failure).toBeNull();
      const onDevice = events.filter((e) => typeof e.params.d === 'string');
      expect(onDevice.length).toBeGreaterThan(10);
      for (const e of onDevice) {
        const d = e.params.d as 'd1' | 'd2';
        expect(e.args.d).toBe(d === 'd1' ? 1 : 2);
        expect(e.params.verbs).toBe(names[d]);
        expect(e.args).not.toHaveProperty('verbs'); // the model has no such parameter
      }
      for (const e of events) {
        expect(Object.keys(e.vars.refcount).sort()).toEqual(['1', '2']);
        // c1 is on d1 and m1 on c1 (workloads.ts basic): a non-NULL device pointer is 1 or 2
        for (const v of [...Object.values(e.vars.ic_rds_ibdev), ...Object.values(e.vars.ibmr_device)]) expect([0, 1, 2]).toContain(v);
      }
      const firstMap = events.find((e) => e.action === 'GetMR_Map' && e.args.m === 1);
      expect(firstMap?.vars.ibmr_device[1]).toBe(1);
    });
  }

  it('on the simulated backend with workload names, params carry no backend name', async () => {
    const { events } = await modelTrace('V2', 4);
    expect(events.some((e) => 'verbs' in e.params)).toBe(false);
  });
});

/** The steps of the model that queue a connection's shutdown (tla/ACTIONS.md: rds_wq changes
 *  with a "shutdown" item only in these). */
const QUEUES_SHUTDOWN = new Set(['ConnDrop', 'RemoveOne_Begin', 'RemoveOne_Redrop', 'CmaRemoveOne_DeviceRemoval']);
const shutdowns = (e: TraceEvent | undefined) => (e ? e.vars.rds_wq.filter(([k]) => k === 'shutdown').map(([, c]) => c) : []);

describe('ConnDrop is logged where rds_conn_drop is called', () => {
  for (const variant of ['V2', 'V3_fixed', 'V1'] as const) {
    it(`${variant}, 40 seeds: every shutdown that appears on rds_wq was queued by ConnDrop or a removal step`, async () => {
      let drops = 0;
      for (let seed = 0; seed < 40; seed++) {
        const { events } = await modelTrace(variant, seed);
        for (const [i, e] of events.entries()) {
          const fresh = shutdowns(e).filter((c) => !shutdowns(events[i - 1]).includes(c));
          if (fresh.length > 0) expect(QUEUES_SHUTDOWN, `seed ${seed} event ${e.seq} ${e.step}`).toContain(e.action);
          if (e.action === 'ConnDrop') {
            drops++;
            expect(fresh).toEqual([e.args.c]); // it queues exactly its own connection's shutdown
          }
        }
      }
      // the peer of a connection that shuts down sees DISCONNECTED: some runs drop it that way
      expect(drops).toBeGreaterThan(0);
    });
  }

  it('the peer drop is a step of the shutdown worker, after the connection it follows went down', async () => {
    const { events } = await modelTrace('V2', 4);
    const drop = events.find((e) => e.action === 'ConnDrop');
    expect(drop).toMatchObject({ task: 'rds_wq', args: { c: 2 } });
    expect(shutdowns(drop)).toEqual([1, 2]); // c1's shutdown runs at the head, c2's queued behind it
  });
});

describe('rds_ib_flush_mrs walks the list as it is at each step', () => {
  it('V1 (no lock), 80 seeds: FlushMRs_Next picks a device on rds_ib_devices, FlushMRs_Pool flushes that one', async () => {
    for (let seed = 0; seed < 80; seed++) {
      const { events } = await modelTrace('V1', seed);
      const picked = new Map<string, unknown>();
      for (const e of events) {
        if (e.action === 'FlushMRs_Next') {
          expect(e.vars.rds_ib_devices, `seed ${seed} event ${e.seq}`).toContain(e.args.d);
          picked.set(String(e.args.m), e.args.d);
        }
        if (e.action === 'FlushMRs_Pool') expect(e.args.d).toBe(picked.get(String(e.args.m)));
      }
    }
  });
});

describe('the waiting shutdown flushes its pool only when an MR on it is dirty (V3_fixed, shutdown_flush)', () => {
  it('300 seeds: each ConnShutdown_FlushPool follows a state with a dirty MR of its device, and cleans it', async () => {
    // tla/ACTIONS.md ConnShutdown_FlushPool; before the fix a socket's own flush could clean the
    // pool while the worker waited to run (seeds 61 and 240 of this loop)
    let flushes = 0;
    for (let seed = 0; seed < 300; seed++) {
      const { events } = await modelTrace('V3_fixed', seed);
      for (const [i, e] of events.entries()) {
        if (e.action !== 'ConnShutdown_FlushPool') continue;
        flushes++;
        const before = events[i - 1]!.vars;
        const dirty = Object.keys(before.fr_state).filter((m) => before.fr_state[Number(m)] === 'dirty' && before.ibmr_device[Number(m)] === e.args.d);
        expect(dirty.length, `seed ${seed} event ${e.seq}`).toBeGreaterThan(0);
        for (const m of dirty) expect(e.vars.fr_state[Number(m)]).toBe('clean');
      }
    }
    expect(flushes).toBeGreaterThan(0);
  });
});
