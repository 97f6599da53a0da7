// The refinement map from the implementation's trace events (impl/rds/trace.ts, written by
// `rdsib run --trace`) to the model's (tla/RdsIbDevice.tla) generic trace events
// (engine/trace/events.ts): which model action a step is, its parameters, and the model's
// variables as values of the model's types. Hand-written: this is where the implementation's
// representation meets the model's, and the one place to change when either moves.
//
// - Per-device/connection/MR maps `{ "1": x, "2": y }` become TLA+ functions on 1..N, which
//   are sequences (`<<x, y>>`): ITF lists.
// - Devices are renumbered so that the model's device d is the d-th to arrive (the model adds
//   devices in order, AddOne_Alloc); connections and MRs may be renumbered by the caller (the
//   model fixes MR m on connection ((m-1) % NCONN) + 1, a workload may not).
// - `rds_ib_devices` (ascending list) becomes a set; `rds_wq` a sequence of `<<kind, n>>` tuples.
// - Steps the model does not have (sub-steps of one model action, `action: null`) are dropped:
//   the model action is matched at the implementation's step that carries its name.
// - Variables the implementation cannot observe the way the model states them (the RCU reader
//   set: the implementation only counts readers) are left out; the model fills them in.

type Json = unknown;
type Obj = Record<string, Json>;

export interface Renaming {
  /** implementation connection number → model connection number */
  readonly conn?: Readonly<Record<number, number>>;
  /** implementation MR number → model MR number */
  readonly mr?: Readonly<Record<number, number>>;
  /** model sizes, when the model has more connections/MRs than the implementation logs
   *  (the extra ones stay idle: their initial values are filled in) */
  readonly nconn?: number;
  readonly nmr?: number;
}

const DEVICE_VARS = ['ib_device', 'rds_ibdev', 'refcount', 'client_data', 'lists_inited', 'mr_pool', 'ipaddr_list'] as const;
const CONN_VARS = { ic_rds_ibdev: 0, i_cm_id: false } as const;
const MR_VARS = { ibmr_device: 0, fr_state: 'none' } as const;
const DEVICE_VALUED = new Set(['ic_rds_ibdev', 'ibmr_device']);

/** The number in a device identifier: 2, "2", "d2" → 2. */
function idNumber(x: Json): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'string') {
    const m = /(\d+)$/.exec(x);
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}

/** Builds the mapper for one whole trace (devices are numbered by their order of arrival). */
export function implMapper(raw: readonly Obj[], renaming: Renaming = {}): (e: Obj) => Obj | null {
  const arrival: number[] = [];
  for (const e of raw) {
    if (e['action'] !== 'AddOne_Alloc') continue;
    const d = idNumber((e['args'] as Obj | undefined)?.['d']);
    if (d !== undefined && !arrival.includes(d)) arrival.push(d);
  }
  const dev = (d: number): number => {
    const i = arrival.indexOf(d);
    return i >= 0 ? i + 1 : d;
  };
  const conn = (c: number): number => renaming.conn?.[c] ?? c;
  const mr = (m: number): number => renaming.mr?.[m] ?? m;

  /** a map keyed by implementation numbers → a TLA+ function on 1..n in model numbering */
  const asFunction = (o: Json, key: (k: number) => number, n: number | undefined, fill: Json, val: (v: Json) => Json): Json => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return o;
    const m = new Map<number, Json>();
    for (const [k, v] of Object.entries(o)) m.set(key(Number(k)), val(v));
    const size = n ?? Math.max(0, ...m.keys());
    return Array.from({ length: size }, (_, i) => (m.has(i + 1) ? m.get(i + 1) : fill));
  };
  const devValue = (v: Json): Json => (typeof v === 'number' && v !== 0 ? dev(v) : v);

  return (e: Obj): Obj | null => {
    const action = e['action'];
    if (typeof action !== 'string' || e['step'] !== action) return null;
    const vars = (e['vars'] ?? {}) as Obj;
    const out: Obj = {};
    for (const k of DEVICE_VARS) if (k in vars) out[k] = asFunction(vars[k], dev, undefined, undefined, (v) => v);
    for (const [k, fill] of Object.entries(CONN_VARS)) {
      if (k in vars) out[k] = asFunction(vars[k], conn, renaming.nconn, fill, DEVICE_VALUED.has(k) ? devValue : (v) => v);
    }
    for (const [k, fill] of Object.entries(MR_VARS)) {
      if (k in vars) out[k] = asFunction(vars[k], mr, renaming.nmr, fill, DEVICE_VALUED.has(k) ? devValue : (v) => v);
    }
    if (Array.isArray(vars['rds_ib_devices'])) out['rds_ib_devices'] = { '#set': (vars['rds_ib_devices'] as number[]).map(dev) };
    if (Array.isArray(vars['rds_wq'])) {
      out['rds_wq'] = (vars['rds_wq'] as [string, number][]).map(([kind, n]) => ({ '#tup': [kind, kind === 'shutdown' ? conn(n) : dev(n)] }));
    }
    const args = (e['args'] ?? {}) as Obj;
    const params: Obj = {};
    for (const [k, v] of Object.entries(args)) {
      const n = idNumber(v);
      params[k] = k === 'd' && n !== undefined ? dev(n) : k === 'c' && n !== undefined ? conn(n) : k === 'm' && n !== undefined ? mr(n) : v;
    }
    const ts = typeof e['ts'] === 'number' ? e['ts'] : undefined;
    return {
      action,
      params,
      vars: out,
      ...(e['task'] !== undefined ? { task: e['task'] } : {}),
      ...(ts !== undefined ? { start: ts, end: ts } : {}),
    };
  };
}
