// Conformance harness: run the implementation (impl/driver) under a seeded schedule with
// model-granularity tracing, map its events through the refinement map (spec/refinement.ts) and
// validate them against the model (engine/trace), with the model's constants set to the
// workload's sizes. Shared by the conformance tests and the conformance benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOnce, type RunOutcome } from '../../impl/driver/run.js';
import { DEFAULT_WORKLOAD, type WorkloadName } from '../../impl/driver/workloads.js';
import type { VariantName } from '../../impl/rds/variant.js';
import type { TraceEvent as ImplEvent } from '../../impl/rds/trace.js';
import { loadModel, mapEvents, validateEvents, type LoadedModel, type RawMapper } from '../../engine/trace/run.js';
import type { TraceResult, ValidateOptions } from '../../engine/trace/validate.js';
import { Stepper } from '../../engine/trace/step.js';
import type { TraceEvent } from '../../engine/trace/events.js';
import { implMapper, type Renaming } from '../../spec/refinement.js';

const ROOT = join(import.meta.dirname, '../..');
export const SPEC = join(ROOT, 'tla/RdsIbDevice.tla');

/** The model constants and renaming that make the model's objects the workload's objects.
 *  Constants are chosen permissive where the workload does not pin them (any free context, no
 *  timing assumption), since conformance asks only that the model allows what the code did. */
export const WORKLOAD_MODEL: { readonly [W in WorkloadName]: { readonly constants: Readonly<Record<string, string>>; readonly renaming: Renaming } } = {
  basic: { constants: { NDEV: '2', NCONN: '2', NMR: '2', REMOVABLE: '{1}', ALLOC_FAIL: 'FALSE' }, renaming: {} },
  churn: { constants: { NDEV: '2', NCONN: '2', NMR: '2', REMOVABLE: '{1}', ALLOC_FAIL: 'FALSE' }, renaming: {} },
  'add-fail': { constants: { NDEV: '2', NCONN: '2', NMR: '1', REMOVABLE: '{1}', ALLOC_FAIL: 'TRUE' }, renaming: {} },
  'mr-same': { constants: { NDEV: '2', NCONN: '2', NMR: '1', REMOVABLE: '{1}', ALLOC_FAIL: 'FALSE' }, renaming: {} },
  // the workload's only MR is on c2; the model's MR 1 is on c1, so it becomes the model's MR 2
  'mr-other': { constants: { NDEV: '2', NCONN: '2', NMR: '2', REMOVABLE: '{1}', ALLOC_FAIL: 'FALSE' }, renaming: { mr: { 1: 2 }, nmr: 2 } },
  'mr-both': { constants: { NDEV: '2', NCONN: '2', NMR: '2', REMOVABLE: '{1}', ALLOC_FAIL: 'FALSE' }, renaming: {} },
};

const PERMISSIVE = { MODULE_EXIT: 'TRUE', MR_FREE_CTX: '{"process", "irq"}', MR_HELD_ACROSS_REMOVE: 'FALSE', PROMPT_WORKER: 'FALSE' };
/** Set where the cfg has them (constants added to the model later): the implementation drops a
 *  connection when its peer's disconnect arrives, logged inside the peer's shutdown step, and
 *  the churn workload drops one on an error, so the model must allow a drop at any time. */
const PERMISSIVE_IF_PRESENT = { PEER_DISCONNECT: 'TRUE' };

/** Replace the values of CONSTANTS entries `NAME = ...` in cfg text. */
export function withConstants(cfg: string, values: Readonly<Record<string, string>>): string {
  let out = cfg;
  for (const [k, v] of Object.entries(values)) {
    const re = new RegExp(`^(\\s*${k}\\s*=).*$`, 'm');
    if (!re.test(out)) throw new Error(`cfg has no constant ${k}`);
    out = out.replace(re, `$1 ${v}`);
  }
  return out;
}

/** The last model compiled. Only one at a time: compiling a spec starts fresh value tables
 *  (engine/eval/intern-order.ts, as each TLC run does), after which values of an earlier model
 *  no longer compare correctly with new ones — a second cached model would silently corrupt
 *  the first (found here: V1 traces "rejected" against V2 after V3_fixed was loaded). */
let current: { readonly key: string; readonly model: Promise<LoadedModel> } | undefined;

/** The model of `modelVariant` (tla/MC_<modelVariant>.cfg) with the permissive constants and `constants`. */
export function modelWith(modelVariant: string, constants: Readonly<Record<string, string>>): Promise<LoadedModel> {
  const key = `${modelVariant}/${JSON.stringify(constants)}`;
  if (current?.key !== key) {
    const cfgPath = join(ROOT, `tla/MC_${modelVariant}.cfg`);
    const cfg = readFileSync(cfgPath, 'utf8');
    const present = Object.fromEntries(Object.entries(PERMISSIVE_IF_PRESENT).filter(([k]) => new RegExp(`^\\s*${k}\\s*=`, 'm').test(cfg)));
    current = { key, model: loadModel(SPEC, cfgPath, withConstants(cfg, { ...PERMISSIVE, ...present, ...constants })) };
  }
  return current.model;
}

