// Trace validation: is there a behaviour of the spec that the log describes? Two log shapes:
// - a global log (a total order of events): the set of model states consistent with the
//   events so far is carried forward event by event (breadth-first over one log, like TLC on
//   a TraceSpec with the log cursor l, anchors.md §2.2);
// - per-task logs with [start, end] intervals: any order consistent with the intervals is
//   allowed (OmniLink's ViablePIDs, anchors.md §2.4), explored depth-first with a memo of
//   (cursors, state) so equal prefixes are not re-explored.
// Between events the model may take declared silent steps (actions no log line records).
import type { State } from '../eval/api.js';
import type { CompiledSpecExt } from '../eval/spec.js';
import type { TraceEvent } from './events.js';
import { explain, type Explanation } from './explain.js';
import { Stepper } from './step.js';
import { stateFingerprint } from '../values/hash.js';

export interface ValidateOptions {
  /** actions the model may take between two events without a log line */
  readonly silent?: readonly string[];
  /** at most this many silent steps between two events (default 3) */
  readonly maxSilent?: number;
  /** give up after this many (state, event) expansions (default 5,000,000) */
  readonly budget?: number;
  /** global logs: evaluate the cfg's INVARIANTS in every consistent state after each event and
   *  report where the log first reaches a violating state (an accepted trace may still show a
   *  bug: the model explains the log and says the state it leads to is wrong) */
  readonly invariants?: boolean;
}

/** An invariant false in some model state consistent with the log up to an event. */
export interface InvariantViolation {
  readonly invariant: string;
  /** the first event after which a consistent state violates it */
  readonly index: number;
  readonly event: TraceEvent;
  /** how many of the consistent states after that event violate it, of how many */
  readonly violating: number;
  readonly of: number;
  /** one violating state (TLC format) */
  readonly state: string;
}

export interface Rejection {
  /** index in the event list and the event itself */
  readonly index: number;
  readonly event: TraceEvent;
  /** model states consistent with everything before the event (TLC format) */
  readonly candidates: readonly string[];
  readonly candidateCount: number;
  /** actions enabled in the first candidates */
  readonly enabled: readonly string[];
  readonly explanations: readonly Explanation[];
}

export interface TraceResult {
  readonly accepted: boolean;
  readonly events: number;
  /** events matched before the verdict (all of them when accepted) */
  readonly matched: number;
  /** (state, event) pairs examined */
  readonly expansions: number;
  /** how often each action explained an event or was taken silently on an accepted path */
  readonly coverage: ReadonlyMap<string, number>;
  readonly rejection?: Rejection;
  /** the budget ran out before a verdict */
  readonly exhausted?: boolean;
  /** global logs, when accepted: the model states consistent with the whole log (so a caller
   *  can ask what the model could still do where the implementation stopped) */
  readonly final?: readonly State[];
  /** with `invariants`: the first violation of each invariant along the log, in log order */
  readonly violations?: readonly InvariantViolation[];
}

/** Model states deduplicated by their exact value: not by spec.fingerprint, which a VIEW or
 *  SYMMETRY coarsens — two states the checker may merge can disagree with a later log line. */
class Frontier {
  readonly states = new Map<string, State>();
  add(s: State): void {
    const k = stateFingerprint(s);
    if (!this.states.has(k)) this.states.set(k, s);
  }
  get size(): number {
    return this.states.size;
  }
  values(): State[] {
    return [...this.states.values()];
  }
}

function initialStates(spec: CompiledSpecExt, stepper: Stepper, first: TraceEvent | undefined): State[] {
  const all = [...spec.initStates()];
  if (first && first.actions.length === 1 && first.actions[0] === 'Init') return all.filter((s) => stepper.matches(s, first.vars));
  return all;
}

/** States reachable from s in 0..maxSilent silent steps. */
function silentClosure(stepper: Stepper, from: readonly State[], opts: ValidateOptions): State[] {
  const silent = opts.silent ?? [];
  if (silent.length === 0) return from.slice();
  const out = new Frontier();
  for (const s of from) out.add(s);
  const pieces = silent.flatMap((n) => stepper.pieces(n, new Map()));
  let layer = from.slice();
  for (let k = 0; k < (opts.maxSilent ?? 3) && layer.length > 0; k++) {
    const next: State[] = [];
    for (const s of layer) {
      for (const st of stepper.successors(s, pieces)) {
        const before = out.size;
        out.add(st.state);
        if (out.size > before) next.push(st.state);
      }
    }
    layer = next;
  }
  return out.values();
}

/** Successors of s that explain event e (all its composed actions in order, vars matched at the end). */
function explainStep(stepper: Stepper, s: State, e: TraceEvent): { state: State; names: string[] }[] {
  let layer: { state: State; names: string[] }[] = [{ state: s, names: [] }];
  e.actions.forEach((name, i) => {
    const pieces = stepper.pieces(name, i === e.actions.length - 1 || e.actions.length === 1 ? e.params : new Map());
    layer = layer.flatMap((x) => stepper.successors(x.state, pieces).map((st) => ({ state: st.state, names: [...x.names, st.action.name ?? 'Action'] })));
  });
  return layer.filter((x) => stepper.matches(x.state, e.vars));
}

function reject(stepper: Stepper, index: number, e: TraceEvent, candidates: readonly State[]): Rejection {
  return {
    index,
    event: e,
    candidateCount: candidates.length,
    candidates: candidates.slice(0, 3).map((s) => stepper.spec.formatState(s)),
    enabled: candidates.length > 0 ? stepper.enabledActions(candidates[0]!) : [],
    explanations: explain(stepper, candidates, e.actions[e.actions.length - 1]!, e.params, e.vars),
  };
}

