// `rdsib run`: run the implementation (impl/driver) under the deterministic scheduler — one run
// from a seed or a schedule, writing its NDJSON trace, or a search over many seeded schedules.
// A thin shell: parsing and printing only.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { FailureKind } from '../../../impl/kernel/faults.js';
import { runOnce, search, ScheduleSyntaxError, type RunOutcome } from '../../../impl/driver/run.js';
import { shrinkSchedule } from '../../../impl/driver/shrink.js';
import { DEFAULT_WORKLOAD, isWorkloadName, WORKLOAD_NAMES, WORKLOADS, type WorkloadName } from '../../../impl/driver/workloads.js';
import type { TraceEvent } from '../../../impl/rds/trace.js';
import { isVariantName, VARIANT_NAMES, type VariantName } from '../../../impl/rds/variant.js';
import { openNativeVerbs } from '../../../impl/verbs/native.js';
import type { Verbs } from '../../../impl/verbs/types.js';

interface RunFlags {
  variant?: string;
  workload?: string;
  seed?: string;
  schedule?: string;
  removeAt?: string;
  trace?: string;
  search?: string;
  firstSeed?: string;
  kind?: string;
  shrink?: boolean;
  json?: boolean;
  granularity?: string;
  verbs?: string;
  devices?: string;
  continueAfterFault?: boolean;
}

const KINDS: readonly FailureKind[] = ['use-after-free', 'deadlock', 'leak', 'uninitialised', 'irq-block', 'underflow'];

/** A bad command line: printed as one line, exit 2, no stack trace. */
class UsageError extends Error {}

export function register(program: Command): void {
  program
    .command('run')
    .description('run the implementation (kernel-style runtime + device manager + simulated or native verbs) under a seeded or replayed schedule')
    .requiredOption('--variant <V>', `kernel variant: ${VARIANT_NAMES.join(', ')}`)
    .option('--workload <W>', `workload: ${WORKLOAD_NAMES.join(', ')} (default: the variant's own)`)
    .option('--seed <S>', 'seed of the scheduler (one run)', '0')
    .option('--schedule <STR>', 'replay a schedule "<removeAt>:<picks>" as printed by a run')
    .option('--remove-at <K>', 'step from which `rdma link delete` may run (default: derived from the seed)')
    .option('--trace <FILE>', 'write the NDJSON trace (with --search: of the failing run)')
    .option('--search <N>', 'try N seeded schedules, stop at the first failure')
    .option('--first-seed <S>', 'first seed of a search', '0')
    .option('--kind <K>', `with --search: stop only at this failure kind (${KINDS.join(', ')})`)
    .option('--shrink', 'with --search: shrink the failing schedule')
    .option('--granularity <G>', '"fine": a scheduling point at every step (default); "model": only where the model\'s actions begin, logging model actions only (for `rdsib trace validate --from impl`)', 'fine')
    .option('--verbs <B>', '"sim": a fresh simulated verbs backend (default); "native": libibverbs through the addon, on existing devices (e.g. rxe)', 'sim')
    .option('--devices <MAP>', 'with --verbs native: the backend device of each workload device, e.g. d1=rxe0,d2=rxe1 (default: d1=rxe0, d2=rxe1, ...)')
    .option('--continue-after-fault', 'one run: record the first failure but keep running (KASAN-style reports go on, a faulting task is abandoned), to see what follows it, e.g. verbs errors on a context V0\'s early free closed; prints every failed verbs call')
    .option('--json', 'print one JSON object')
    .action(async (flags: RunFlags) => {
      try {
        process.exitCode = await runCommand(flags);
      } catch (e) {
        if (!(e instanceof UsageError || e instanceof ScheduleSyntaxError)) throw e;
        process.stderr.write(`rdsib run: ${e.message}\n`);
        process.exitCode = 2;
      }
    });
}

function int(name: string, s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) throw new UsageError(`${name} ${s}: expected a non-negative integer`);
  return Number(s);
}