/** The model of `modelVariant` sized for `workload`. */
export function modelFor(modelVariant: string, workload: WorkloadName): Promise<LoadedModel> {
  return modelWith(modelVariant, WORKLOAD_MODEL[workload].constants);
}

/** Actions the implementation takes without logging them as model steps: `rds_conn_drop` is
 *  queued inside another step (the peer's disconnect, an error) and not logged on its own. */
export const SILENT: ValidateOptions = { silent: ['ConnDrop'], maxSilent: 2 };

export interface Conformance {
  readonly run: RunOutcome;
  readonly events: readonly TraceEvent[];
  readonly result: TraceResult;
  /** time spent validating (not running the implementation or mapping), for throughput */
  readonly validateMs: number;
}

/** Run `variant` with `seed` and validate its trace against the model of `modelVariant`. */
export async function conform(variant: VariantName, seed: number, modelVariant: string = variant, opts: ValidateOptions = SILENT): Promise<Conformance> {
  return conformRun({ variant, seed, model: modelVariant, validate: opts });
}

/** How a run's per-task log gets its intervals. `point`: [ts, ts], the scheduler step at which
 *  the event's atomic step ended (the true order, up to ties). `since-previous`: [p + 1, ts]
 *  with p the end of the same task's previous event, i.e. only "it happened after my previous
 *  step and by ts", like a log whose clock readings bracket each step: many more orders are
 *  allowed and the validator must find one that the model explains. */
export type Intervals = 'point' | 'since-previous';

export interface ConformOptions {
  readonly variant: VariantName;
  /** the model variant: tla/MC_<model>.cfg (default: the variant's own) */
  readonly model?: string;
  readonly seed?: number;
  readonly removeAt?: number;
  /** replay "<removeAt>:<picks>" instead of a seed */
  readonly schedule?: string;
  readonly workload?: WorkloadName;
  readonly validate?: ValidateOptions;
  /** validate the per-task logs instead of the global order */
  readonly perTask?: Intervals;
  /** keep running after a fault report (runOnce's continueAfterFault): a V0 run's early free is
   *  the model's own S1, so the run goes on to the end and the whole trace is validated, the
   *  faulting step included, instead of stopping half-way through that step */
  readonly continueAfterFault?: boolean;
}

/** The refinement map of spec/refinement.ts with some variables left out (the model fills them in). */
export function mapperWithout(renaming: Renaming, omit: readonly string[]): RawMapper {
  return (all) => {
    const f = implMapper(all, renaming);
    if (omit.length === 0) return f;
    return (e) => {
      const o = f(e);
      if (!o) return o;
      const vars = { ...(o['vars'] as Record<string, unknown>) };
      for (const k of omit) delete vars[k];
      return { ...o, vars };
    };
  };
}

/** Re-time the mapped events of one run for per-task validation (see Intervals). */
export function withIntervals(events: readonly TraceEvent[], mode: Intervals): TraceEvent[] {
  if (mode === 'point') return events.slice();
  const last = new Map<string, number>();
  return events.map((e) => {
    const t = e.task ?? 'main';
    const end = e.end ?? e.line;
    const start = (last.get(t) ?? 0) + 1;
    last.set(t, end);
    return { ...e, start: Math.min(start, end), end };
  });
}

export async function conformRun(o: ConformOptions): Promise<Conformance> {
  const workload = o.workload ?? DEFAULT_WORKLOAD[o.variant];
  const modelVariant = o.model ?? o.variant;
  const raw: ImplEvent[] = [];
  const run = await runOnce({
    variant: o.variant, workload, granularity: 'model', trace: (e) => raw.push(e),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.removeAt !== undefined ? { removeAt: o.removeAt } : {}),
    ...(o.schedule !== undefined ? { schedule: o.schedule } : {}),
    ...(o.continueAfterFault ? { continueAfterFault: true } : {}),
  });
  const model = await modelFor(modelVariant, workload);
  const lines = raw.map((e, i) => ({ line: i + 1, obj: e as unknown as Record<string, unknown> }));
  const label = o.schedule !== undefined ? `${o.variant}@${o.schedule}` : `${o.variant}#${o.seed ?? 0}${o.removeAt !== undefined ? `@${o.removeAt}` : ''}`;
  const mapped = mapEvents(model, lines, label, mapperWithout(WORKLOAD_MODEL[workload].renaming, []));
  const events = o.perTask ? withIntervals(mapped, o.perTask) : mapped;
  const base = o.validate ?? SILENT;
  const vopts = { ...base, ...(o.perTask ? { perTask: true } : {}) };
  const t0 = performance.now();
  const result = validateEvents(model, events, vopts);
  return { run, events, result, validateMs: performance.now() - t0 };
}

