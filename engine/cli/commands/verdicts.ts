// `rdsib verdicts` (`npm start`): check every kernel variant of the model, one `tla/MC_*.cfg`
// each against `tla/RdsIbDevice.tla`, and print the verdict table. A violation is a verdict
// (the buggy kernel variants are expected to have one), so the exit code is non-zero only when
// a configuration could not be checked at all.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkLoaded } from '../../check/pipeline.js';
import { loadSpec, type LoadedSpec } from '../../frontend/load.js';
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
  /** agreement with `expected-verdicts.json` (result and property), when that file lists the cfg */
  readonly expected?: { readonly result: string; readonly property: string | null; readonly matches: boolean };
}

interface ExpectedVerdict {
  readonly result: string;
  readonly property: string | null;
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

export async function verdictRows(dir: string, log: (line: string) => void = () => {}): Promise<VerdictRow[]> {
  const spec = join(dir, 'RdsIbDevice.tla');
  const cfgs = readdirSync(dir)
    .filter((f) => /^MC_.*\.cfg$/.test(f))
    .sort();
  const expectedFile = join(dir, 'expected-verdicts.json');
  const expected = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, ExpectedVerdict>) : {};
  const withExpected = (row: Omit<VerdictRow, 'expected'>): VerdictRow => {
    const e = expected[row.config];
    if (!e || typeof e !== 'object') return row;
    const matches = e.result === row.result && (e.property ?? '') === (row.result === 'deadlock' ? '' : row.property);
    return { ...row, expected: { result: e.result, property: e.property ?? null, matches } };
  };
  const rows: VerdictRow[] = [];
  // Load once: the cfgs differ, the modules do not.
  let loaded: LoadedSpec | undefined;
  for (const cfg of cfgs) {
    const start = Date.now();
    try {
      loaded ??= await loadSpec(spec);
      log(`checking ${cfg} ...`);
      const { result } = checkLoaded(loaded, spec, {
        cfgPath: join(dir, cfg),
        progressIntervalMs: 10000,
        onProgress: (p) => log(`  ${cfg}: ${p.generated} states generated, ${p.distinct} distinct states found, ${p.queued} states left on queue`),
      });
      rows.push(withExpected({
        config: cfg,
        result: verdictOf(result.outcome),
        property: propertyOf(result.outcome) ?? (result.outcome.kind === 'deadlock' ? '(deadlock)' : ''),
        traceLength: traceOf(result.outcome)?.length,
        distinct: result.distinct,
        generated: result.generated,
        depth: result.depth,
        ms: Date.now() - start,
      }));
    } catch (e) {
      const err = errorJson(e);
      const where = err.file ? `${err.file}:${err.line}:${err.col}: ` : '';
      rows.push(withExpected({ config: cfg, result: 'error', property: `${where}${err.message}`.split('\n')[0]!, traceLength: undefined, distinct: undefined, generated: undefined, depth: undefined, ms: Date.now() - start }));
    }
  }
  return rows;
}

export function verdictTable(rows: readonly VerdictRow[]): string {
  const showExpected = rows.some((r) => r.expected);
  const head = ['config', 'result', 'violated property', 'trace', 'distinct', 'generated', 'depth', 'time', ...(showExpected ? ['expected'] : [])];
  const cells = rows.map((r) => [
    r.config,
    r.result,
    r.property,
    r.traceLength === undefined ? '' : String(r.traceLength),
    r.distinct === undefined ? '' : String(r.distinct),
    r.generated === undefined ? '' : String(r.generated),
    r.depth === undefined ? '' : String(r.depth),
    `${(r.ms / 1000).toFixed(1)}s`,
    ...(showExpected ? [r.expected ? (r.expected.matches ? 'as expected' : `EXPECTED ${r.expected.result} ${r.expected.property ?? ''}`.trim()) : ''] : []),
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
  const rows = await verdictRows(dir, (line) => process.stderr.write(line + '\n'));
  if (rows.length === 0) {
    process.stderr.write(`rdsib verdicts: no ${dir}/MC_*.cfg configurations found\n`);
    return 1;
  }
  process.stdout.write((json ? JSON.stringify(rows, null, 2) : verdictTable(rows)) + '\n');
  return rows.some((r) => r.result === 'error') ? ExitCode.generic : ExitCode.ok;
}
