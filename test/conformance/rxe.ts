// Traces from the rxe runs (test/rxe/artifacts/trace-<variant>.ndjson: the device manager on
// the native verbs backend, soft-RoCE devices in a guest) prepared for the refinement map.
//
// Two formats. Current (trace-V2 since b66780a): the rxe workload runs the driver's actors with
// d1 = rxe0, d2 = rxe1, devices named by the workload (the rxe name is in params.verbs): the
// refinement map takes it as it is. Older (trace-D2, trace-V0), described below:
//
// What the refinement map needs that those logs do not give: the logs number devices by rxe
// index (rxe0 = 0), and 0 is also NULL in the device-valued variables `ic_rds_ibdev` and
// `ibmr_device`, so a connection on rxe0 cannot be told from one with no device. Device ids are
// shifted here (rxeN -> N + 1) wherever they are keys or named ids; the two device-valued
// variables are left out (the model fills them in, constrained by every other variable). A
// renumbered log (devices from 1) would let them be compared too.
//
// Numbering for the model: rxe1 arrives first in these runs, so it is the model's device 1; the
// workload's connection 1 is on rxe0 (the model's device 2), and the model puts connection c on
// device ((c-1) % NDEV) + 1 and MR m on connection m: connections and MRs 1 and 2 swap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedModel } from '../../engine/trace/run.js';
import { mapEvents } from '../../engine/trace/run.js';
import type { TraceEvent } from '../../engine/trace/events.js';
import { implMapper, type Renaming } from '../../spec/refinement.js';

type Obj = Record<string, unknown>;

const ARTIFACTS = join(import.meta.dirname, '../rxe/artifacts');
const DEVICE_KEYED = ['ib_device', 'rds_ibdev', 'refcount', 'client_data', 'lists_inited', 'mr_pool', 'ipaddr_list'];
const AMBIGUOUS = ['ic_rds_ibdev', 'ibmr_device'];

/** rxeN -> dN+1 */
const shiftId = (x: unknown): unknown => {
  const m = typeof x === 'string' ? /^rxe(\d+)$/.exec(x) : null;
  return m ? `d${Number(m[1]) + 1}` : x;
};

/** One raw rxe event with device ids shifted off 0 and the ambiguous variables dropped. */
export function shiftRxe(e: Obj): Obj {
  const vars: Obj = { ...(e['vars'] as Obj) };
  for (const k of DEVICE_KEYED) {
    const o = vars[k];
    if (o && typeof o === 'object' && !Array.isArray(o)) vars[k] = Object.fromEntries(Object.entries(o).map(([d, v]) => [String(Number(d) + 1), v]));
  }
  if (Array.isArray(vars['rds_ib_devices'])) vars['rds_ib_devices'] = (vars['rds_ib_devices'] as number[]).map((d) => d + 1);
  if (Array.isArray(vars['rds_wq'])) vars['rds_wq'] = (vars['rds_wq'] as [string, number][]).map(([kind, n]) => [kind, kind === 'shutdown' ? n : n + 1]);
  for (const k of AMBIGUOUS) delete vars[k];
  const args = Object.fromEntries(Object.entries((e['args'] ?? {}) as Obj).map(([k, v]) => [k, k === 'd' ? shiftId(v) : v]));
  return { ...e, args, vars };
}

export const RXE_RENAMING: Renaming = { conn: { 1: 2, 2: 1 }, mr: { 1: 2, 2: 1 } };

/** The model constants for the rxe workload: two devices, either may be removed (rxe0 is). */
export const RXE_CONSTANTS = { NDEV: '2', NCONN: '2', NMR: '2', REMOVABLE: '{1, 2}', ALLOC_FAIL: 'FALSE' };

export function rxeRaw(variant: string): Obj[] {
  return readFileSync(join(ARTIFACTS, `trace-${variant}.ndjson`), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Obj);
}

/** An older-format log: devices named by rxe index. */
export function isRxeIndexed(raw: readonly Obj[]): boolean {
  return raw.some((e) => typeof (e['args'] as Obj | undefined)?.['d'] === 'string' && /^rxe\d+$/.test((e['args'] as Obj)['d'] as string));
}

/** The rxe trace of `variant` as model events: older logs through the shift above and
 *  serializeAdds, current ones as they are; then spec/refinement.ts. */
export function rxeEvents(model: LoadedModel, variant: string, omit: readonly string[] = []): TraceEvent[] {
  const all = rxeRaw(variant);
  const old = isRxeIndexed(all);
  const raw = all.map((obj, i) => ({ line: i + 1, obj: old ? shiftRxe(obj) : obj }));
  const events = mapEvents(model, raw, `test/rxe/artifacts/trace-${variant}.ndjson`, (all) => {
    const f = implMapper(all, old ? RXE_RENAMING : {});
    return (e) => {
      const o = f(e);
      if (!o || omit.length === 0) return o;
      const vars = { ...(o['vars'] as Obj) };
      for (const k of omit) delete vars[k];
      return { ...o, vars };
    };
  });
  return old ? serializeAdds(events) : events;
}

/** On rxe the IB core adds the two devices concurrently (one `ib_core:add(rxeN)` task each, as
 *  ib_register_device of two devices may run at once in the kernel), while the model's IB core
 *  (core_pc) adds one device at a time. The adds touch disjoint per-device state, apart from
 *  `rds_ib_devices` (a set in the model), so their end state is the same in either order: the
 *  leading run of AddOne_* events is put in the model's order (device by device, as they first
 *  arrived) and only its last event keeps the logged variables (the state once both adds are
 *  done); every later event is validated as logged. */
export function serializeAdds(events: readonly TraceEvent[]): TraceEvent[] {
  let n = 0;
  while (n < events.length && events[n]!.actions.every((a) => a.startsWith('AddOne_'))) n++;
  if (n === 0) return events.slice();
  const prefix = events.slice(0, n);
  const devOf = (e: TraceEvent): string => String(e.params.get('d') && JSON.stringify(e.params.get('d')));
  const order: string[] = [];
  for (const e of prefix) if (!order.includes(devOf(e))) order.push(devOf(e));
  const serial: TraceEvent[] = order.flatMap((d) => prefix.filter((e) => devOf(e) === d)).map((e) => ({ ...e, vars: new Map() }));
  serial[n - 1] = { ...serial[n - 1]!, vars: prefix[n - 1]!.vars };
  return [...serial, ...events.slice(n)];
}
