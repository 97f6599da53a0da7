// The implementation's big run (a plain tsx script, run by `npm run bench`): with all fixes (V2),
// ≥ 10,000 random schedules, the removal injected at every step position in turn (run i lets
// `rdma link delete` start from step i mod REMOVE_WINDOW), across the workloads that V2 must
// survive. Every run must end with no use-after-free, no deadlock, every removed device freed and
// every simulated verbs resource released (impl/driver/run.ts checkEnd). Prints figures.
import { REMOVE_WINDOW, runOnce } from '../impl/driver/run.js';
import type { WorkloadName } from '../impl/driver/workloads.js';
import type { VariantName } from '../impl/rds/variant.js';

const N = Number(process.env.RDSIB_IMPL_BENCH_RUNS ?? 10_000);

async function sweep(variant: VariantName, workloads: readonly WorkloadName[], n: number) {
  const t0 = performance.now();
  let steps = 0;
  let maxSteps = 0;
  const failures = new Map<string, { count: number; first: string }>();
  for (let i = 0; i < n; i++) {
    const workload = workloads[i % workloads.length]!;
    const r = await runOnce({ variant, workload, seed: i, removeAt: i % REMOVE_WINDOW });
    steps += r.steps;
    maxSteps = Math.max(maxSteps, r.steps);
    if (r.failure) {
      const key = r.failure.kind;
      const f = failures.get(key) ?? { count: 0, first: `${workload} seed ${i} schedule ${r.schedule}: ${r.failure.detail}` };
      f.count++;
      failures.set(key, f);
    }
  }
  const ms = performance.now() - t0;
  return { variant, workloads, runs: n, failures: Object.fromEntries(failures), ms: Math.round(ms), runsPerSec: Math.round((n / ms) * 1000), avgSteps: +(steps / n).toFixed(1), maxSteps };
}

const v2 = await sweep('V2', ['basic', 'add-fail', 'churn'], N);
console.log(JSON.stringify(v2));
const v3 = await sweep('V3_fixed', ['mr-same', 'mr-other', 'mr-both'], Math.min(N, 3000));
console.log(JSON.stringify(v3));
const v3n = await sweep('V3_fixed_noredrop', ['mr-same', 'mr-other', 'mr-both'], Math.min(N, 3000));
console.log(JSON.stringify(v3n));
if (Object.keys(v2.failures).length > 0) process.exitCode = 1;
