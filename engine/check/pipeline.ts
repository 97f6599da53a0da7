// The whole model-checking pipeline for one spec file: load the modules, parse the cfg,
// compile, search. Callable from tests, the CLI and benchmarks alike; errors in the user's
// files are thrown as TlaError (ParseError, ConfigError, EvalError...) for the caller to print.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseConfigFile } from '../config/parse.js';
import type { Config } from '../config/types.js';
import type { CompiledSpec } from '../eval/api.js';
import { loadSpec, type LoadedSpec } from '../frontend/load.js';
import { search, type SearchOptions } from './bfs.js';
import type { SearchResult } from './result.js';

export interface CheckRun {
  readonly specPath: string;
  readonly cfgPath: string;
  readonly config: Config;
  readonly spec: CompiledSpec;
  readonly result: SearchResult;
}

/** TLC's default: `SPEC.cfg` beside `SPEC.tla`. */
export function defaultConfigPath(specPath: string): string {
  return join(dirname(specPath), `${basename(specPath, extname(specPath))}.cfg`);
}

type Compile = (loaded: LoadedSpec, config: Config) => CompiledSpec | Promise<CompiledSpec>;

let compiler: Compile | undefined;

/** The evaluator's `compileSpec` (engine/eval). Looked up at run time so the checker and the
 *  CLI build and test while the evaluator is being written; once it has landed this finds it. */
async function compileSpec(loaded: LoadedSpec, config: Config): Promise<CompiledSpec> {
  return (await findCompiler())(loaded, config);
}

async function findCompiler(): Promise<Compile> {
  if (!compiler) {
    const here = dirname(new URL(import.meta.url).pathname);
    for (const file of ['compile', 'index', 'spec', 'compileSpec']) {
      if (!existsSync(join(here, '..', 'eval', `${file}.ts`)) && !existsSync(join(here, '..', 'eval', `${file}.js`))) continue;
      const mod = (await import(`../eval/${file}.js`)) as { compileSpec?: Compile };
      if (typeof mod.compileSpec === 'function') {
        compiler = mod.compileSpec;
        break;
      }
    }
    if (!compiler) throw new Error('the evaluator (engine/eval compileSpec) is not available yet');
  }
  return compiler;
}

/** Whether engine/eval's compileSpec can be found (false while the evaluator is being written). */
export async function evaluatorAvailable(): Promise<boolean> {
  try {
    await findCompiler();
    return true;
  } catch {
    return false;
  }
}

export interface CheckOptions extends SearchOptions {
  readonly cfgPath?: string;
  /** called after loading and compiling, right before the search (TLC prints
   *  "Computing initial states..." at that point) */
  readonly onSearchStart?: () => void;
}

export async function checkFile(specPath: string, options: CheckOptions = {}): Promise<CheckRun> {
  const cfgPath = options.cfgPath ?? defaultConfigPath(specPath);
  const loaded = await loadSpec(specPath);
  const config = parseConfigFile(cfgPath);
  const spec = await compileSpec(loaded, config);
  options.onSearchStart?.();
  const result = search(spec, options);
  return { specPath, cfgPath, config, spec, result };
}
