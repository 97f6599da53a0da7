// Properties over arbitrary schedules (not only the PRNG's): fast-check generates the schedule
// string and the removal step, and shrinks a counterexample to a short schedule.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { runOnce } from '../../../impl/driver/run.js';
import { WORKLOAD_NAMES } from '../../../impl/driver/workloads.js';

const PICK = '0123456789abcdefghij';
const schedule = fc.tuple(
  fc.nat({ max: 130 }),
  fc.array(fc.constantFrom(...PICK.split('')), { maxLength: 130 }).map((a) => a.join('')),
);

test.prop([schedule, fc.constantFrom('basic', 'add-fail', 'churn' as const)], { numRuns: 150, seed: 20261127 })(
  'V2 (all fixes): no failure and nothing leaked under any schedule',
  async ([removeAt, picks], workload) => {
    const r = await runOnce({ variant: 'V2', workload, schedule: `${removeAt}:${picks}` });
    expect(r.failure).toBeNull();
  },
);

test.prop([schedule], { numRuns: 100, seed: 20261127 })(
  'every run is deterministic: replaying the schedule it reports gives the same outcome',
  async ([removeAt, picks]) => {
    const a = await runOnce({ variant: 'V1', schedule: `${removeAt}:${picks}` });
    const b = await runOnce({ variant: 'V1', schedule: a.schedule });
    expect(b).toEqual(a);
  },
);

test.prop([fc.constantFrom(...WORKLOAD_NAMES), fc.nat({ max: 1000 })], { numRuns: 60, seed: 7 })(
  'V3 with the whole fix: no failure on any workload',
  async (workload, seed) => {
    const r = await runOnce({ variant: 'V3_fixed', workload, seed });
    expect(r.failure).toBeNull();
  },
);
