// Each historical bug, reproduced by the implementation with its variant switched on. The
// expected failure kind comes from the kernel history (shared/design/kernel-brief.md §5,
// rds-kernel-trace.md §5), not from our own output. The schedules were found by seeded search
// (`rdsib run --variant V --search N --kind K`) and shrunk with impl/driver/shrink.ts; they are
// kept as regression tests ("<removeAt>:<picks>", replayed exactly).
import { describe, expect, it } from 'vitest';
import { runOnce, search } from '../../../impl/driver/run.js';
import type { TraceEvent } from '../../../impl/rds/trace.js';
import type { VariantName } from '../../../impl/rds/variant.js';

async function traced(variant: VariantName, o: { schedule?: string; seed?: number }) {
  const events: TraceEvent[] = [];
  const r = await runOnce({ variant, ...o, trace: (e) => events.push(e) });
  return { r, events };
}
const steps = (events: TraceEvent[]) => events.map((e) => `${e.task}:${e.step}`);

describe('historical bugs, replayed from their shrunk schedules', () => {
  it('V0 (no refcount): a connection touches the device remove_one freed under it (use-after-free)', async () => {
    const { r, events } = await traced('V0', { schedule: '0:22010110100000001012002' });
    expect(r.failure).toMatchObject({ kind: 'use-after-free' });
    expect(r.failure?.detail).toContain('freed by rdma link delete d1');
    expect(steps(events)).toContain('rdma link delete d1:RemoveOne_V0_Free');
  });

  it('V0: connection setup reads client data without a reference and uses the PD of the device remove_one freed', async () => {
    // the model's MC_V0 story: ConnSetup_GetClientData, RemoveOne_Begin, RemoveOne_V0_Free, setup uses d
    const { r, events } = await traced('V0', { schedule: '14:7530111000000001200221210' });
    expect(r.failure).toMatchObject({ kind: 'use-after-free', task: 'cm:c1', label: 'ConnSetup_CreateQp' });
    expect(r.failure?.detail).toContain('rds_ib_setup_qp uses rds_ibdev->pd');
    const order = ['cm:c1:ConnSetup_GetClientData', 'rdma link delete d1:RemoveOne_Begin', 'rdma link delete d1:RemoveOne_V0_Free'].map((x) => steps(events).indexOf(x));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('V1 with flush_wq teardown: free_work flushes rds_wq from rds_wq itself (self-deadlock)', async () => {
    const r = await runOnce({ variant: 'V1_flushwq', schedule: '0:' });
    expect(r.failure).toMatchObject({ kind: 'deadlock', task: 'rds_wq', label: 'FreeWork_DestroyPool' });
    expect(r.failure?.detail).toContain('flush_workqueue(rds_wq) from its own worker');
  });

  it('V1 (unprotected list): the get_mr list walk increments a device whose last reference is gone', async () => {
    const r = await runOnce({ variant: 'V1', schedule: '0:201003100000000000000000000000000002002000030330003' });
    expect(r.failure?.kind).toBe('use-after-free');
    expect(r.failure?.label).toMatch(/^(GetDevice_Walk|GetMR_Map)$/);
    // d1 is freed (or its count is 0) while the walk, outside any RCU section, still holds it
    expect(r.failure?.detail).toMatch(/rds_ib_get_device.*d1/);
  });

  it('D1: add_one fails its allocation and rds_ib_dev_free walks the uninitialised ipaddr_list', async () => {
    const r = await runOnce({ variant: 'D1', schedule: '0:' });
    expect(r.failure).toMatchObject({ kind: 'uninitialised', task: 'rds_wq', label: 'FreeWork_FreeIpaddrs' });
    expect(r.failure?.detail).toContain('ipaddr_list of d2');
  });

  it('D2: setup_qp leaks its lookup reference, so the device is never freed after removal and exit', async () => {
    const r = await runOnce({ variant: 'D2', schedule: '0:' });
    // d2 had one connection set up: 1 leaked reference; d1 likewise (both removed by exit)
    expect(r.failure).toMatchObject({ kind: 'leak' });
    expect(r.failure?.detail).toMatch(/d[12] never freed .* refcount 1$/);
  });

  it('V3_mr_same: the MR on the removed device is never invalidated, so rdma link delete never returns', async () => {
    const r = await runOnce({ variant: 'V3_mr_same', schedule: '0:3330000100011010111011111110001002023' });
    expect(r.failure?.kind).toBe('deadlock');
    // rds-kernel-trace.md §5 (C): the shutdown worker polls i_fastreg_inuse_count forever and
    // cma_remove_one waits for the connection's cm_id.
    expect(r.failure?.detail).toContain('rds_wq waits for i_fastreg_inuse_count of c1 to reach 0');
    expect(r.failure?.detail).toContain('cma_remove_one');
  });

  it("V3_mr_other: free_work queued behind the other connection's blocked shutdown runs after the ib_device is gone", async () => {
    const { r, events } = await traced('V3_mr_other', { seed: 12956 }) // found by seeded search once ConnDrop became a step of its own;
    expect(r.failure).toMatchObject({ kind: 'use-after-free', task: 'rds_wq', label: 'FreeWork_DeallocPd' });
    expect(r.failure?.detail).toContain('touches ib_device d1');
    // the mechanism of rds-kernel-trace.md §5 (B): c2's shutdown waits for the MR while
    // free_work(d1) sits behind it on the ordered rds_wq, and the ib_device is deallocated first
    const wait = events.findIndex((e) => e.step === 'ConnShutdown_WaitMRs' && e.params.c === 'c2' && e.vars.fr_state[1] === 'inuse');
    expect(wait).toBeGreaterThanOrEqual(0);
    expect(events[wait]!.vars.rds_wq).toContainEqual(['free_work', 1]);
    const dealloc = events.findIndex((e) => e.step === 'IbUnregister_Dealloc');
    const free = events.findIndex((e) => e.step === 'FreeWork_Begin' && e.params.d === 'd1');
    expect(wait).toBeLessThan(free);
    expect(dealloc).toBeLessThan(free);
  });
});

describe('D3: V2-shaped module exit', () => {
  it('rds_ib_exit returns while free_work is still queued on rds_wq (a connection torn down during or after the flush dropped the last reference)', async () => {
    // kernel-brief §5 D3: V3 added the second flush_workqueue(rds_wq) to rds_ib_exit for this;
    // flush_workqueue does not wait for work queued while it runs.
    const r = await runOnce({ variant: 'V2_exit', schedule: '64:010011000000000000000000000000000000000000000000000000000000000000001001110110110101100000000010011' });
    expect(r.failure).toMatchObject({ kind: 'use-after-free', task: 'rmmod' });
    expect(r.failure?.detail).toMatch(/free_work\(d[12]\) still on rds_wq \(D3\)/);
    const fixed = await runOnce({ variant: 'V2', schedule: '64:010011000000000000000000000000000000000000000000000000000000000000001001110110110101100000000010011' });
    expect(fixed.failure).toBeNull();
  });
});

describe('search finds each bug within a few hundred seeds', () => {
  // Budgets are generous multiples of what the search needed when the tests were written.
  const cases: [VariantName, 'use-after-free' | 'deadlock' | 'uninitialised' | 'leak', number][] = [
    ['V0', 'use-after-free', 200],
    ['V1_flushwq', 'deadlock', 20],
    ['V1', 'use-after-free', 2000],
    ['D1', 'uninitialised', 20],
    ['D2', 'leak', 20],
    ['V3_mr_same', 'deadlock', 500],
    ['V3_mr_other', 'use-after-free', 200],
  ];
  for (const [variant, kind, budget] of cases) {
    it(`${variant}: ${kind}`, async () => {
      const r = await search(variant, budget, { kind });
      expect(r.failure?.kind).toBe(kind);
      // the reported schedule replays the same failure
      const again = await runOnce({ variant, schedule: r.failure!.schedule });
      expect(again.failure?.kind).toBe(kind);
    });
  }
});

describe('fixed kernels', () => {
  it('V2 (all fixes): 300 random schedules with removal injected anywhere — no failure, nothing leaked', async () => {
    // the ≥ 10,000-schedule run is bench/impl.bench.ts
    const r = await search('V2', 300);
    expect(r).toMatchObject({ runs: 300, failure: null });
  });

  it('V3 race (B) exists even when the application frees with RDS_RDMA_INVALIDATE (V3_mr_inval)', async () => {
    // rds-kernel-trace.md §5: "Even without an MR this is a race": rdma_destroy_id comes before
    // rds_ib_remove_conn's put, so cma_remove_one can return and the ib_device be deallocated
    // before free_work runs.
    const r = await search('V3_mr_inval', 200, { kind: 'use-after-free' });
    expect(r.failure?.detail).toContain('touches ib_device d1');
  });

  it("the fix without part 3 (V3_fixed_noredrop) deadlocks when a connection attaches after remove_one's dev_shutdown", async () => {
    // c1 takes its lookup reference before RemoveOne_Begin and joins conn_list after the walk;
    // its drop would come from cma_remove_one, which runs only after remove_one — which now
    // waits for rds_ib_dev_free, which waits for c1's reference.
    const { r, events } = await traced('V3_fixed_noredrop', { schedule: '0:3333000010100002000201012' });
    expect(r.failure?.kind).toBe('deadlock');
    expect(r.failure?.detail).toContain('waits for rds_ib_dev_free(d1) (wait_for_completion)');
    const begin = events.findIndex((e) => e.step === 'RemoveOne_Begin');
    const devGet = events.findIndex((e) => e.step === 'ConnSetup_DevGet' && e.params.c === 'c1');
    const addConn = events.findIndex((e) => e.step === 'ConnSetup_AddConn' && e.params.c === 'c1');
    expect(devGet).toBeLessThan(begin);
    expect(addConn).toBeGreaterThan(begin);
  });

  it('the whole fix (V3_fixed, with part 3 RemoveOne_Redrop): no deadlock on that schedule, none on any V3 workload', async () => {
    const same = await runOnce({ variant: 'V3_fixed', schedule: '0:3333000010100002000201012' });
    expect(same.failure).toBeNull();
    for (const workload of ['mr-same', 'mr-other', 'mr-both'] as const) {
      const r = await search('V3_fixed', 150, { workload });
      expect(r).toMatchObject({ runs: 150, failure: null });
    }
  });
});
