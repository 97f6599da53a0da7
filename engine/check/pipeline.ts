// The whole model-checking pipeline for one spec file: load the modules, parse the cfg,
// compile, search. Callable from tests, the CLI and benchmarks alike; errors in the user's
// files are thrown as TlaError (ParseError, ConfigError, EvalError...) for the caller to print.
import { basename, dirname, extname, join } from 'node:path';
import { parseConfigFile } from '../config/parse.js';
import type { Config } from '../config/types.js';
import type { CompiledSpec } from '../eval/api.js';
import { compileSpec } from '../eval/index.js';
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

export interface CheckOptions extends SearchOptions {
  readonly cfgPath?: string;
  /** folders searched for modules after the spec's own (TLC's -DTLA-Library) */
  readonly libraryPath?: readonly string[];
  /** called after loading and compiling, right before the search (TLC prints
   *  "Computing initial states..." at that point) */
  readonly onSearchStart?: () => void;
}

export interface CompiledRun {
  readonly cfgPath: string;
  readonly config: Config;
  readonly spec: CompiledSpec;
}

/** Load, read the cfg and compile, without searching (for other searches: simulation). */
export async function compileFile(specPath: string, cfgPath?: string, libraryPath?: readonly string[]): Promise<CompiledRun> {
  return compileLoaded(await loadSpec(specPath, libraryPath ? { libraryPath } : {}), specPath, cfgPath);
}

function compileLoaded(loaded: LoadedSpec, specPath: string, cfgPath = defaultConfigPath(specPath)): CompiledRun {
  const config = parseConfigFile(cfgPath);
  return { cfgPath, config, spec: compileSpec(loaded, config) };
}

export async function checkFile(specPath: string, options: CheckOptions = {}): Promise<CheckRun> {
  return checkLoaded(await loadSpec(specPath, options.libraryPath ? { libraryPath: options.libraryPath } : {}), specPath, options);
}

/** Checks an already loaded spec: one load serves many cfgs (the verdict table). */
export function checkLoaded(loaded: LoadedSpec, specPath: string, options: CheckOptions = {}): CheckRun {
  const { cfgPath, config, spec } = compileLoaded(loaded, specPath, options.cfgPath);
  options.onSearchStart?.();
  const result = search(spec, options);
  return { specPath, cfgPath, config, spec, result };
}

