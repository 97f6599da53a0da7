#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, run through tsx so `npx rdsib` works without a build step.
// TLC evaluates recursive operators thousands of levels deep; V8's default stack (~1 MB) stops at
// a few hundred, so the CLI runs with a larger JS stack when the thread's stack allows it
// (Linux's default `ulimit -s` is 8 MiB; we leave a quarter of it for native frames).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
function stackFlag() {
  const r = spawnSync('sh', ['-c', 'ulimit -s'], { encoding: 'utf8' });
  const limit = r.stdout?.trim();
  const kb = limit === 'unlimited' ? 65536 : Number(limit);
  return Number.isFinite(kb) && kb >= 2048 ? [`--stack-size=${Math.floor((kb * 3) / 4)}`] : [];
}
// tsx is resolved from this package, not from the caller's folder (`--import tsx` alone would look
// for it under the working directory, and fail for anyone checking their own specs elsewhere).
const tsx = import.meta.resolve('tsx');
const r = spawnSync(process.execPath, [...stackFlag(), '--import', tsx, join(here, '..', 'engine', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
