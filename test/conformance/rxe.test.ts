// The traces kept from the rxe runs (test/rxe/artifacts: the device manager on the native verbs
// backend over soft-RoCE devices, in a guest) validated against the model. How they are made
// fit for the refinement map (device 0 = NULL collision, concurrent adds) is in ./rxe.ts.
import { describe, expect, test } from 'vitest';
import { validateEvents } from '../../engine/trace/run.js';
import type { TraceEvent } from '../../engine/trace/events.js';
import { modelWith, omittedVars, SILENT, silentFor } from './harness.js';
import { RXE_CONSTANTS, rxeEvents, serializeAdds } from './rxe.js';

async function validateRxe(variant: string, model: string, cut?: (e: readonly TraceEvent[]) => TraceEvent[]) {
  const m = await modelWith(model, RXE_CONSTANTS);
  const all = serializeAdds(rxeEvents(m, variant, omittedVars(model)));
  const events = cut ? cut(all) : all;
  return { events, result: validateEvents(m, events, { ...SILENT, silent: [...(SILENT.silent ?? []), ...silentFor(model)] }) };
}

/** The events before module exit begins. */
const beforeExit = (es: readonly TraceEvent[]): TraceEvent[] => es.slice(0, es.findIndex((e) => e.actions[0] === 'ModuleExit_Begin'));

describe('rxe traces against the fixed model (V2)', () => {
  test('V2 on rxe: every event up to module exit is explained (31 model steps: adds, setups, MRs, removal of rxe0, its free)', async () => {
    const { events, result } = await validateRxe('V2', 'V2', beforeExit);
    // 40 model events in the 67-line log (the rest are sub-steps); module exit begins at the 32nd
    expect(events.length).toBe(31);
    expect(result.accepted).toBe(true);
  });

  // Known discrepancy (reported to the rxe workload owner): test/rxe/workload.ts begins module
  // exit while socket 2 still holds MR 2 (FreeMR(2) is logged after ModuleExit_Begin); the model
  // lets rds_ib_exit start only once every socket is closed (every MR idle or done), as rmmod
  // cannot unload rds while a socket holds the module. Replay: test/rxe/artifacts/trace-V2.ndjson.
  test.fails('V2 on rxe: the whole trace is explained', async () => {
    expect((await validateRxe('V2', 'V2')).result.accepted).toBe(true);
  });
  test('V2 on rxe: the only unexplained step is module exit with an MR still mapped', async () => {
    const r = (await validateRxe('V2', 'V2')).result;
    expect(r.rejection?.event.actions).toEqual(['ModuleExit_Begin']);
    expect(r.rejection?.explanations[0]?.reasons.join('\n')).toMatch(/mr_pc\[m\] \\in \{"idle", "done"\}/);
  });

  test('D2 on rxe (setup keeps its lookup reference) is rejected at the first successful setup', async () => {
    const r = (await validateRxe('D2', 'V2')).result;
    expect(r.accepted).toBe(false);
    expect(r.rejection?.event.actions).toEqual(['ConnSetup_AddConn']);
    // the fixed model drops the lookup reference: one fewer than the log on the connection's device
    expect(r.rejection?.explanations[0]?.reasons.join('\n')).toMatch(/refcount: model <<2, 3>>, log <<2, 4>>/);
  });

  test('V0 on rxe (no refcount) is rejected as soon as the fixed model expects add_one\'s put', async () => {
    const r = (await validateRxe('V0', 'V2')).result;
    expect(r.accepted).toBe(false);
    // the second device's AddOne_Alloc: the fixed model's add_one of the first has not ended (no AddOne_Put in V0)
    expect(r.rejection?.event.actions).toEqual(['AddOne_Alloc']);
    expect(r.matched).toBe(3);
  });
});