/** Why a run counts against conformance to a model, or null if it conforms:
 *  - `rejected`: no behaviour of the model explains the trace;
 *  - `invariant`: the trace is explained, but only by states violating one of the model's
 *    invariants (possible only when the model itself is buggy);
 *  - `stuck`: the implementation deadlocked (every task blocked) where every model state
 *    consistent with the trace can still take a step other than `Terminating` (the model's
 *    stutter between operations): the model says the system goes on, the code did not. */
export type Verdict =
  | { readonly kind: 'rejected'; readonly action: string; readonly line: number }
  | { readonly kind: 'invariant'; readonly invariant: string }
  | { readonly kind: 'stuck'; readonly enabled: readonly string[] }
  | { readonly kind: 'exhausted' };

export async function verdict(c: Conformance, modelVariant: string, workload: WorkloadName): Promise<Verdict | null> {
  const r = c.result;
  if (r.exhausted) return { kind: 'exhausted' };
  if (!r.accepted) {
    const e = r.rejection?.event;
    return { kind: 'rejected', action: e ? e.actions.join(' \\cdot ') : '?', line: e?.line ?? 0 };
  }
  const { spec } = await modelFor(modelVariant, workload);
  const final = r.final ?? [];
  for (const inv of spec.invariants) {
    if (final.length > 0 && final.every((s) => !inv.holds(s))) return { kind: 'invariant', invariant: inv.name };
  }
  if (c.run.failure?.kind === 'deadlock' && final.length > 0) {
    const stepper = new Stepper(spec);
    const moves = final.map((s) => stepper.enabledActions(s).filter((a) => !a.startsWith('Terminating')));
    if (moves.every((m) => m.length > 0)) return { kind: 'stuck', enabled: moves[0]! };
  }
  return null;
}

/** The model's action names (Next's disjuncts as TLC splits them, without parameters). */
export async function modelActions(modelVariant: string, workload: WorkloadName): Promise<string[]> {
  const { spec } = await modelFor(modelVariant, workload);
  return [...new Set(spec.actions.map((a) => a.name ?? 'Action'))];
}

/** Discrepancies between the model and the implementation found by these tests and reported to
 *  their owners (test/conformance/README.md), recognised by the rejected action and the
 *  conjunct that failed, each with a replayable schedule. Tests accept a run that shows one of
 *  these and nothing else, and keep a `test.fails` replay of each, so a fix shows up as a
 *  test to update rather than going unnoticed. */
export const KNOWN_DISCREPANCIES: Readonly<Record<string, { readonly variant: VariantName; readonly schedule: string; readonly action: string; readonly conjunct: string }>> = {
  // none left. Resolved: 'setup-after-remove-begin' (V2 schedule 0:00000000002238, seeds 335
  // and 413): the model required ib_device[d] = "registered" for ConnSetup_GetClientData and the
  // implementation failed a setup on an unregistering device, whereas rds_ib_remove_one runs
  // before cma's remove_one and client data stays set until RemoveOne_ClearClientData; both now
  // let a setup on an unregistering device read the client data (test/conformance/README.md).
};
export type KnownDiscrepancy = string;

/** The known discrepancy a rejection shows, if any. */
export function knownDiscrepancy(c: Conformance): KnownDiscrepancy | null {
  const rej = c.result.rejection;
  if (!rej) return null;
  const reasons = rej.explanations.flatMap((x) => x.reasons).join('\n');
  for (const [name, d] of Object.entries(KNOWN_DISCREPANCIES)) {
    if (rej.event.actions.join() === d.action && reasons.includes(d.conjunct)) return name;
  }
  return null;
}

export interface Kill {
  /** runs (seeds firstSeed, firstSeed+1, ...) until the first one that does not conform */
  readonly runs: number;
  readonly seed: number;
  readonly schedule: string;
  readonly verdict: Verdict;
}

/** Seeds from `firstSeed` until a run of `variant` fails conformance to `model` while the fixed
 *  implementation `model` names, on the same workload and seed, conforms (the control: the
 *  failure is the bug's doing, not a gap between model and code); at most `budget` runs. */
export async function firstKill(variant: VariantName, model: string, budget: number, firstSeed = 0): Promise<Kill | null> {
  const workload = DEFAULT_WORKLOAD[variant];
  for (let i = 0; i < budget; i++) {
    const seed = firstSeed + i;
    const c = await conformRun({ variant, model, seed });
    const v = await verdict(c, model, workload);
    if (!v) continue;
    const control = await conformRun({ variant: model as VariantName, model, workload, seed });
    if (await verdict(control, model, workload)) continue;
    return { runs: i + 1, seed, schedule: c.run.schedule, verdict: v };
  }
  return null;
}

/** Show a verdict in one line (test messages, the README table). */
export function showVerdict(v: Verdict | null): string {
  if (!v) return 'conforms';
  switch (v.kind) {
    case 'rejected': return `rejected at ${v.action} (event line ${v.line})`;
    case 'invariant': return `explained only through a violation of ${v.invariant}`;
    case 'stuck': return `implementation stuck where the model can go on (${v.enabled.slice(0, 3).join(', ')})`;
    case 'exhausted': return 'validation budget exhausted';
    default: { const never: never = v; return never; }
  }
}
