// `npm run bench`: runs every bench/*.bench.ts (vitest bench files through `vitest bench`,
// plain scripts through tsx), then measures model checking itself: distinct states per
// second and peak RSS for a synthetic state machine (the search alone) and for three corpus
// specs of different shapes (the whole pipeline). Each measurement runs in its own process so
// its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { search } from '../engine/check/bfs.js';
import { checkFile } from '../engine/check/pipeline.js';
import type { CompiledSpec, State } from '../engine/eval/api.js';
import type { Loc } from '../engine/frontend/ast.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');

/** Corpus specs to measure, in order of preference, of different shapes: a sliding puzzle
 *  (a function-valued state, long BFS), two-phase commit with 5 resource managers (records and
 *  sets of messages, wide BFS), dining philosophers (ends in a deadlock); the first three
 *  present are used. */
const PREFERRED = ['Sliding', 'TwoPhaseBig', 'Philosophers', 'TwoPhase', 'DataStructs', 'Fifo', 'DieHard'];

interface Measure {
  readonly name: string;
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
  readonly verdict: string;
  /** loading, parsing and compiling (0 for the synthetic machine) */
  readonly loadMs: number;
  /** the search alone */
  readonly ms: number;
  readonly rssMB: number;
}

// ---------------------------------------------------------------- child mode: one measurement

/** x, y in 0..n-1, each step increments one of them: n^2 states, 2n(n-1) + 1 generated. */
function syntheticGrid(n: number): CompiledSpec {
  const loc: Loc = { file: 'synthetic', module: 'Synthetic', line: 1, col: 1, endLine: 1, endCol: 1 };
  const int = (k: number) => ({ kind: 'int' as const, n: k });
  const xy = (s: State): [number, number] => [(s[0] as { n: number }).n, (s[1] as { n: number }).n];
  return {
    rootModule: 'Synthetic',
    variables: ['x', 'y'],
    checkAssumptions: () => [],
    initStates: () => [[int(0), int(0)]],
    *successors(s) {
      const [x, y] = xy(s);
      if (x + 1 < n) yield { state: [int(x + 1), int(y)], action: { name: 'IncX', loc } };
      if (y + 1 < n) yield { state: [int(x), int(y + 1)], action: { name: 'IncY', loc } };
    },
    invariants: [{ name: 'InGrid', loc, holds: (s) => xy(s)[0] < n }],
    stateConstraint: () => true,
    actionConstraint: () => true,
    properties: [],
    fairness: [],
    fingerprint: (s) => xy(s).join(','),
    formatState: (s) => `/\\ x = ${xy(s)[0]}\n/\\ y = ${xy(s)[1]}`,
    itfState: (s) => ({ x: { '#bigint': String(xy(s)[0]) }, y: { '#bigint': String(xy(s)[1]) } }),
    postconditions: [],
    checkDeadlock: false,
  };
}

async function measureOne(target: string): Promise<void> {
  const start = performance.now();
  let searchStart = start;
  const r = target.startsWith('synthetic:')
    ? search(syntheticGrid(Number(target.split(':')[1])))
    : (await checkFile(target, { onSearchStart: () => (searchStart = performance.now()) })).result;
  const end = performance.now();
  const out: Omit<Measure, 'name'> = {
    distinct: r.distinct,
    generated: r.generated,
    depth: r.depth,
    verdict: r.outcome.kind,
    loadMs: searchStart - start,
    ms: end - searchStart,
    rssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

// ---------------------------------------------------------------- parent mode

function runBenchFiles(): { file: string; ok: boolean; seconds: number }[] {
  const files = existsSync(here) ? readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort() : [];
  return files.map((f) => {
    const path = join(here, f);
    const usesVitest = /from ['"]vitest['"]/.test(readFileSync(path, 'utf8'));
    const args = usesVitest ? [vitest, 'bench', '--run', path] : [tsx, path];
    console.log(`\n== ${f} (${usesVitest ? 'vitest bench' : 'tsx'})`);
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    return { file: f, ok: r.status === 0, seconds: (performance.now() - t) / 1000 };
  });
}

function measureInChild(name: string, target: string): Measure | string {
  const r = spawnSync(process.execPath, [tsx, fileURLToPath(import.meta.url), '--measure', target], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    const lines = (r.stderr || r.stdout).trim().split('\n');
    return lines.find((l) => /^\w*Error: /.test(l.trim())) ?? lines[0] ?? `exit ${r.status}`;
  }
  return { name, ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<Measure, 'name'>) };
}

function corpusTargets(): { name: string; target: string }[] {
  const dir = join(root, 'test', 'specs');
  return PREFERRED.filter((n) => existsSync(join(dir, `${n}.tla`)) && existsSync(join(dir, `${n}.cfg`)))
    .slice(0, 3)
    .map((n) => ({ name: n, target: join(dir, `${n}.tla`) }));
}

function table(rows: readonly Measure[]): string {
  const head = ['spec', 'verdict', 'distinct', 'generated', 'depth', 'load (s)', 'search (s)', 'distinct/s', 'generated/s', 'peak RSS (MB)'];
  const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
  const cells = rows.map((m) => [
    m.name,
    m.verdict,
    String(m.distinct),
    String(m.generated),
    String(m.depth),
    (m.loadMs / 1000).toFixed(2),
    (m.ms / 1000).toFixed(2),
    perSecond(m.distinct, m.ms),
    perSecond(m.generated, m.ms),
    m.rssMB.toFixed(0),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (cs: readonly string[]) => cs.map((c, i) => (i === 0 || i === 1 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--measure');
  if (i >= 0) return measureOne(process.argv[i + 1]!);

  // --check-only: skip the bench files, measure model checking only
  const benches = process.argv.includes('--check-only') ? [] : runBenchFiles();
  console.log('\n== model checking (one process per row; rates are over the search alone, load = parse + compile)');
  const rows: Measure[] = [];
  for (const { name, target } of [{ name: 'synthetic grid 1000x1000', target: 'synthetic:1000' }, ...corpusTargets()]) {
    const m = measureInChild(name, target);
    if (typeof m === 'string') console.log(`${name}: not measured: ${m}`);
    else rows.push(m);
  }
  console.log(table(rows));
  if (benches.length > 0) {
    console.log('\n== bench files');
    for (const b of benches) console.log(`${b.ok ? 'ok    ' : 'FAILED'} ${b.file} (${b.seconds.toFixed(1)} s)`);
  }
  if (benches.some((b) => !b.ok)) process.exitCode = 1;
}

await main();
