// Traces from the rxe runs (test/rxe/artifacts/trace-<variant>.ndjson: the device manager on
// the native verbs backend, soft-RoCE devices in a guest) prepared for the refinement map.
//
// The rxe workload runs the driver's actors with d1 = rxe0, d2 = rxe1, devices named by the
// workload (the rxe name is in params.verbs), so the refinement map (spec/refinement.ts) takes the
// logs as they are. (Logs written before b66780a numbered devices by rxe index, rxe0 = 0, which
// collides with NULL in the device-valued variables; none is kept any more.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedModel } from '../../engine/trace/run.js';
import { mapEvents } from '../../engine/trace/run.js';
import type { TraceEvent } from '../../engine/trace/events.js';
import { implMapper } from '../../spec/refinement.js';

type Obj = Record<string, unknown>;

const ARTIFACTS = join(import.meta.dirname, '../rxe/artifacts');

/** The model constants for the rxe workload: two devices, either may be removed (rxe0 is). */
export const RXE_CONSTANTS = { NDEV: '2', NCONN: '2', NMR: '2', REMOVABLE: '{1, 2}', ALLOC_FAIL: 'FALSE' };

export function rxeRaw(variant: string): Obj[] {
  return readFileSync(join(ARTIFACTS, `trace-${variant}.ndjson`), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Obj);
}

/** The rxe trace of `variant` as model events (spec/refinement.ts), without the variables in `omit`. */
export function rxeEvents(model: LoadedModel, variant: string, omit: readonly string[] = []): TraceEvent[] {
  const raw = rxeRaw(variant).map((obj, i) => ({ line: i + 1, obj }));
  return mapEvents(model, raw, `test/rxe/artifacts/trace-${variant}.ndjson`, (all) => {
    const f = implMapper(all, {});
    return (e) => {
      const o = f(e);
      if (!o || omit.length === 0) return o;
      const vars = { ...(o['vars'] as Obj) };
      for (const k of omit) delete vars[k];
      return { ...o, vars };
    };
  });
}
