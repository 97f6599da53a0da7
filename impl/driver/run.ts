// Runs a workload on the device manager under the deterministic scheduler: one run from a seed or
// a schedule (replay), or a search over many seeds. After a run without a failure it checks what
// the model's liveness properties promise at the end: every removed device was freed (L1/L2) and
// every simulated verbs resource was released.
import type { Failure, FailureKind } from '../kernel/faults.js';
import { mulberry32 } from '../kernel/prng.js';
import { Kernel } from '../kernel/scheduler.js';
import { RdsIb, type Granularity } from '../rds/state.js';
import { buildObjects, spawnActors } from './actors.js';
import type { TraceEvent } from '../rds/trace.js';
import { VARIANTS, type VariantName } from '../rds/variant.js';
import { SimVerbs } from '../verbs/sim/sim.js';
import { observeVerbs } from '../verbs/observe.js';
import type { Verbs } from '../verbs/types.js';
import { DEFAULT_WORKLOAD, WORKLOADS, type WorkloadName } from './workloads.js';

export interface RunOptions {
  readonly variant: VariantName;
  readonly workload?: WorkloadName;
  /** pick schedules with this seed ... */
  readonly seed?: number;
  /** ... or replay this schedule ("<removeAt>:<picks>", as printed by a run) */
  readonly schedule?: string;
  /** the step from which `rdma link delete` may run; default derived from the seed */
  readonly removeAt?: number;
  readonly trace?: (e: TraceEvent) => void;
  /** run on this verbs backend (e.g. the native one on rxe) instead of a fresh simulated one;
   *  its devices must exist, named by `deviceNames` */
  readonly verbs?: Verbs;
  /** workload device name → backend device name, e.g. { d1: "rxe0" } */
  readonly deviceNames?: Readonly<Record<string, string>>;
  /** 'fine' (default): a scheduling point at every step; 'model': only at the model's action
   *  boundaries, logging model actions only (for trace validation against the model) */
  readonly granularity?: Granularity;
  /** keep running after the first failure report (Kernel's continueAfterFault): `failure` stays
   *  the first report; what the other tasks do next (e.g. verbs calls on a context V0's early free
   *  closed) shows in `verbsErrors`. No end check (leaks) after a failure either way. */
  readonly continueAfterFault?: boolean;
  /** awaited by `rdma link delete` before it unregisters the device (backend device name): the real
   *  device's removal signal when the run replays a schedule on rxe (actors.ts spawnActors) */
  readonly removalSignal?: (device: string) => Promise<void>;
}

/** One verbs call that failed during the run: which call, its errno, and the kernel task and
 *  scheduler step that made it. */
export interface VerbsError {
  readonly call: string;
  readonly errno: number;
  readonly name: string;
  readonly task: string;
  readonly step: number;
}

export interface RunOutcome {
  readonly variant: VariantName;
  readonly workload: WorkloadName;
  readonly failure: Failure | null;
  readonly steps: number;
  /** replays this run exactly: "<removeAt>:<picks>" */
  readonly schedule: string;
  readonly removeAt: number;
  /** every failed verbs call, in order */
  readonly verbsErrors: readonly VerbsError[];
  /** every failure report, in order (more than `failure` only with continueAfterFault) */
  readonly reports: readonly Failure[];
}

/** Removal lands anywhere in the first REMOVE_WINDOW steps; runs are ~60–150 steps long. */
export const REMOVE_WINDOW = 120;

export function removeAtForSeed(seed: number): number {
  return Math.floor(mulberry32(seed ^ 0x5bd1e995)() * REMOVE_WINDOW);
}