async function runCommand(flags: RunFlags): Promise<number> {
  const variant = flags.variant ?? '';
  if (!isVariantName(variant)) throw new UsageError(`--variant ${variant}: unknown variant (expected one of ${VARIANT_NAMES.join(', ')})`);
  if (flags.workload !== undefined && !isWorkloadName(flags.workload)) {
    throw new UsageError(`--workload ${flags.workload}: unknown workload (expected one of ${WORKLOAD_NAMES.join(', ')})`);
  }
  const workload: WorkloadName = (flags.workload as WorkloadName | undefined) ?? DEFAULT_WORKLOAD[variant];
  if (flags.kind !== undefined && !KINDS.includes(flags.kind as FailureKind)) {
    throw new UsageError(`--kind ${flags.kind}: unknown failure kind (expected one of ${KINDS.join(', ')})`);
  }
  const granularity = flags.granularity ?? 'fine';
  if (granularity !== 'fine' && granularity !== 'model') throw new UsageError(`--granularity ${granularity}: expected fine or model`);
  const n = int('--search', flags.search);
  const backend = flags.verbs ?? 'sim';
  if (backend !== 'sim' && backend !== 'native') throw new UsageError(`--verbs ${backend}: expected sim or native`);
  if (flags.devices !== undefined && backend !== 'native') throw new UsageError('--devices needs --verbs native');
  if (n !== undefined) {
    if (backend === 'native') throw new UsageError('--search runs on the simulated backend only (each run needs fresh devices)');
    return runSearch(variant, workload, n, flags);
  }
  const native = backend === 'native' ? openNative(workload, flags.devices) : undefined;

  const events: TraceEvent[] = [];
  const removeAt = int('--remove-at', flags.removeAt);
  const r = await runOnce({
    ...(native ?? {}),
    variant,
    workload,
    seed: int('--seed', flags.seed) ?? 0,
    ...(flags.schedule !== undefined ? { schedule: flags.schedule } : {}),
    ...(removeAt !== undefined ? { removeAt } : {}),
    ...(flags.trace ? { trace: (e: TraceEvent) => void events.push(e) } : {}),
    granularity,
    ...(flags.continueAfterFault ? { continueAfterFault: true } : {}),
  });
  await native?.verbs.shutdown();
  if (flags.trace) writeTrace(flags.trace, events);
  const after = flags.continueAfterFault ? { reports: r.reports.length, verbsErrors: r.verbsErrors } : {};
  const out = { variant, workload, steps: r.steps, schedule: r.schedule, events: flags.trace ? events.length : undefined, failure: r.failure, ...after };
  process.stdout.write(flags.json ? JSON.stringify(out) + '\n' : describeRun(r, flags.continueAfterFault ?? false));
  return r.failure ? 1 : 0;
}

async function runSearch(variant: VariantName, workload: WorkloadName, n: number, flags: RunFlags): Promise<number> {
  const kind = flags.kind as FailureKind | undefined;
  const granularity = flags.granularity === 'model' ? 'model' : 'fine';
  const r = await search(variant, n, { workload, granularity, firstSeed: int('--first-seed', flags.firstSeed) ?? 0, ...(kind ? { kind } : {}) });
  let failure = r.failure;
  if (failure && flags.shrink) failure = { ...failure, schedule: await shrinkSchedule(variant, workload, failure.schedule, failure.kind, granularity) };
  if (failure && flags.trace) {
    const events: TraceEvent[] = [];
    await runOnce({ variant, workload, schedule: failure.schedule, granularity, trace: (e) => void events.push(e) });
    writeTrace(flags.trace, events);
  }
  const out = { variant, runs: r.runs, failure: failure && { kind: failure.kind, seed: failure.seed, schedule: failure.schedule, step: failure.step, task: failure.task, detail: failure.detail } };
  if (flags.json) process.stdout.write(JSON.stringify(out) + '\n');
  else if (!failure) process.stdout.write(`${variant}: no failure in ${r.runs} schedules (workload ${workload})\n`);
  else process.stdout.write(`${variant}: ${failure.kind} after ${r.runs} schedules (seed ${failure.seed}) at step ${failure.step} in ${failure.task || 'the whole system'}\n  ${failure.detail}\n  replay: rdsib run --variant ${variant} --workload ${workload} --schedule ${failure.schedule}\n`);
  return failure ? 1 : 0;
}

/** The native backend and the backend device of each workload device: from "d1=rxe0,d2=rxe1",
 *  or dN → rxe(N-1) for those not named. Trace events number devices by the workload's names. */
function openNative(workload: WorkloadName, map: string | undefined): { verbs: Verbs; deviceNames: Record<string, string> } {
  const deviceNames: Record<string, string> = Object.fromEntries(
    WORKLOADS[workload].devices.map((d, i) => [d.name, `rxe${i}`]),
  );
  for (const pair of map ? map.split(',') : []) {
    const m = /^\s*(\w+)=([\w.-]+)\s*$/.exec(pair);
    if (!m) throw new UsageError(`--devices ${map}: expected NAME=DEVICE pairs separated by commas, e.g. d1=rxe0,d2=rxe1`);
    if (!(m[1]! in deviceNames)) throw new UsageError(`--devices: ${m[1]} is not a device of workload ${workload} (${Object.keys(deviceNames).join(', ')})`);
    deviceNames[m[1]!] = m[2]!;
  }
  const native = openNativeVerbs();
  if (!native.ok) throw new UsageError(`--verbs native: ${native.reason}`);
  return { verbs: native.verbs, deviceNames };
}

function writeTrace(file: string, events: readonly TraceEvent[]): void {
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : ''));
}

function describeRun(r: RunOutcome, continued: boolean): string {
  const head = `${r.variant} (${r.workload}): ${r.steps} steps, schedule ${r.schedule}\n`;
  // after a failure the run went on: say what followed (other reports, failed verbs calls)
  const tail = !continued
    ? ''
    : `  ${r.reports.length} report(s); ${r.verbsErrors.length} failed verbs call(s)\n` +
      r.verbsErrors.map((e) => `    step ${e.step} ${e.task}: ${e.call} → ${e.name} (${e.errno})\n`).join('');
  if (!r.failure) return head + '  no failure: every device freed, every verbs object released\n' + tail;
  const f = r.failure;
  return head + `  ${f.kind} at step ${f.step}${f.label ? ` ${f.label}` : ''}${f.task ? ` in ${f.task}` : ''}\n  ${f.detail}\n` + tail;
}
