// V0 (the kernel before 3e0249f9: no refcount, rds_ib_remove_one frees the device at once)
// against its own model, tla/MC_V0.cfg. V0 is buggy, so conformance here means: every trace is
// explained by the model, and the model's early-free properties (S1 use after free, S9 pool
// lifetime) are violated in exactly the runs where the implementation itself reported a use of
// freed memory — two independent witnesses of the same bug (the implementation's KASAN-style
// reports, impl/kernel/memory.ts; the model's faults, tla/RdsIbDevice.tla).
//
// What the two sides disagreed on before, each settled by V0's net/rds (ib.c, ib_cm.c, ib_rdma.c
// as in kernel-brief.md §3 "V0"; test/conformance/README.md discrepancy 5):
// - rds_ib_setup_qp does not call rds_ib_add_conn; rds_ib_cm_connect_complete reads client data
//   again (ConnComplete_GetClientData), then rds_ib_update_ipaddr, then rds_ib_add_conn;
// - rds_ib_destroy_conns destroys the cm_ids too; rds_ib_destroy_mr_pool flushes with free-all;
//   the device's kfree takes its ipaddr_list head, and leaves rds_ibdev->mr_pool dangling;
// - V0's rds_ib_exit destroys only the connections on ib_nodev_conns.
import { describe, expect, test } from 'vitest';
import { mapEvents, validateEvents } from '../../engine/trace/run.js';
import { runOnce } from '../../impl/driver/run.js';
import { V0_SETUP_RACE, WORKLOAD_NAMES } from '../../impl/driver/workloads.js';
import type { TraceEvent as ImplEvent } from '../../impl/rds/trace.js';
import { conformRun, mapperWithout, modelWith, SILENT, verdict } from './harness.js';
import { RXE_CONSTANTS, rxeEvents, rxeRaw } from './rxe.js';

const SEEDS = 100;

/** The implementation's reports that fall inside the model's steps: rds.ko's rds_conn_exit, which
 *  destroys a connection left on a freed device after rds_ib_exit (the model's last step), is past
 *  the model (impl/rds/ib.ts rdsIbExit). */
function reportedWithinModel(reports: readonly { readonly label: string }[]): boolean {
  return reports.some((r) => r.label !== 'rds_conn_exit');
}

describe('V0 against its own model (MC_V0 sized for the basic workload)', () => {
  test(`${SEEDS} seeded schedules, run on after faults: every trace explained, S1/S9 exactly where the implementation reported a use of freed memory`, async () => {
    const kinds = { clean: 0, bug: 0 };
    for (let seed = 0; seed < SEEDS; seed++) {
      const c = await conformRun({ variant: 'V0', seed, continueAfterFault: true, validate: SILENT });
      expect(c.result.accepted, `V0 seed ${seed}: ${c.result.rejection?.explanations[0]?.reasons.join('; ')}`).toBe(true);
      const v = await verdict(c, 'V0', 'basic');
      if (reportedWithinModel(c.run.reports)) {
        // the model explains the run only through its early-free properties
        expect(v?.kind === 'invariant' ? v.invariant : v?.kind ?? 'conforms', `V0 seed ${seed}`).toMatch(/^S1_NoUseAfterFree$|^S9_PoolLifetime$/);
        kinds.bug++;
      } else {
        expect(v, `V0 seed ${seed}`).toBeNull();
        kinds.clean++;
      }
    }
    // both kinds occur, so neither branch above is vacuous (the removal lands anywhere in the run)
    expect(kinds.bug).toBeGreaterThan(0);
    expect(kinds.clean).toBeGreaterThan(0);
  }, 120_000);

  test('every workload, 30 seeds each: the same (error drops, a failing add_one, MRs held on either device)', async () => {
    for (const workload of WORKLOAD_NAMES) {
      for (let seed = 0; seed < 30; seed++) {
        const c = await conformRun({ variant: 'V0', workload, seed, continueAfterFault: true });
        expect(c.result.accepted, `V0 ${workload} seed ${seed}: ${c.result.rejection?.explanations[0]?.reasons.join('; ')}`).toBe(true);
        const v = await verdict(c, 'V0', workload);
        expect(v !== null, `V0 ${workload} seed ${seed}: model ${v?.kind ?? 'conforms'}, implementation reports ${c.run.reports.map((r) => r.label).join(', ') || 'none'}`).toBe(reportedWithinModel(c.run.reports));
      }
    }
  }, 120_000);

  test('removal injected at every step position of a run (seed 7): the same, wherever the delete lands', async () => {
    const first = await conformRun({ variant: 'V0', seed: 7, continueAfterFault: true, validate: SILENT });
    const kinds = { clean: 0, bug: 0 };
    for (let removeAt = 0; removeAt < first.run.steps + 2; removeAt++) {
      const c = await conformRun({ variant: 'V0', seed: 7, removeAt, continueAfterFault: true, validate: SILENT });
      expect(c.result.accepted, `V0 seed 7 removeAt ${removeAt}`).toBe(true);
      const v = await verdict(c, 'V0', 'basic');
      const bug = reportedWithinModel(c.run.reports);
      expect(v !== null, `V0 seed 7 removeAt ${removeAt}: model ${v?.kind ?? 'conforms'}, implementation reports ${c.run.reports.map((r) => r.label).join(', ') || 'none'}`).toBe(bug);
      kinds[bug ? 'bug' : 'clean']++;
    }
    // an early delete (before any setup reads the client data) is harmless; a racing one is not
    expect(kinds.bug).toBeGreaterThan(0);
    expect(kinds.clean).toBeGreaterThan(0);
  }, 120_000);

  test('the same runs as per-task logs (point and widened intervals) are accepted too', async () => {
    for (let seed = 0; seed < 30; seed++) {
      for (const perTask of ['point', 'since-previous'] as const) {
        const c = await conformRun({ variant: 'V0', seed, continueAfterFault: true, perTask });
        expect(c.result.accepted, `V0 seed ${seed} per-task ${perTask}: ${c.result.rejection?.explanations[0]?.reasons.join('; ')}`).toBe(true);
      }
    }
  }, 120_000);

  test("V0's own steps are exercised: the second client-data read and remove_one's teardown", async () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 10; seed++) {
      const c = await conformRun({ variant: 'V0', seed, continueAfterFault: true, validate: SILENT });
      expect(c.result.accepted).toBe(true);
      for (const [a, n] of c.result.coverage ?? []) if (n > 0) seen.add(a);
    }
    for (const a of ['ConnComplete_GetClientData', 'RemoveOne_V0_DestroyPool', 'RemoveOne_V0_Free']) expect(seen).toContain(a);
    // and none of the refcounted kernels' remove path
    for (const a of ['RemoveOne_ClearClientData', 'RemoveOne_ListDel', 'RemoveOne_Put', 'FreeWork']) expect(seen).not.toContain(a);
  }, 60_000);
});

