// Action coverage: which model actions the accepted traces exercised. Each accepted event is
// explained by one named action; the union over many runs of every workload shows which of
// the model's actions the implementation's schedules reach, and which never (and why).
import { describe, expect, test } from 'vitest';
import { WORKLOAD_NAMES } from '../../impl/driver/workloads.js';
import type { VariantName } from '../../impl/rds/variant.js';
import { conformRun, modelActions } from './harness.js';

async function covered(variant: VariantName, model: string, seeds: number): Promise<{ actions: Set<string>; accepted: number; runs: number }> {
  const actions = new Set<string>();
  let accepted = 0;
  let runs = 0;
  for (const workload of WORKLOAD_NAMES) {
    for (let seed = 0; seed < seeds; seed++) {
      const c = await conformRun({ variant, model, workload, seed });
      runs++;
      if (!c.result.accepted) continue;
      accepted++;
      for (const a of c.result.coverage.keys()) actions.add(a);
    }
  }
  return { actions, accepted, runs };
}

/** The actions of the v2 kernel's paths (tla/ACTIONS.md): everything but V0's remove path and its
 *  connect_complete's second client-data read, the
 *  v3-only steps (IB device deallocation, cma's DEVICE_REMOVAL, the proposed fix's waits and
 *  flush) and Terminating (the model's stutter, never a logged step). */
const V2_ACTIONS = [
  'AddOne_Alloc', 'AddOne_ListAdd', 'AddOne_SetClientData', 'AddOne_Put',
  'RemoveOne_Begin', 'RemoveOne_ClearClientData', 'RemoveOne_ListDel', 'RemoveOne_SyncRcu', 'RemoveOne_Put',
  'ModuleExit_Begin', 'ModuleExit_FlushWq',
  'ConnSetup_GetClientData', 'ConnSetup_DevGet', 'ConnSetup_AddConn', 'ConnComplete', 'ConnDrop',
  'ConnShutdown_DestroyQp', 'ConnShutdown_RemoveConn',
  'GetMR_Lookup', 'GetMR_Map', 'FreeMR', 'FlushMRs_Begin', 'FlushMRs_Next', 'FlushMRs_Pool', 'FlushMRs_End',
  'FreeWork', 'FlushWorker',
].sort();

describe('action coverage of accepted traces', () => {
  test('V2 on every workload (10 seeds each): every v2 action is exercised', async () => {
    const { actions, accepted, runs } = await covered('V2', 'V2', 10);
    expect(accepted).toBe(runs);
    expect([...actions].sort()).toEqual(V2_ACTIONS);
    // ConnDrop is logged only for the churn workload's error; a peer's drop is taken silently
    // (harness.ts SILENT), so it still counts only where it was logged.
  });

  test('the actions no V2 trace can exercise are exactly the V0, v3 and stutter ones', async () => {
    const all = await modelActions('V2', 'basic');
    expect(all.filter((a) => !V2_ACTIONS.includes(a)).sort()).toEqual(
      ['CmaRemoveOne_DeviceRemoval', 'ConnComplete_GetClientData', 'ConnShutdown_FlushPool', 'IbUnregister_Dealloc', 'RemoveOne_Redrop', 'RemoveOne_V0_DestroyPool', 'RemoveOne_V0_Free', 'RemoveOne_WaitFree', 'Terminating'].filter((a) => all.includes(a)).sort(),
    );
  });
});
