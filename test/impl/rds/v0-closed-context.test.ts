// Issue #6: V0's early free must show as verbs errors on a closed context. V0's rds_ib_remove_one
// frees the device (and, as the kernel's V0 tears it down, closes its verbs context with whatever
// it still owns) while a connection set up meanwhile still holds a QP on it. With
// continueAfterFault the run records the use-after-free report and goes on, so the later teardown
// of that connection reaches the closed context.
import { describe, expect, it } from 'vitest';
import { runOnce } from '../../../impl/driver/run.js';
import { V0_SETUP_RACE } from '../../../impl/driver/workloads.js';

// The race and why it ends in EBADF: V0_SETUP_RACE in impl/driver/workloads.ts.
const { schedule: SCHEDULE } = V0_SETUP_RACE;

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

  it('waiting for a (slow) removal signal inside the delete step changes nothing: the rxe replay of this schedule relies on it', async () => {
    const plain = await runOnce({ variant: 'V0', workload: 'basic', schedule: SCHEDULE, continueAfterFault: true });
    const waited: string[] = [];
    const slow = await runOnce({
      variant: 'V0',
      workload: 'basic',
      schedule: SCHEDULE,
      continueAfterFault: true,
      removalSignal: async (device) => {
        waited.push(device);
        await new Promise((r) => setTimeout(r, 50));
      },
    });
    expect(waited).toEqual(['d1']);
    expect(slow.schedule).toBe(plain.schedule);
    expect(slow.reports).toEqual(plain.reports);
    expect(slow.verbsErrors).toEqual(plain.verbsErrors);
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
