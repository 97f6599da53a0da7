// Shared by the codegen tests: generate a spec into node_modules/.cache (not committed, not
// type-checked with the project) and import it; explore the engine's compiled spec alike.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, runtimeImportFor } from '../../codegen/generate.js';
import type { GeneratedCore } from '../../codegen/explore.js';
import { parseConfigFile } from '../../engine/config/parse.js';
import { type CompiledSpec, compileSpec } from '../../engine/eval/index.js';
import { stateKey, type Value } from '../../engine/values/index.js';
import { loadSpec } from '../../engine/frontend/load.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, 'node_modules', '.cache', 'rdsib-codegen', 'test');

export interface GeneratedModule {
  readonly file: string;
  readonly text: string;
  readonly core: GeneratedCore & { readonly invariants: readonly { name: string; holds: (s: readonly Value[]) => boolean }[] };
}

/** Generates `spec` with `cfg` (paths relative to the repository) and imports the result.
 *  Generation and compileSpec each start a fresh run of the value tables (as every TLC run
 *  does); a module imported right after compileSpec of the same spec joins that run
 *  (runtime.ts seedRun), so its values and the interpreter's can be compared. */
export async function generateAndImport(spec: string, cfg: string, before?: () => Promise<unknown>): Promise<GeneratedModule> {
  mkdirSync(OUT, { recursive: true });
  const g = await generate(join(ROOT, spec), { cfgPath: join(ROOT, cfg), runtimeImport: runtimeImportFor(OUT) });
  const file = join(OUT, `${spec.replace(/\W/g, '_')}__${g.fileName}`);
  writeFileSync(file, g.text);
  await before?.(); // e.g. compile the engine's spec first: the module then joins its run
  const mod = (await import(pathToFileURL(file).href)) as { core: GeneratedModule['core'] };
  return { file, text: g.text, core: mod.core };
}

export async function compiledSpec(spec: string, cfg: string): Promise<CompiledSpec> {
  return compileSpec(await loadSpec(join(ROOT, spec)), parseConfigFile(join(ROOT, cfg)));
}

/** The outcome of a predicate: its value, or that it raised an error. */
function outcome(f: () => boolean): boolean | 'error' {
  try {
    return f();
  } catch {
    return 'error';
  }
}

/** Walks up to `max` states of the generated core breadth first and returns the first state
 *  (if any) where a generated invariant disagrees with the engine's on the same state. */
export function invariantDisagreement(core: GeneratedCore & { invariants: readonly { name: string; holds: (s: readonly Value[]) => boolean }[] }, spec: CompiledSpec, max: number): string | undefined {
  const seen = new Set<string>();
  const queue: (readonly Value[])[] = [];
  const visit = (s: readonly Value[]): void => {
    const k = stateKey(s);
    if (seen.has(k) || seen.size >= max) return;
    seen.add(k);
    queue.push(s);
  };
  core.init().forEach(visit);
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i]!;
    for (const [j, inv] of core.invariants.entries()) {
      const a = outcome(() => inv.holds(s));
      const b = outcome(() => spec.invariants[j]!.holds(s));
      if (a !== b) return `${inv.name}: generated ${a}, engine ${b} in\n${spec.formatState(s)}`;
    }
    try {
      core.next(s, (_a, _p, t) => visit(t));
    } catch {
      // an evaluation error in Next: compared by the exploration test
    }
  }
  return undefined;
}
