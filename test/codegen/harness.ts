// Shared by the codegen tests: generate a spec into node_modules/.cache (not committed, not
// type-checked with the project) and import it; explore the engine's compiled spec alike.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, runtimeImportFor } from '../../codegen/generate.js';
import { type Exploration, type GeneratedCore, exploreEngine } from '../../codegen/explore.js';
import { parseConfigFile } from '../../engine/config/parse.js';
import { compileSpec } from '../../engine/eval/index.js';
import { loadSpec } from '../../engine/frontend/load.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, 'node_modules', '.cache', 'rdsib-codegen', 'test');

export interface GeneratedModule {
  readonly file: string;
  readonly text: string;
  readonly core: GeneratedCore;
}

/** Generates `spec` with `cfg` (paths relative to the repository) and imports the result. */
export async function generateAndImport(spec: string, cfg: string): Promise<GeneratedModule> {
  mkdirSync(OUT, { recursive: true });
  const g = await generate(join(ROOT, spec), { cfgPath: join(ROOT, cfg), runtimeImport: runtimeImportFor(OUT) });
  const file = join(OUT, `${spec.replace(/\W/g, '_')}__${g.fileName}`);
  writeFileSync(file, g.text);
  const mod = (await import(pathToFileURL(file).href)) as { core: GeneratedCore };
  return { file, text: g.text, core: mod.core };
}

export async function engineExploration(spec: string, cfg: string): Promise<Exploration> {
  return exploreEngine(compileSpec(await loadSpec(join(ROOT, spec)), parseConfigFile(join(ROOT, cfg))));
}
