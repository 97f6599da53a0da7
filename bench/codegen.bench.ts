// Generated code vs interpretation (a plain script; `npm run bench` runs it): the same
// breadth-first exploration (codegen/explore.ts) over the generated core and over the engine's
// compiled spec, on RDS model configs and corpus specs; prints distinct states per second of
// each and the ratio. The generated module is written to node_modules/.cache (not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '../codegen/generate.js';
import { type Exploration, type GeneratedCore, exploreEngine, exploreGenerated } from '../codegen/explore.js';
import { parseConfigFile } from '../engine/config/parse.js';
import { compileSpec } from '../engine/eval/index.js';
import { loadSpec } from '../engine/frontend/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'rdsib-codegen', 'bench');

const CASES: readonly [string, string][] = [
  ['tla/RdsIbDevice.tla', 'tla/MC_V2_large.cfg'],
  ['tla/RdsIbDevice.tla', 'tla/MC_V3_fixed.cfg'],
  ['test/specs/Sliding.tla', 'test/specs/Sliding.cfg'],
  ['test/specs/TwoPhaseBig.tla', 'test/specs/TwoPhaseBig.cfg'],
];

function timed(f: () => Exploration): { r: Exploration; ms: number } {
  const t0 = performance.now();
  const r = f();
  return { r, ms: performance.now() - t0 };
}

mkdirSync(out, { recursive: true });
console.log(`${'spec / cfg'.padEnd(40)} ${'distinct'.padStart(9)} ${'generated/s'.padStart(12)} ${'engine/s'.padStart(10)} ratio`);
for (const [spec, cfg] of CASES) {
  const g = await generate(join(root, spec), { cfgPath: join(root, cfg), runtimeImport: '../../../../codegen/runtime.js' });
  const file = join(out, `${spec.replace(/\W/g, '_')}_${g.fileName}`);
  writeFileSync(file, g.text);
  const mod = (await import(pathToFileURL(file).href)) as { core: GeneratedCore };
  const compiled = compileSpec(await loadSpec(join(root, spec)), parseConfigFile(join(root, cfg)));
  // best of three runs each (the first ones warm the JIT up), within about 20 s per side
  const best = (f: () => Exploration): { r: Exploration; ms: number } => {
    let m = timed(f);
    for (let i = 0; i < 2 && m.ms < 7000; i++) {
      const n = timed(f);
      if (n.ms < m.ms) m = n;
    }
    return m;
  };
  const a = best(() => exploreGenerated(mod.core));
  const b = best(() => exploreEngine(compiled));
  if (a.r.distinct !== b.r.distinct || a.r.depth !== b.r.depth) throw new Error(`${spec}: generated ${JSON.stringify(a.r)} but engine ${JSON.stringify(b.r)}`);
  const ga = (a.r.distinct / a.ms) * 1000;
  const eb = (b.r.distinct / b.ms) * 1000;
  console.log(`${`${spec.split('/').pop()} ${cfg.split('/').pop()}`.padEnd(40)} ${String(a.r.distinct).padStart(9)} ${Math.round(ga).toLocaleString('en-US').padStart(12)} ${Math.round(eb).toLocaleString('en-US').padStart(10)} ${(ga / eb).toFixed(2)}x`);
}
