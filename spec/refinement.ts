// The refinement map from the implementation's trace events (impl/rds/trace.ts, written by
// `rdsib run --trace`) to the model's (tla/RdsIbDevice.tla) generic trace events
// (engine/trace/events.ts): which model action a step is, its parameters, and the model's
// variables as values of the model's types. Hand-written: this is where the implementation's
// representation meets the model's, and the one place to change when either moves.
//
// - Per-device/connection/MR maps `{ "1": x, "2": y }` become TLA+ functions on 1..N, which
//   are sequences (`<<x, y>>`): ITF lists.
// - `rds_ib_devices` (ascending list) becomes a set; `rds_wq` a sequence of `<<kind, n>>` tuples.
// - Steps the model does not have (sub-steps of one model action, `action: null`) are dropped:
//   the model action is matched at the implementation's step that carries its name, with the
//   variables logged there.
// - Variables the implementation cannot observe the way the model states them (the RCU reader
//   set: the implementation only counts readers) are left out; the model fills them in.

type Json = unknown;

/** Variables copied as per-index maps → TLA+ functions on 1..N. */
const INDEXED = ['ib_device', 'rds_ibdev', 'refcount', 'client_data', 'lists_inited', 'mr_pool', 'ipaddr_list', 'ic_rds_ibdev', 'i_cm_id', 'ibmr_device', 'fr_state'] as const;

function asFunction(o: Json): Json {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return o;
  const keys = Object.keys(o).map(Number).sort((a, b) => a - b);
  // a function on 1..N is a sequence; keep the map form if the keys are not exactly 1..N
  if (keys.every((k, i) => k === i + 1)) return keys.map((k) => (o as Record<string, Json>)[String(k)]);
  return { '#map': keys.map((k) => [k, (o as Record<string, Json>)[String(k)]]) };
}

/** One raw implementation event → a generic event, or null for steps the model does not have. */
export function mapImplEvent(raw: Record<string, unknown>): Record<string, unknown> | null {
  const action = raw['action'];
  if (typeof action !== 'string' || raw['step'] !== action) return null;
  const vars = (raw['vars'] ?? {}) as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const k of INDEXED) if (k in vars) out[k] = asFunction(vars[k]);
  if (Array.isArray(vars['rds_ib_devices'])) out['rds_ib_devices'] = { '#set': vars['rds_ib_devices'] };
  if (Array.isArray(vars['rds_wq'])) out['rds_wq'] = (vars['rds_wq'] as Json[]).map((w) => ({ '#tup': w }));
  const ts = typeof raw['ts'] === 'number' ? raw['ts'] : undefined;
  return {
    action,
    params: raw['args'] ?? {},
    vars: out,
    ...(raw['task'] !== undefined ? { task: raw['task'] } : {}),
    ...(ts !== undefined ? { start: ts, end: ts } : {}),
  };
}
