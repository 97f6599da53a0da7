// The traces kept from the rxe runs (test/rxe/artifacts: the device manager on the native verbs
// backend over soft-RoCE devices, in a guest) validated against the model. How they are made
// fit for the refinement map is in ./rxe.ts.
import { describe, expect, test } from 'vitest';
import { validateEvents } from '../../engine/trace/run.js';
import { modelWith, SILENT } from './harness.js';
import { RXE_CONSTANTS, rxeEvents } from './rxe.js';

async function validateRxe(variant: string, model: string) {
  const m = await modelWith(model, RXE_CONSTANTS);
  const all = rxeEvents(m, variant);
  const events = all;
  return { events, result: validateEvents(m, events, SILENT) };
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

  // trace-D2: the phased workload with D2, rxe0 deleted under traffic; the delete stays pending
  test('D2 on rxe (setup keeps its lookup reference) is rejected at the first successful setup', async () => {
    const r = (await validateRxe('D2', 'V2')).result;
    expect(r.accepted).toBe(false);
    expect(r.rejection?.event.actions).toEqual(['ConnSetup_AddConn']);
    // the fixed model drops the lookup reference: one fewer than the log on the connection's device
    // d1: list + client-data references (2), the lookup's (3), add_conn's (4); the fixed model's setup then puts the lookup's
    expect(r.rejection?.explanations[0]?.reasons.join('\n')).toMatch(/ConnSetup_AddConn\(c = 1\).*refcount: model <<3, 2>>, log <<4, 2>>/);
  });

  // trace-V0 (current format) is the V0_SETUP_RACE replay on rxe (impl/driver/workloads.ts, issue #6)
  test('V0 on rxe (no refcount) is rejected at its first event: the fixed model\'s kref_init gives d1 a count of 1, V0 has none', async () => {
    const r = (await validateRxe('V0', 'V2')).result;
    expect(r.accepted).toBe(false);
    expect(r.matched).toBe(0);
    expect(r.rejection?.event.actions).toEqual(['AddOne_Alloc']);
    expect(r.rejection?.explanations[0]?.reasons.join('\n')).toMatch(/refcount: model <<1, 0>>, log <<0, 0>>/);
  });
});
