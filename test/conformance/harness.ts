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
import { loadModel, mapEvents, validateEvents, type LoadedModel } from '../../engine/trace/run.js';
import type { TraceResult, ValidateOptions } from '../../engine/trace/validate.js';
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

const models = new Map<string, Promise<LoadedModel>>();

/** The model of `modelVariant` (tla/MC_<modelVariant>.cfg) sized for `workload`. */
export function modelFor(modelVariant: string, workload: WorkloadName): Promise<LoadedModel> {
  const key = `${modelVariant}/${workload}`;
  let m = models.get(key);
  if (!m) {
    const cfgPath = join(ROOT, `tla/MC_${modelVariant}.cfg`);
    const text = withConstants(readFileSync(cfgPath, 'utf8'), { ...PERMISSIVE, ...WORKLOAD_MODEL[workload].constants });
    m = loadModel(SPEC, cfgPath, text);
    models.set(key, m);
  }
  return m;
}

/** Actions the implementation takes without logging them as model steps. */
export const SILENT: ValidateOptions = { silent: ['ConnDrop'], maxSilent: 2 };

export interface Conformance {
  readonly run: RunOutcome;
  readonly events: readonly TraceEvent[];
  readonly result: TraceResult;
}

/** Run `variant` with `seed` and validate its trace against the model of `modelVariant`. */
export async function conform(variant: VariantName, seed: number, modelVariant: string = variant, opts: ValidateOptions = SILENT): Promise<Conformance> {
  const workload = DEFAULT_WORKLOAD[variant];
  const raw: ImplEvent[] = [];
  const run = await runOnce({ variant, seed, granularity: 'model', trace: (e) => raw.push(e) });
  const model = await modelFor(modelVariant, workload);
  const lines = raw.map((e, i) => ({ line: i + 1, obj: e as unknown as Record<string, unknown> }));
  const events = mapEvents(model, lines, `${variant}#${seed}`, (all) => implMapper(all, WORKLOAD_MODEL[workload].renaming));
  return { run, events, result: validateEvents(model, events, opts) };
}
