// What `npm run rxe` accepts for each variant (test/rxe/verdict.mjs), on hand-written result lines
// shaped like guest-conformance.sh's output.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with rxe.sh, no type declarations
import { expected, finish } from './verdict.mjs';

const clean = {
  rxe: true,
  kernel: '6.1.0-56-amd64',
  events: 67,
  removal: 'completed',
  removalSeconds: 1.1,
  deleteStartedAt: 40,
  leaked: { pd: 0, mr: 0, qp: 0, cq: 0 },
  workload: { failure: null, verbsErrors: {}, removalSignal: { device: 'rxe0', generation: 1, cause: 'unregister', atUptime: 40.8 } },
};
const pendingLeak = { ...clean, removal: 'pending', removalSeconds: null, leaked: { pd: 1, mr: 1, qp: 0, cq: 0 }, workload: { ...clean.workload, failure: { kind: 'leak' } } };

describe('rxe verdicts', () => {
  it('accepts a fixed variant only with a completed removal, no leaks, events and no failure report', () => {
    expect(expected('V2', clean)).toBe(true);
    expect(expected('V2', { ...clean, removal: 'pending' })).toBe(false);
    expect(expected('V2', { ...clean, leaked: { pd: 0, mr: 1, qp: 0, cq: 0 } })).toBe(false);
    expect(expected('V2', { ...clean, events: 0 })).toBe(false);
    expect(expected('V3_fixed', { ...clean, workload: { ...clean.workload, failure: { kind: 'deadlock' } } })).toBe(false);
  });

  it('expects D2 to leave the delete pending with a leak report, and nothing else', () => {
    expect(expected('D2', pendingLeak)).toBe(true);
    expect(expected('D2', clean)).toBe(false);
    expect(expected('D2', { ...pendingLeak, workload: { ...pendingLeak.workload, failure: null } })).toBe(false);
  });

  it('expects V0 to be reported as a use-after-free AND to show verbs errors on a closed context (issue #6), the delete completed', () => {
    const uaf = { kind: 'use-after-free', detail: 'rds_ib_get_device reads rds_ibdev->ipaddr_list touches rds_ib_device d1, freed by ...' };
    const v0 = { ...clean, workload: { failure: uaf, verbsErrors: { EBUSY: 1, EBADF: 1 }, replayedSchedule: true } };
    expect(expected('V0', v0)).toBe(true);
    expect(finish('V0', JSON.stringify(v0), 0, 23, 3)).toMatchObject({ closedContextErrors: 1, verdict: 'as-expected' });
    expect(expected('V0', { ...v0, workload: { ...v0.workload, verbsErrors: { EBUSY: 1 } } })).toBe(false);
    expect(expected('V0', { ...v0, workload: { ...v0.workload, failure: null } })).toBe(false);
    expect(expected('V0', { ...v0, workload: { ...v0.workload, failure: { kind: 'deadlock' } } })).toBe(false);
    expect(expected('V0', { ...v0, workload: { ...v0.workload, replayedSchedule: false } })).toBe(false);
    expect(expected('V0', { ...v0, removal: 'pending' })).toBe(false);
    expect(expected('V0', { ...v0, leaked: { pd: 0, mr: 0, qp: 1, cq: 0 } })).toBe(false);
    // the old phased run: remove_one died at the pool-teardown BUG_ON, nothing reached a closed context
    const bug = { kind: 'use-after-free', detail: 'rds_ib_destroy_mr_pool BUG_ON(item_count): 1 MR(s) of d1 still in use' };
    expect(expected('V0', { ...pendingLeak, workload: { failure: bug, verbsErrors: {}, leakedDevices: ['d1:refcount=1'] } })).toBe(false);
    expect(expected('V0', clean)).toBe(false);
  });

  it('turns a missing result into a failed line, naming a host timeout as such', () => {
    expect(finish('V2', '', 124, 240.1, null)).toMatchObject({ rxe: false, error: 'guest killed by the host timeout', verdict: 'unexpected' });
    expect(finish('V2', 'not json', 125, 30, 6)).toMatchObject({ rxe: false, error: 'guest ended without a result (rc 125)' });
  });

  it('adds the delay of the removal signal after the delete started (40.8 - 40 = 0.8 s)', () => {
    expect(finish('V2', JSON.stringify(clean), 0, 55, 6.4)).toMatchObject({ signalSeconds: 0.8, vmSeconds: 55, bootSeconds: 6.4, verdict: 'as-expected' });
  });
});
