// `rdsib trace validate TRACE --spec SPEC.tla [--config CFG]`: is there a behaviour of the spec
// that the log describes? Exit 0 accepted, 12 rejected (a safety-style failure: no behaviour
// explains the log), 255 for a malformed trace (`file:line: message`), TLC's codes for spec and
// cfg errors.
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { loadModel, mapEvents, readEvents, validateEvents, type LoadedModel } from '../../trace/run.js';
import type { TraceEvent } from '../../trace/events.js';
import type { TraceResult } from '../../trace/validate.js';
import { reportFailure } from '../fail.js';
import { implMapper } from '../../../spec/refinement.js';
import { kernelConfig, readKernelTrace } from '../../../spec/kernel-refinement.js';
import { registerTlc } from './trace-tlc.js';

interface TraceFlags {
  spec: string;
  config?: string;
  json?: boolean;
  perTask?: boolean;
  silent?: string;
  maxSilent: string;
  from: string;
  invariants?: boolean;
  removeFix?: boolean;
}

export function register(program: Command): void {
  const trace = program.command('trace').description('validate implementation traces against a TLA+ spec');
  trace
    .command('validate')
    .description('check that some behaviour of the spec explains every event of the trace (NDJSON or ITF)')
    .argument('<trace>', 'NDJSON log (one event per line) or ITF trace (.itf.json)')
    .requiredOption('--spec <file>', 'the TLA+ spec, SPEC.tla')
    .option('--config <file>', 'the TLC configuration (default: SPEC.cfg beside the spec)')
    .option('--json', 'print one JSON object with the verdict on stdout')
    .option('--per-task', 'per-task logs: events carry task and [start, end]; any interleaving the intervals allow')
    .option('--silent <actions>', 'comma-separated actions the model may take between events without a log line')
    .option('--max-silent <n>', 'at most this many silent steps between two events', '3')
    .option('--from <format>', '"generic" (action/params/vars events), "impl" (rdsib run traces, through spec/refinement.ts) or "kernel" (ftrace text of test/rxe/kernel, through spec/kernel-refinement.ts; without --config the cfg is derived from the trace)', 'generic')
    .option('--remove-fix', 'with --from kernel: the trace is of the patched rds_rdma (kernel/): read the fix\'s probes and derive the cfg with REMOVE_FIX = all three parts')
    .option('--invariants', 'also evaluate the cfg\'s INVARIANTS along an accepted global log and report the first event after which a consistent state violates each (exit 12 if one does)')
    .action(async (tracePath: string, flags: TraceFlags) => {
      process.exitCode = await runValidate(tracePath, flags);
    });
  registerTlc(trace);
}

async function runValidate(tracePath: string, flags: TraceFlags): Promise<number> {
  const json = flags.json === true;
  if (flags.from !== 'generic' && flags.from !== 'impl' && flags.from !== 'kernel') {
    process.stderr.write(`rdsib trace validate: --from must be "generic", "impl" or "kernel", not "${flags.from}"\n`);
    return ExitCode.generic;
  }
  if (flags.removeFix && flags.from !== 'kernel') {
    process.stderr.write('rdsib trace validate: --remove-fix reads kernel traces: give --from kernel\n');
    return ExitCode.generic;
  }
  let result: TraceResult;
  try {
    let model: LoadedModel;
    let events: TraceEvent[];
    if (flags.from === 'kernel') {
      const k = readKernelTrace(tracePath, flags.removeFix === true ? { removeFix: true } : {});
      model = await loadModel(flags.spec, flags.config, flags.config ? undefined : kernelConfig(k.scenario));
      events = mapEvents(model, k.events, tracePath, () => (o) => o);
    } else {
      model = await loadModel(flags.spec, flags.config);
      events = readEvents(model, tracePath, flags.from === 'impl' ? (all) => implMapper(all) : undefined);
    }
    const silent = flags.silent ? flags.silent.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const t0 = performance.now();
    result = validateEvents(model, events, { perTask: flags.perTask === true, silent, maxSilent: Number(flags.maxSilent), invariants: flags.invariants === true });
    const ms = performance.now() - t0;
    if (json) {
      process.stdout.write(JSON.stringify(toJson(result, ms)) + '\n');
    } else {
      for (const line of toText(result, ms)) process.stdout.write(line + '\n');
    }
  } catch (e) {
    return reportFailure(e, json);
  }
  return result.accepted && (result.violations ?? []).length === 0 ? ExitCode.ok : ExitCode.safety;
}

function toJson(r: TraceResult, ms: number): Record<string, unknown> {
  const rej = r.rejection;
  return {
    result: r.accepted ? 'accepted' : r.exhausted ? 'exhausted' : 'rejected',
    events: r.events,
    matched: r.matched,
    expansions: r.expansions,
    ms: Math.round(ms),
    coverage: Object.fromEntries(r.coverage),
    ...(r.violations
      ? { violations: r.violations.map((v) => ({ invariant: v.invariant, index: v.index, file: v.event.file, line: v.event.line, action: v.event.actions.join(' \\cdot '), violating: v.violating, of: v.of })) }
      : {}),
    ...(rej
      ? {
          rejected: {
            index: rej.index,
            file: rej.event.file,
            line: rej.event.line,
            action: rej.event.actions.join(' \\cdot '),
            candidateCount: rej.candidateCount,
            candidates: rej.candidates,
            enabled: rej.enabled,
            explanations: rej.explanations,
          },
        }
      : {}),
  };
}

function toText(r: TraceResult, ms: number): string[] {
  const out: string[] = [];
  if (r.accepted) {
    out.push(`Trace accepted: ${r.events} events explained by the spec (${r.expansions} state/event expansions, ${Math.round(ms)} ms).`);
  } else if (r.exhausted) {
    out.push(`Gave up after ${r.expansions} expansions with ${r.matched} of ${r.events} events matched.`);
  }
  const rej = r.rejection;
  if (rej) {
    out.push(`Trace rejected at ${rej.event.file}:${rej.event.line}: no behaviour of the spec explains event ${rej.index + 1} (${rej.event.actions.join(' \\cdot ')}).`);
    out.push(`${rej.candidateCount} model state(s) were consistent with the events before it${rej.candidateCount > rej.candidates.length ? `; the first ${rej.candidates.length}` : ''}:`);
    rej.explanations.forEach((x, i) => {
      out.push(`Candidate ${i + 1}:`, x.state);
      for (const reason of x.reasons) out.push(`  - ${reason}`);
    });
    out.push(`Actions enabled in candidate 1: ${rej.enabled.join(', ') || '(none)'}`);
  }
  for (const v of r.violations ?? []) {
    out.push(`Invariant ${v.invariant} is violated after event ${v.index + 1} (${v.event.file}:${v.event.line}, ${v.event.actions.join(' \\cdot ')}) in ${v.violating} of ${v.of} consistent model state(s), e.g.:`, v.state);
  }
  if (r.violations && r.violations.length === 0) out.push('No invariant is violated along the trace.');
  out.push(`Action coverage: ${[...r.coverage].map(([a, n]) => `${a} ${n}`).join(', ') || '(none)'}`);
  return out;
}
