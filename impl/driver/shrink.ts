// Shrinking a failing schedule, so the regression test keeps a short, readable one. Greedy delta
// debugging over the schedule string "<removeAt>:<picks>": a shorter pick string means "pick the
// first runnable task from here on", a '0' means the first runnable task at that step; a change
// is kept when the run still fails with the same kind.
import type { FailureKind } from '../kernel/faults.js';
import type { Granularity } from '../rds/state.js';
import type { VariantName } from '../rds/variant.js';
import { runOnce } from './run.js';
import type { WorkloadName } from './workloads.js';

export async function shrinkSchedule(
  variant: VariantName,
  workload: WorkloadName,
  schedule: string,
  kind: FailureKind,
  granularity: Granularity = 'fine',
): Promise<string> {
  const [r0, p0] = schedule.split(':') as [string, string];
  let removeAt = Number(r0);
  let picks = p0;
  const fails = async (r: number, p: string) =>
    (await runOnce({ variant, workload, schedule: `${r}:${p}`, granularity })).failure?.kind === kind;

  for (let changed = true; changed; ) {
    changed = false;
    // the shortest prefix that still fails
    for (let n = 0; n < picks.length; n++) {
      if (await fails(removeAt, picks.slice(0, n))) {
        picks = picks.slice(0, n);
        changed = true;
        break;
      }
    }
    // every pick as small as it can be
    for (let i = picks.length - 1; i >= 0; i--) {
      for (const c of '0123456789'.slice(0, Number.parseInt(picks[i]!, 36) || 0)) {
        const p = picks.slice(0, i) + c + picks.slice(i + 1);
        if (await fails(removeAt, p)) {
          picks = p;
          changed = true;
          break;
        }
      }
    }
    // the earliest removal
    for (const r of [0, Math.floor(removeAt / 2), removeAt - 1]) {
      if (r >= 0 && r < removeAt && (await fails(r, picks))) {
        removeAt = r;
        changed = true;
        break;
      }
    }
  }
  return `${removeAt}:${picks}`;
}
