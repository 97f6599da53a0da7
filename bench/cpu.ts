// `npx tsx bench/cpu.ts [--runs N] [--base DIR] [name...]`: CPU time (user + sys) of whole
// `rdsib check` runs on the evaluation-heavy specs, median of N runs, with the counts each run
// printed so that a faster engine is seen to give the same answers. With --base DIR (another
// checkout of this repository, e.g. `git archive HEAD | tar -x -C DIR` plus a node_modules
// link) the two trees run alternately, so that both medians come from the same stretch of a
// shared machine and their ratio means something. CPU, not wall time: the machine is shared.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The evaluation-heavy runs the engine's speed is judged by (engine/check/README.md). */
const TARGETS: Record<string, readonly string[]> = {
  MC_V2_large: ['tla/RdsIbDevice.tla', '--config', 'tla/MC_V2_large.cfg'],
  SlidingNine: ['test/specs/SlidingNine.tla'],
  TwoPhaseHuge: ['test/specs/TwoPhaseHuge.tla'],
};

interface Run {
  readonly cpu: number;
  readonly counts: string;
}

function runOnce(tree: string, args: readonly string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, join(tree, 'bin', 'rdsib.js'), 'check', ...args, '--json'], {
    cwd: tree,
    encoding: 'utf8',
  });
  const m = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`no CPU figure from /usr/bin/time (is it installed?): ${r.stderr}`);
  const j = JSON.parse(r.stdout) as { result: string; distinctStates: number; generatedStates: number; depth: number };
  return { cpu: Number(m[1]) + Number(m[2]), counts: `${j.result} ${j.distinctStates} distinct, ${j.generatedStates} generated, depth ${j.depth}` };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const runs = Number(opt('--runs') ?? 3);
  const base = opt('--base');
  if (base !== undefined && !existsSync(join(base, 'bin', 'rdsib.js'))) throw new Error(`--base ${base}: not a checkout of rdsib`);
  const names = argv.length > 0 ? argv : Object.keys(TARGETS);
  for (const name of names) {
    const args = TARGETS[name];
    if (!args) throw new Error(`unknown target ${name} (one of ${Object.keys(TARGETS).join(', ')})`);
    const mine: Run[] = [];
    const theirs: Run[] = [];
    for (let i = 0; i < runs; i++) {
      if (base !== undefined) theirs.push(runOnce(base, args));
      mine.push(runOnce(root, args));
    }
    const m = median(mine.map((r) => r.cpu));
    let line = `${name}: ${m.toFixed(2)} s CPU (median of ${runs}: ${mine.map((r) => r.cpu.toFixed(2)).join(' ')}) | ${mine[0]!.counts}`;
    if (base !== undefined) {
      const b = median(theirs.map((r) => r.cpu));
      const same = theirs.every((r) => r.counts === mine[0]!.counts) && mine.every((r) => r.counts === mine[0]!.counts);
      line += `\n  base ${b.toFixed(2)} s (${theirs.map((r) => r.cpu.toFixed(2)).join(' ')}), ratio ${(b / m).toFixed(2)}x, counts ${same ? 'identical' : `DIFFER: base ${theirs[0]!.counts}`}`;
    }
    console.log(line);
  }
}

main();
