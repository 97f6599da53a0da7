// Breadth-first exploration of a generated core, and of the engine's compiled spec the same
// way: the differential test (test/codegen) and the benchmark (bench/codegen.bench.ts) compare
// the two. Depth is counted as TLC counts it: the initial states are level 1.
import type { CompiledSpec } from '../engine/eval/api.js';
import { stateKey, type Value } from '../engine/values/index.js';

/** The part of a generated module's `core` that exploration needs. */
export interface GeneratedCore {
  init(): Value[][];
  next(s: readonly Value[], emit: (action: number, params: readonly Value[], t: Value[]) => void): void;
  constraint(s: readonly Value[]): boolean;
  /** with VIEW or SYMMETRY: the key states are deduplicated under */
  readonly key?: (s: readonly Value[]) => string;
  actionConstraint(s: readonly Value[], t: readonly Value[]): boolean;
}

export interface Exploration {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
}

export interface ExploreOptions {
  /** stop (and throw) beyond this many distinct states */
  readonly maxStates?: number;
}

/** BFS over any initial states / successor function; `key` decides which states are the same. */
export function bfs(
  initial: Iterable<readonly Value[]>,
  successors: (s: readonly Value[], push: (t: readonly Value[]) => void) => void,
  keep: (s: readonly Value[]) => boolean,
  key: (s: readonly Value[]) => string,
  options: ExploreOptions = {},
): Exploration {
  const max = options.maxStates ?? Infinity;
  const seen = new Set<string>();
  let level: (readonly Value[])[] = [];
  let generated = 0;
  for (const s of initial) {
    generated++;
    if (!keep(s)) continue;
    const k = key(s);
    if (seen.has(k)) continue;
    seen.add(k);
    level.push(s);
  }
  let depth = level.length > 0 ? 1 : 0;
  while (level.length > 0) {
    const nextLevel: (readonly Value[])[] = [];
    for (const s of level) {
      successors(s, (t) => {
        generated++;
        if (!keep(t)) return;
        const k = key(t);
        if (seen.has(k)) return;
        seen.add(k);
        if (seen.size > max) throw new RangeError(`more than ${max} distinct states`);
        nextLevel.push(t);
      });
    }
    if (nextLevel.length > 0) depth++;
    level = nextLevel;
  }
  return { distinct: seen.size, generated, depth };
}

export function exploreGenerated(core: GeneratedCore, options: ExploreOptions = {}): Exploration {
  return bfs(
    core.init(),
    (s, push) => core.next(s, (_a, _p, t) => {
      if (core.actionConstraint(s, t)) push(t);
    }),
    (s) => core.constraint(s),
    core.key ?? stateKey,
    options,
  );
}

export function exploreEngine(spec: CompiledSpec, options: ExploreOptions = {}): Exploration {
  return bfs(
    spec.initStates(),
    (s, push) => {
      for (const t of spec.successors(s)) if (spec.actionConstraint(s, t.state)) push(t.state);
    },
    (s) => spec.stateConstraint(s),
    (s) => spec.fingerprint(s),
    options,
  );
}
