// `rdsib verdicts` (`npm start`): check every kernel variant of the model, one `tla/MC_*.cfg`
// each against `tla/RdsIbDevice.tla`, and print the verdict table. A violation is a verdict
// (the buggy kernel variants are expected to have one), so the exit code is non-zero only when
// a configuration could not be checked at all.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkFile } from '../../check/pipeline.js';
import { propertyOf, traceOf, verdictOf } from '../../check/result.js';
import { ExitCode } from '../../errors.js';
import { errorJson } from '../fail.js';

export interface VerdictRow {
  readonly config: string;
  readonly result: string;
  readonly property: string;
  readonly traceLength: number | undefined;
  readonly distinct: number | undefined;
  readonly generated: number | undefined;
  readonly depth: number | undefined;
  readonly ms: number;
}

export function register(program: Command): void {
  program
    .command('verdicts')
    .description('check tla/RdsIbDevice.tla under every tla/MC_*.cfg and print the verdict table')
    .option('--dir <folder>', 'folder holding RdsIbDevice.tla and the MC_*.cfg files', 'tla')
    .option('--json', 'print the rows as JSON')
    .action(async (flags: { dir: string; json?: boolean }) => {
      process.exitCode = await runVerdicts(flags.dir, flags.json === true);
    });
}

export async function verdictRows(dir: string): Promise<VerdictRow[]> {
  const spec = join(dir, 'RdsIbDevice.tla');
  const cfgs = readdirSync(dir)
    .filter((f) => /^MC_.*\.cfg$/.test(f))
    .sort();
  const rows: VerdictRow[] = [];
  for (const cfg of cfgs) {
    const start = Date.now();
    try {
      const { result } = await checkFile(spec, { cfgPath: join(dir, cfg) });
      rows.push({
        config: cfg,
        result: verdictOf(result.outcome),
        property: propertyOf(result.outcome) ?? (result.outcome.kind === 'deadlock' ? '(deadlock)' : ''),
        traceLength: traceOf(result.outcome)?.length,
        distinct: result.distinct,
        generated: result.generated,
        depth: result.depth,
        ms: Date.now() - start,
      });
    } catch (e) {
      const err = errorJson(e);
      const where = err.file ? `${err.file}:${err.line}:${err.col}: ` : '';
      rows.push({ config: cfg, result: 'error', property: `${where}${err.message}`.split('\n')[0]!, traceLength: undefined, distinct: undefined, generated: undefined, depth: undefined, ms: Date.now() - start });
    }
  }
  return rows;
}

export function verdictTable(rows: readonly VerdictRow[]): string {
  const head = ['config', 'result', 'violated property', 'trace', 'distinct', 'generated', 'depth', 'time'];
  const cells = rows.map((r) => [
    r.config,
    r.result,
    r.property,
    r.traceLength === undefined ? '' : String(r.traceLength),
    r.distinct === undefined ? '' : String(r.distinct),
    r.generated === undefined ? '' : String(r.generated),
    r.depth === undefined ? '' : String(r.depth),
    `${(r.ms / 1000).toFixed(1)}s`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (cs: readonly string[]) => `| ${cs.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

async function runVerdicts(dir: string, json: boolean): Promise<number> {
  const spec = join(dir, 'RdsIbDevice.tla');
  if (!existsSync(spec)) {
    process.stderr.write(`rdsib verdicts: ${spec} not found: the model has not been written yet\n`);
    return 1;
  }
  const rows = await verdictRows(dir);
  if (rows.length === 0) {
    process.stderr.write(`rdsib verdicts: no ${dir}/MC_*.cfg configurations found\n`);
    return 1;
  }
  process.stdout.write((json ? JSON.stringify(rows, null, 2) : verdictTable(rows)) + '\n');
  return rows.some((r) => r.result === 'error') ? ExitCode.generic : ExitCode.ok;
}
