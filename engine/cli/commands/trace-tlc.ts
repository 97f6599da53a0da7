// `rdsib trace tlc TRACE --spec SPEC.tla [--config CFG] [--from impl] [--silent A,B] [--out DIR]`:
// writes the trace as a TLA+ module in the TraceSpec pattern (<Spec>Trace.tla + .cfg,
// engine/trace/tracespec.ts), so that TLC can validate the same trace. Registered under
// `rdsib trace` by trace.ts (this file exports no `register`, so main.ts does not add it twice).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { defaultConfigPath } from '../../check/pipeline.js';
import { loadSpec } from '../../frontend/load.js';
import { loadModel, readEvents } from '../../trace/run.js';
import { TraceFormatError } from '../../trace/errors.js';
import { emitTraceSpec } from '../../trace/tracespec.js';
import { implMapper } from '../../../spec/refinement.js';
import { reportFailure } from '../fail.js';

interface TlcFlags {
  spec: string;
  config?: string;
  out?: string;
  name?: string;
  silent?: string;
  from: string;
}

export function registerTlc(trace: Command): void {
  trace
    .command('tlc')
    .description('write the trace as a TLA+ TraceSpec module (<Spec>Trace.tla + .cfg) for TLC')
    .argument('<trace>', 'NDJSON log (one event per line) or ITF trace (.itf.json)')
    .requiredOption('--spec <file>', 'the TLA+ spec, SPEC.tla')
    .option('--config <file>', 'the TLC configuration whose CONSTANTS the trace spec keeps (default: SPEC.cfg)')
    .option('--out <dir>', 'directory to write to (default: the spec\'s, which EXTENDS needs)')
    .option('--name <module>', 'module name (default: <Spec>Trace)')
    .option('--silent <actions>', 'comma-separated actions the model may take between events without a log line')
    .option('--from <format>', '"generic" (action/params/vars events) or "impl" (rdsib run traces, through spec/refinement.ts)', 'generic')
    .action(async (tracePath: string, flags: TlcFlags) => {
      process.exitCode = await runTlc(tracePath, flags);
    });
}

async function runTlc(tracePath: string, flags: TlcFlags): Promise<number> {
  if (flags.from !== 'generic' && flags.from !== 'impl') {
    process.stderr.write(`rdsib trace tlc: --from must be "generic" or "impl", not "${flags.from}"\n`);
    return ExitCode.generic;
  }
  try {
    const cfgPath = flags.config ?? defaultConfigPath(flags.spec);
    let cfgText: string;
    try {
      cfgText = readFileSync(cfgPath, 'utf8');
    } catch (err) {
      throw new TraceFormatError(`cannot read config: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, cfgPath, 0);
    }
    const model = await loadModel(flags.spec, cfgPath, cfgText);
    const events = readEvents(model, tracePath, flags.from === 'impl' ? (all) => implMapper(all) : undefined);
    const silent = flags.silent ? flags.silent.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const files = emitTraceSpec(model.spec, await loadSpec(flags.spec), cfgText, events, { silent, source: tracePath, ...(flags.name ? { name: flags.name } : {}) });
    const out = flags.out ?? dirname(flags.spec);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${files.name}.tla`), files.tla);
    writeFileSync(join(out, `${files.name}.cfg`), files.cfg);
    process.stdout.write(`Wrote ${join(out, files.name)}.tla and .cfg (${events.length} events). Check: tlc -config ${files.name}.cfg ${files.name}.tla\n`);
    return ExitCode.ok;
  } catch (e) {
    return reportFailure(e, false);
  }
}
