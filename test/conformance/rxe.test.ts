// The traces kept from the rxe runs (test/rxe/artifacts: the device manager on the native verbs
// backend over soft-RoCE devices, in a guest) validated against the model. How they are made
// fit for the refinement map (device 0 = NULL collision, concurrent adds) is in ./rxe.ts.
import { describe, expect, test } from 'vitest';
import { validateEvents } from '../../engine/trace/run.js';
import { modelWith, omittedVars, SILENT, silentFor } from './harness.js';
import { RXE_CONSTANTS, rxeEvents } from './rxe.js';

async function validateRxe(variant: string, model: string) {
  const m = await modelWith(model, RXE_CONSTANTS);
  const all = rxeEvents(m, variant, omittedVars(model));
  const events = all;
  return { events, result: validateEvents(m, events, { ...SILENT, silent: [...(SILENT.silent ?? []), ...silentFor(model)] }) };
}

describe('rxe traces against the fixed model (V2)', () => {
  test('V2 on rxe (current format, d1 = rxe0): all 49 events are explained', async () => {
    const { events, result } = await validateRxe('V2', 'V2');
    // 49 lines, each a model action (counted in the file: action = step on every line)
    expect(events.length).toBe(49);
    expect(result.accepted).toBe(true);
  });

  test('V2 on rxe: explained without silent steps too (ConnDrop is logged where rds_conn_drop is called)', async () => {
    const m = await modelWith('V2', RXE_CONSTANTS);
    expect(validateEvents(m, rxeEvents(m, 'V2'), { silent: [] }).accepted).toBe(true);
  });

  // trace-D2 and trace-V0 are in the older format (rxe.ts: devices by rxe index, concurrent adds)
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