export async function runOnce(opts: RunOptions): Promise<RunOutcome> {
  const v = VARIANTS[opts.variant];
  const wlName = opts.workload ?? DEFAULT_WORKLOAD[opts.variant];
  const wl = WORKLOADS[wlName];
  let removeAt = opts.removeAt ?? removeAtForSeed(opts.seed ?? 0);
  let k: Kernel;
  if (opts.schedule !== undefined) {
    const m = /^(\d+):([0-9a-zA-Z]*)$/.exec(opts.schedule);
    if (!m) throw new ScheduleSyntaxError(opts.schedule);
    removeAt = Number(m[1]);
    k = new Kernel({ schedule: m[2]! }, { continueAfterFault: opts.continueAfterFault ?? false });
  } else {
    k = new Kernel({ seed: opts.seed ?? 0 }, { continueAfterFault: opts.continueAfterFault ?? false });
  }

  const verbs = opts.verbs ?? new SimVerbs();
  const verbsErrors: VerbsError[] = [];
  const recorded = observeVerbs(verbs, (call, res) => {
    if (!res.ok) verbsErrors.push({ call, errno: res.error.errno, name: res.error.name, task: k.current?.name ?? '', step: k.step });
  });
  const s = new RdsIb(k, recorded, v, opts.trace ?? null, opts.granularity ?? 'fine');
  const verbsName = (name: string) => opts.deviceNames?.[name] ?? name;
  if (verbs instanceof SimVerbs) {
    s.onIbDealloc = (name) => verbs.unplugDevice(verbsName(name));
    if (!opts.verbs) for (const wd of wl.devices) verbs.addDevice(verbsName(wd.name));
  }
  spawnActors(s, wl, buildObjects(s, wl, verbsName), removeAt, opts.removalSignal);

  const r = await k.run();
  if (!r.failure) checkEnd(k, s, verbs);
  return { variant: opts.variant, workload: wlName, failure: k.failure, steps: r.steps, schedule: `${removeAt}:${r.schedule}`, removeAt, verbsErrors, reports: [...k.reports] };
}

/** After module exit every device must have been freed and every verbs object released. */
function checkEnd(k: Kernel, s: RdsIb, verbs: Verbs): void {
  for (const d of s.allocated) {
    if (!d.freed) {
      k.report('leak', `${d.name} never freed after removal and module exit: refcount ${d.refcount.value}`);
      return;
    }
  }
  for (const ibdev of s.ibDevices) {
    const r = verbs.resources(ibdev.verbsName);
    const left = Object.entries(r).filter(([, n]) => n > 0);
    if (left.length > 0) {
      k.report('leak', `verbs objects of ${ibdev.name} never released: ${left.map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
      return;
    }
  }
}

export class ScheduleSyntaxError extends Error {
  constructor(readonly schedule: string) {
    super(`bad schedule "${schedule}": expected <removeAt>:<picks>, picks in [0-9a-zA-Z]`);
    this.name = 'ScheduleSyntaxError';
  }
}

export interface SearchFailure {
  readonly kind: Failure['kind'];
  readonly seed: number;
  readonly schedule: string;
  readonly step: string;
  readonly task: string;
  readonly detail: string;
}

export interface SearchResult {
  readonly variant: VariantName;
  readonly workload: WorkloadName;
  readonly runs: number;
  readonly failure: SearchFailure | null;
}

export interface SearchOptions {
  readonly workload?: WorkloadName;
  readonly firstSeed?: number;
  /** stop only at a failure of this kind (another bug may be reachable in the same variant) */
  readonly kind?: FailureKind;
  readonly granularity?: Granularity;
}

/** Try seeds `firstSeed .. firstSeed+n-1`; stop at the first failing run. */
export async function search(variant: VariantName, n: number, opts: SearchOptions = {}): Promise<SearchResult> {
  const first = opts.firstSeed ?? 0;
  const workload = opts.workload ?? DEFAULT_WORKLOAD[variant];
  for (let i = 0; i < n; i++) {
    const seed = first + i;
    const r = await runOnce({ variant, workload, seed, granularity: opts.granularity ?? 'fine' });
    if (r.failure && (opts.kind === undefined || r.failure.kind === opts.kind)) {
      const f = r.failure;
      return {
        variant,
        workload,
        runs: i + 1,
        failure: { kind: f.kind, seed, schedule: r.schedule, step: `${f.step} ${f.label}`.trim(), task: f.task, detail: f.detail },
      };
    }
  }
  return { variant, workload, runs: n, failure: null };
}