describe('V0_SETUP_RACE (the schedule replayed on rxe, issue #6) at fine granularity, against MC_V0', () => {
  // The rxe replay is this simulated run event for event (test/rxe/artifacts.test.ts), so this is
  // what a recording of today's implementation on rxe0/rxe1 gives.
  async function replay() {
    const raw: ImplEvent[] = [];
    const run = await runOnce({ ...V0_SETUP_RACE, continueAfterFault: true, trace: (e) => raw.push(e) });
    const m = await modelWith('V0', RXE_CONSTANTS);
    const events = mapEvents(m, raw.map((e, i) => ({ line: i + 1, obj: e as unknown as Record<string, unknown> })), 'V0_SETUP_RACE', mapperWithout({}, []));
    return { raw, run, events, result: validateEvents(m, events, { ...SILENT, invariants: true }) };
  }

  test('is accepted, and reaches S1 at c1\'s ConnComplete (line 21), the first model step on the freed d1', async () => {
    const { raw, run, events, result } = await replay();
    // 42 lines; 9 are sub-steps of a model action or of none (2 ConnSetup_CreateQp, 5 GetDevice_Walk,
    // FreeMR_Begin, ModuleExit_DestroyNodevConns): 33 model events
    expect(raw.length).toBe(42);
    expect(events.length).toBe(33);
    expect(result.accepted).toBe(true);
    // line 16: c1 reads d1's client data (no reference); line 17: remove_one kfrees d1; line 21:
    // c1's rds_ib_add_ipaddr / rds_ib_add_conn on d1. No other property fails before.
    expect(raw[15]).toMatchObject({ task: 'cm:c1', action: 'ConnComplete_GetClientData' });
    expect(raw[16]).toMatchObject({ action: 'RemoveOne_V0_Free', args: { d: 1 } });
    expect(raw[20]).toMatchObject({ task: 'cm:c1', action: 'ConnComplete', args: { c: 1, d: 1 } });
    expect(result.violations?.map((v) => [v.invariant, v.event.line, v.event.actions.join()])).toEqual([['S1_NoUseAfterFree', 21, 'ConnComplete']]);
    expect(result.violations![0]!.violating).toBe(result.violations![0]!.of); // in every explanation
    // the implementation's own first report is inside that same model step: c1's walk of the
    // device list (rds_ib_get_device, a GetDevice_Walk sub-step at line 18) reads the freed d1
    expect(run.failure).toMatchObject({ kind: 'use-after-free', task: 'cm:c1', label: 'GetDevice_Walk' });
  }, 60_000);
});

describe('the kept rxe V0 trace (test/rxe/artifacts/trace-V0.ndjson)', () => {
  test('accepted by the V0 model, reaching S1 at line 21 as the simulated replay does: the real device run reproduces the model\'s V0 counterexample', async () => {
    const m = await modelWith('V0', RXE_CONSTANTS);
    const r = validateEvents(m, rxeEvents(m, 'V0'), { ...SILENT, invariants: true });
    expect(rxeRaw('V0')[15]?.['step']).toBe('ConnComplete_GetClientData'); // recorded with today's V0 paths
    expect(r.accepted).toBe(true);
    expect(r.violations?.map((v) => [v.invariant, v.event.line])).toEqual([['S1_NoUseAfterFree', 21]]);
  }, 60_000);
});
