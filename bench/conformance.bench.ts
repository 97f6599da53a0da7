// Conformance at scale (plain tsx script; `npm run bench` runs it): the implementation's traces
// from >= 10,000 seeded schedules each of V2 and V3_fixed validated against their models,
// validation throughput in events per second for the global log and for the per-task logs of
// the same runs, the mutation table (runs until each bug fails conformance to the fixed model,
// and how often it does over many seeds), and the action coverage of the accepted traces.
// Figures go to stdout; test/conformance/README.md records a run.
//   npx tsx bench/conformance.bench.ts [--runs N] [--per-task N] [--mutants N]
import { DEFAULT_WORKLOAD } from '../impl/driver/workloads.js';
import type { VariantName } from '../impl/rds/variant.js';
import { conformRun, firstKill, knownDiscrepancy, modelActions, showVerdict, verdict, type Intervals } from '../test/conformance/harness.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const RUNS = arg('runs', 10_000);
const PER_TASK = arg('per-task', 1_000);
const MUTANT_SEEDS = arg('mutants', 200);

const coverage = new Map<string, number>();

/** Validate `runs` seeds of a fixed variant against its own model; tally verdicts. */
async function fixedRuns(variant: VariantName): Promise<void> {
  const workload = DEFAULT_WORKLOAD[variant];
  const tally = new Map<string, number>();
  const firstOf = new Map<string, string>();
  let events = 0;
  let ms = 0;
  const t0 = performance.now();
  for (let seed = 0; seed < RUNS; seed++) {
    const c = await conformRun({ variant, seed });
    events += c.events.length;
    ms += c.validateMs;
    const v = await verdict(c, variant, workload);
    const key = v ? (knownDiscrepancy(c) ?? showVerdict(v)) : 'conforms';
    tally.set(key, (tally.get(key) ?? 0) + 1);
    if (!firstOf.has(key)) firstOf.set(key, `seed ${seed}, schedule ${c.run.schedule}`);
    if (!v) for (const [a, n] of c.result.coverage) coverage.set(a, (coverage.get(a) ?? 0) + n);
    if ((seed + 1) % 2000 === 0) console.log(`  ${variant}: ${seed + 1} runs`);
  }
  const wall = (performance.now() - t0) / 1000;
  console.log(`${variant} (${workload}) vs its model: ${RUNS} runs in ${wall.toFixed(1)} s; ${events} events validated in ${(ms / 1000).toFixed(1)} s = ${Math.round(events / (ms / 1000))} events/s (global log)`);
  for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`  ${n.toString().padStart(6)}  ${k}${k === 'conforms' ? '' : `  (first: ${firstOf.get(k)})`}`);
}

/** The same runs validated as one global log and as per-task logs. */
async function perTask(variant: VariantName): Promise<void> {
  const modes: (Intervals | undefined)[] = [undefined, 'point', 'since-previous'];
  for (const mode of modes) {
    let events = 0;
    let ms = 0;
    let accepted = 0;
    let expansions = 0;
    for (let seed = 0; seed < PER_TASK; seed++) {
      const c = await conformRun({ variant, seed, ...(mode ? { perTask: mode } : {}) });
      events += c.events.length;
      ms += c.validateMs;
      expansions += c.result.expansions;
      if (c.result.accepted) accepted++;
    }
    const label = mode ? `per-task, ${mode} intervals` : 'global log';
    console.log(`  ${variant} ${label.padEnd(34)} ${PER_TASK} runs, ${accepted} accepted, ${events} events, ${Math.round(events / (ms / 1000))} events/s, ${(expansions / PER_TASK).toFixed(0)} expansions/run`);
  }
}

const MUTANTS: readonly [VariantName, string][] = [
  ['V0', 'V2'], ['V1_flushwq', 'V2'], ['V1', 'V2'], ['D1', 'V2'], ['D2', 'V2'], ['V3_mr_same', 'V3_fixed'], ['V3_mr_other', 'V3_fixed'],
];

async function mutationTable(): Promise<void> {
  console.log(`\n| mutant | fixed model | runs to first failure (seed 0 on) | failing runs of ${MUTANT_SEEDS} | first failure |`);
  console.log('| --- | --- | --- | --- | --- |');
  for (const [variant, fixed] of MUTANTS) {
    const k = await firstKill(variant, fixed, MUTANT_SEEDS);
    let failing = 0;
    for (let seed = 0; seed < MUTANT_SEEDS; seed++) {
      const c = await conformRun({ variant, model: fixed, seed });
      if (await verdict(c, fixed, DEFAULT_WORKLOAD[variant])) failing++;
    }
    console.log(`| ${variant} | ${fixed} | ${k ? k.runs : `> ${MUTANT_SEEDS}`} | ${failing} | ${k ? showVerdict(k.verdict) : '-'} |`);
  }
}

async function main(): Promise<void> {
  console.log(`Conformance: ${RUNS} runs per fixed variant, per-task comparison on ${PER_TASK}, mutants over ${MUTANT_SEEDS} seeds`);
  await fixedRuns('V2');
  await fixedRuns('V3_fixed');
  console.log('\nThroughput, the same runs as a global log and as per-task logs:');
  await perTask('V2');
  await mutationTable();
  const all = new Set([...(await modelActions('V2', 'basic')), ...(await modelActions('V3_fixed', 'mr-both'))]);
  console.log(`\nAction coverage of accepted traces (${coverage.size} of ${all.size} actions):`);
  console.log(`  exercised: ${[...coverage].sort().map(([a, n]) => `${a} ${n}`).join(', ')}`);
  console.log(`  never: ${[...all].filter((a) => !coverage.has(a)).sort().join(', ')}`);
}

await main();
