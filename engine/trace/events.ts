// Reading implementation traces: NDJSON event logs (one JSON object per line) and ITF traces
// (Apalache ADR-015). Values inside events are ITF-encoded (plain JSON numbers are accepted
// for integers); strings naming the spec's model values decode as model values.
//
// Event line shape (the generic form; implementation-specific logs are mapped to it by a
// refinement map such as spec/refinement.ts):
//   {"action": "GetMR_Lookup", "params": {"m": 1}, "vars": {"refcount": [3, 2]},
//    "task": "sock1", "start": 17, "end": 18}
// - action: the model action the event is (or a list of actions for a composed step, A \cdot B);
//   "Init" for an event that only constrains the initial state
// - params: values of the action's \E-bound parameters (checked where Next splits on them)
// - vars: any subset of the model's variables, as they are after the step
// - task, start, end: for per-task logs (OmniLink-style intervals); optional in a global log
import { readFileSync } from 'node:fs';
import { fromItf } from '../values/itf.js';
import type { Value } from '../values/value.js';
import { TraceFormatError } from './errors.js';

export interface TraceEvent {
  /** 1-based line of the event in its file (the state index for ITF traces) */
  readonly line: number;
  readonly file: string;
  /** the action, or the actions composed in order (A \cdot B) */
  readonly actions: readonly string[];
  readonly params: ReadonlyMap<string, Value>;
  readonly vars: ReadonlyMap<string, Value>;
  readonly task?: string;
  readonly start?: number;
  readonly end?: number;
}

export interface DecodeOptions {
  /** strings that denote model values */
  readonly modelValues?: ReadonlySet<string>;
  /** the spec's variables: a logged variable the spec does not have is an error */
  readonly variables?: readonly string[];
}

function decodeMap(o: unknown, what: string, file: string, line: number, opts: DecodeOptions): Map<string, Value> {
  const m = new Map<string, Value>();
  if (o === undefined || o === null) return m;
  if (typeof o !== 'object' || Array.isArray(o)) throw new TraceFormatError(`"${what}" must be an object`, file, line);
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    try {
      m.set(k, fromItf(v, opts, `${what}.${k}`));
    } catch (err) {
      throw new TraceFormatError((err as Error).message, file, line);
    }
  }
  return m;
}

function optNumber(o: Record<string, unknown>, key: string, file: string, line: number): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TraceFormatError(`"${key}" must be a number`, file, line);
  return v;
}

/** One decoded NDJSON object. */
export function decodeEvent(o: unknown, file: string, line: number, opts: DecodeOptions = {}): TraceEvent {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new TraceFormatError('an event must be a JSON object', file, line);
  const r = o as Record<string, unknown>;
  const a = r['action'];
  const actions = typeof a === 'string' ? [a] : Array.isArray(a) && a.length > 0 && a.every((x) => typeof x === 'string') ? (a as string[]) : undefined;
  if (!actions) throw new TraceFormatError('"action" must be an action name or a non-empty list of names', file, line);
  const vars = decodeMap(r['vars'], 'vars', file, line, opts);
  if (opts.variables) {
    const known = new Set(opts.variables);
    for (const k of vars.keys()) if (!known.has(k)) throw new TraceFormatError(`the spec has no variable "${k}"`, file, line);
  }
  const task = r['task'];
  if (task !== undefined && typeof task !== 'string' && typeof task !== 'number') throw new TraceFormatError('"task" must be a string or number', file, line);
  const start = optNumber(r, 'start', file, line);
  const end = optNumber(r, 'end', file, line);
  if (start !== undefined && end !== undefined && end < start) throw new TraceFormatError(`interval ends (${end}) before it starts (${start})`, file, line);
  return {
    line, file, actions,
    params: decodeMap(r['params'], 'params', file, line, opts),
    vars,
    ...(task !== undefined ? { task: String(task) } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
  };
}

/** Parse NDJSON text; blank lines are skipped, every other line must be an event. */
export function parseNdjson(text: string, file: string, opts: DecodeOptions = {}): TraceEvent[] {
  const out: TraceEvent[] = [];
  text.split('\n').forEach((raw, i) => {
    const s = raw.trim();
    if (s === '') return;
    let o: unknown;
    try {
      o = JSON.parse(s);
    } catch (err) {
      throw new TraceFormatError(`not valid JSON: ${(err as Error).message}`, file, i + 1);
    }
    out.push(decodeEvent(o, file, i + 1, opts));
  });
  return out;
}

/** An ITF trace as a log: state 0 constrains Init, state k (k >= 1) is an event whose action
 *  is `#meta.action` (or `mbt::actionTaken`) when present, any action otherwise. */
export function parseItfTrace(text: string, file: string, opts: DecodeOptions = {}): TraceEvent[] {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (err) {
    throw new TraceFormatError(`not valid JSON: ${(err as Error).message}`, file, 1);
  }
  const states = (o as { states?: unknown }).states;
  if (!Array.isArray(states)) throw new TraceFormatError('an ITF trace needs a "states" array', file, 1);
  return states.map((st, i) => {
    if (typeof st !== 'object' || st === null) throw new TraceFormatError(`state ${i} is not an object`, file, i);
    const { '#meta': meta, 'mbt::actionTaken': taken, ...rest } = st as Record<string, unknown>;
    const metaAction = (meta as { action?: unknown } | undefined)?.action;
    const action = i === 0 ? 'Init' : typeof taken === 'string' ? taken : typeof metaAction === 'string' ? metaAction : ANY_ACTION;
    return { line: i, file, actions: [action], params: new Map(), vars: decodeMap(rest, 'state', file, i, opts) };
  });
}

/** Action name that matches any action (ITF states that do not say which action led to them). */
export const ANY_ACTION = '*';

/** Read a trace file: `.itf.json` / a JSON object with "states" → ITF, otherwise NDJSON. */
export function readTrace(path: string, opts: DecodeOptions = {}): TraceEvent[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new TraceFormatError(`cannot read trace: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, path, 0);
  }
  const head = text.trimStart();
  if (path.endsWith('.itf.json') || (head.startsWith('{') && /^\{\s*"(#meta|vars|states|params)"/.test(head))) return parseItfTrace(text, path, opts);
  return parseNdjson(text, path, opts);
}
