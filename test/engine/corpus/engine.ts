// The engine's library API as the corpus tests use it: loaded stage by stage (front end, cfg,
// evaluator, search) so that a stage still being written makes the tests skip with a reason
// instead of failing to compile, plus the answer shape shared with the oracles.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OracleResult } from '../../specs/oracles/tlc-bfs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** An oracle's or the engine's answer; `result` widened to the engine's words (incl. liveness). */
export type Answer = Omit<OracleResult, 'result'> & { readonly result: string };

/** A test/specs/NAME.expected.json file (format in test/specs/README.md). */
export interface Expected {
  readonly result: 'ok' | 'violation' | 'deadlock' | 'liveness' | 'error';
  readonly exitCode: number;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly property?: string;
  readonly traceLength?: number;
  /** false for evaluation errors: TLC's counts after an EvalException come from a replay
   *  (README "Counts after evaluation errors"), so only verdict and exit code are asserted */
  readonly countsAsserted?: boolean;
  /** true for specs too big for the default run (set RDSIB_CORPUS_ALL=1 to include them) */
  readonly slow?: boolean;
  readonly how: string;
}

/** The comparable part of an answer: what TLC prints and we assert. */
export function answer(e: Answer) {
  return {
    result: e.result,
    exitCode: e.exitCode,
    distinctStates: e.distinctStates,
    generatedStates: e.generatedStates,
    depth: e.depth,
    ...(e.property !== undefined ? { property: e.property } : {}),
    ...(e.traceLength !== undefined ? { traceLength: e.traceLength } : {}),
  };
}

export interface EngineResult {
  readonly outcome: { readonly kind: string; readonly trace?: readonly unknown[] };
  readonly generated: number;
  readonly distinct: number;
  readonly depth: number;
  readonly skippedProperties: readonly string[];
}

export interface Engine {
  checkFile(specPath: string): Promise<{ result: EngineResult }>;
  exitCodeOf(outcome: EngineResult['outcome']): number;
  verdictOf(outcome: EngineResult['outcome']): string;
  propertyOf(outcome: EngineResult['outcome']): string | undefined;
}

/** The engine's library API, stage by stage (front end, cfg, evaluator, search), or the
 *  reason it cannot be used yet. */
export async function loadEngine(): Promise<Engine | string> {
  const stage = async <T>(path: string, name: string): Promise<T> => {
    const file = join(root, path);
    if (!existsSync(file)) throw new Error(`${path} is not there yet`);
    const fn = ((await import(file)) as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`${path} does not export ${name} yet`);
    return fn as T;
  };
  try {
    const loadSpec = await stage<(p: string) => Promise<unknown>>('engine/frontend/load.ts', 'loadSpec');
    const parseConfigFile = await stage<(p: string) => unknown>('engine/config/parse.ts', 'parseConfigFile');
    const compileSpec = await stage<(l: unknown, c: unknown) => unknown>('engine/eval/index.ts', 'compileSpec');
    const search = await stage<(s: unknown) => EngineResult>('engine/check/bfs.ts', 'search');
    const result = (await import(join(root, 'engine/check/result.ts'))) as Omit<Engine, 'checkFile'>;
    const checkFile = async (specPath: string) => {
      const loaded = await loadSpec(specPath);
      const config = parseConfigFile(specPath.replace(/\.tla$/, '.cfg'));
      const spec = await compileSpec(loaded, config);
      return { result: search(spec) };
    };
    return { checkFile, ...result };
  } catch (e) {
    return `the engine cannot be used yet: ${(e as Error).message.split('\n')[0]}`;
  }
}

