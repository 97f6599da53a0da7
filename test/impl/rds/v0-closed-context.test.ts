// Issue #6: V0's early free must show as verbs errors on a closed context. V0's rds_ib_remove_one
// frees the device (and, as the kernel's V0 tears it down, closes its verbs context with whatever
// it still owns) while a connection set up meanwhile still holds a QP on it. With
// continueAfterFault the run records the use-after-free report and goes on, so the later teardown
// of that connection reaches the closed context.
import { describe, expect, it } from 'vitest';
import { runOnce } from '../../../impl/driver/run.js';

// basic workload, seed 9 (replayed as a schedule so it does not depend on the PRNG): c1's setup on
// d1 reads client data before `rdma link delete d1` runs rds_ib_remove_one, which destroys the
// connections then on d1's conn_list (not c1: it is not added yet), frees d1 and closes its
// context. c1's QP was created on d1's PD, so the PD cannot be deallocated first (EBUSY) and the
// forced close destroys the QP under c1. c1 then walks d1's ipaddr_list: the use-after-free report.
// Module exit destroys c1 (rds_ib_destroy_nodev_conns → rds_conn_destroy): ibv_destroy_qp on a QP
// of the closed context → EBADF, in the rmmod task, after the report.
const SCHEDULE = '20:160432020101010110112120210201001100000000001012111100000000';

describe('V0 early free, continuing after the first fault (issue #6)', () => {
  it('records the use-after-free first, then the connection teardown gets EBADF on the closed context', async () => {
    const r = await runOnce({ variant: 'V0', workload: 'basic', schedule: SCHEDULE, continueAfterFault: true });
    expect(r.failure).toMatchObject({ kind: 'use-after-free', task: 'cm:c1' });
    expect(r.failure!.detail).toMatch(/rds_ib_device d1, freed by rdma link delete d1/);
    expect(r.verbsErrors).toContainEqual(expect.objectContaining({ call: 'deallocPd', name: 'EBUSY', errno: 16, task: 'rdma link delete d1' }));
    const ebadf = r.verbsErrors.filter((e) => e.name === 'EBADF');
    expect(ebadf).toEqual([expect.objectContaining({ call: 'destroyQp', errno: 9, task: 'rmmod' })]);
    expect(ebadf[0]!.step).toBeGreaterThan(r.failure!.step);
    expect(r.reports[0]).toEqual(r.failure); // failure stays the first report
  });

  it('by default the run still stops at the first report: no verbs call reaches the closed context', async () => {
    const r = await runOnce({ variant: 'V0', workload: 'basic', schedule: SCHEDULE });
    expect(r.failure).toMatchObject({ kind: 'use-after-free', task: 'cm:c1' });
    expect(r.reports).toHaveLength(1);
    expect(r.verbsErrors.filter((e) => e.name === 'EBADF')).toEqual([]);
  });

  it('a fixed variant on the same workload makes no verbs errors on a closed context', async () => {
    const r = await runOnce({ variant: 'V2', workload: 'basic', seed: 9, continueAfterFault: true });
    expect(r.failure).toBeNull();
    expect(r.verbsErrors.filter((e) => e.name === 'EBADF')).toEqual([]);
  });
});
