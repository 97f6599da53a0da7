// `rdsib trace validate TRACE --spec SPEC.tla [--config CFG]`: is there a behaviour of the spec
// that the log describes? Exit 0 accepted, 12 rejected (a safety-style failure: no behaviour
// explains the log), 255 for a malformed trace (`file:line: message`), TLC's codes for spec and
// cfg errors.
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { loadModel, readEvents, validateEvents } from '../../trace/run.js';
import type { TraceResult } from '../../trace/validate.js';
import { reportFailure } from '../fail.js';
import { implMapper } from '../../../spec/refinement.js';
import { registerTlc } from './trace-tlc.js';

interface TraceFlags {
  spec: string;
  config?: string;
  json?: boolean;
  perTask?: boolean;
  silent?: string;
  maxSilent: string;
  from: string;
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
    .option('--from <format>', '"generic" (action/params/vars events) or "impl" (rdsib run traces, through spec/refinement.ts)', 'generic')
    .action(async (tracePath: string, flags: TraceFlags) => {
      process.exitCode = await runValidate(tracePath, flags);
    });
  registerTlc(trace);
}

async function runValidate(tracePath: string, flags: TraceFlags): Promise<number> {
  const json = flags.json === true;
  if (flags.from !== 'generic' && flags.from !== 'impl') {
    process.stderr.write(`rdsib trace validate: --from must be "generic" or "impl", not "${flags.from}"\n`);
    return ExitCode.generic;
  }
  let result: TraceResult;
  try {
    const model = await loadModel(flags.spec, flags.config);
    const events = readEvents(model, tracePath, flags.from === 'impl' ? (all) => implMapper(all) : undefined);
    const silent = flags.silent ? flags.silent.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const t0 = performance.now();
    result = validateEvents(model, events, { perTask: flags.perTask === true, silent, maxSilent: Number(flags.maxSilent) });
    const ms = performance.now() - t0;
    if (json) {
      process.stdout.write(JSON.stringify(toJson(result, ms)) + '\n');
    } else {
      for (const line of toText(result, ms)) process.stdout.write(line + '\n');
    }
  } catch (e) {
    return reportFailure(e, json);
  }
  return result.accepted ? ExitCode.ok : ExitCode.safety;
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
  out.push(`Action coverage: ${[...r.coverage].map(([a, n]) => `${a} ${n}`).join(', ') || '(none)'}`);
  return out;
}