/** Validate one global log. */
export function validateGlobal(spec: CompiledSpecExt, events: readonly TraceEvent[], opts: ValidateOptions = {}): TraceResult {
  const stepper = new Stepper(spec);
  const coverage = new Map<string, number>();
  let start = 0;
  let frontier = initialStates(spec, stepper, events[0]);
  if (events[0]?.actions[0] === 'Init' && events[0].actions.length === 1) {
    start = 1;
    coverage.set('Init', 1);
    if (frontier.length === 0) return { accepted: false, events: events.length, matched: 0, expansions: 0, coverage, rejection: reject(stepper, 0, events[0], [...spec.initStates()]) };
  }
  let expansions = 0;
  const violations: InvariantViolation[] = [];
  for (let i = start; i < events.length; i++) {
    const e = events[i]!;
    const next = new Frontier();
    const names = new Set<string>();
    const before = silentClosure(stepper, frontier, opts);
    for (const s of before) {
      expansions++;
      for (const x of explainStep(stepper, s, e)) {
        next.add(x.state);
        x.names.forEach((n) => names.add(n));
      }
    }
    if (next.size === 0) return { accepted: false, events: events.length, matched: i, expansions, coverage, rejection: reject(stepper, i, e, before) };
    for (const n of names) coverage.set(n, (coverage.get(n) ?? 0) + 1);
    frontier = next.values();
    if (opts.invariants) noteViolations(spec, i, e, frontier, violations);
    if (expansions > (opts.budget ?? 5_000_000)) return { accepted: false, events: events.length, matched: i + 1, expansions, coverage, exhausted: true };
  }
  return { accepted: true, events: events.length, matched: events.length, expansions, coverage, final: frontier, ...(opts.invariants ? { violations } : {}) };
}

/** Record the invariants first violated by a state consistent with the log up to event i. */
function noteViolations(spec: CompiledSpecExt, i: number, e: TraceEvent, states: readonly State[], out: InvariantViolation[]): void {
  for (const inv of spec.invariants) {
    if (out.some((v) => v.invariant === inv.name)) continue;
    const bad = states.filter((s) => !inv.holds(s));
    if (bad.length > 0) out.push({ invariant: inv.name, index: i, event: e, violating: bad.length, of: states.length, state: spec.formatState(bad[0]!) });
  }
}

/** Validate per-task logs: each task's events in its own order, tasks interleaved in any way
 *  the intervals allow. An event without an interval is treated as [line, line]. */
export function validatePerTask(spec: CompiledSpecExt, logs: ReadonlyMap<string, readonly TraceEvent[]>, opts: ValidateOptions = {}): TraceResult {
  const stepper = new Stepper(spec);
  const tasks = [...logs.keys()];
  const seqs = tasks.map((t) => logs.get(t)!);
  const total = seqs.reduce((n, s) => n + s.length, 0);
  const startOf = (e: TraceEvent): number => e.start ?? e.end ?? e.line;
  const endOf = (e: TraceEvent): number => e.end ?? e.start ?? e.line;
  const budget = opts.budget ?? 5_000_000;
  const seen = new Set<string>();
  const coverage = new Map<string, number>();
  let expansions = 0;
  let best: { matched: number; index: number; event: TraceEvent; states: State[] } | undefined;

  // OmniLink's ViablePIDs: a task may go next unless its next event started after another
  // task's pending event ended (then that other event must come first).
  const viable = (cur: readonly number[]): number[] => {
    const pending = seqs.map((s, k) => s[cur[k]!]);
    const minEnd = Math.min(...pending.filter((e): e is TraceEvent => e !== undefined).map(endOf));
    return tasks.map((_, k) => k).filter((k) => pending[k] !== undefined && startOf(pending[k]!) <= minEnd);
  };

  const path: string[] = [];
  const dfs = (cur: number[], s: State, matched: number): boolean => {
    if (matched === total) return true;
    const key = `${cur.join(',')}|${stateFingerprint(s)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (++expansions > budget) return false;
    const before = silentClosure(stepper, [s], opts);
    for (const k of viable(cur)) {
      const e = seqs[k]![cur[k]!]!;
      let any = false;
      for (const b of before) {
        for (const x of explainStep(stepper, b, e)) {
          any = true;
          const nxt = cur.slice();
          nxt[k]!++;
          path.push(...x.names);
          if (dfs(nxt, x.state, matched + 1)) return true;
          path.length -= x.names.length;
        }
      }
      if (!any && (!best || matched > best.matched)) best = { matched, index: matched, event: e, states: before };
    }
    return false;
  };

  const first = seqs.flat().find((e) => e.actions[0] === 'Init' && e.actions.length === 1);
  for (const s0 of initialStates(spec, stepper, first)) {
    if (dfs(seqs.map((q) => (q[0] === first ? 1 : 0)), s0, first ? 1 : 0)) {
      for (const n of path) coverage.set(n, (coverage.get(n) ?? 0) + 1);
      return { accepted: true, events: total, matched: total, expansions, coverage };
    }
  }
  if (expansions > budget) return { accepted: false, events: total, matched: best?.matched ?? 0, expansions, coverage, exhausted: true };
  const b = best;
  return {
    accepted: false, events: total, matched: b?.matched ?? 0, expansions, coverage,
    ...(b ? { rejection: reject(stepper, b.index, b.event, b.states) } : {}),
  };
}

/** Split a log into per-task logs (events without a task go to task "main"). */
export function byTask(events: readonly TraceEvent[]): Map<string, TraceEvent[]> {
  const m = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const t = e.task ?? 'main';
    const list = m.get(t) ?? [];
    list.push(e);
    m.set(t, list);
  }
  return m;
}
