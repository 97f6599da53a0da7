// A breadth-first search that counts states exactly as TLC does with one worker
// (tlc2/tool/ModelChecker.java DoInitFunctor.addElement, tlc2/tool/Worker.java run/addElement;
// the rules are written out in test/specs/README.md). Each oracle gives it one spec written
// by hand as TypeScript: no import from engine/, so the expected numbers are independent of it.

export interface OracleModel<S> {
  /** initial states in TLC's generation order, duplicates included */
  init(): Iterable<S>;
  /** successors in TLC's order (disjuncts left to right, \E values ascending), duplicates included */
  next(s: S): Iterable<S>;
  /** fingerprint key: the state itself unless a VIEW or SYMMETRY says otherwise */
  key?(s: S): string;
  /** INVARIANTs in cfg order */
  invariants?: ReadonlyArray<readonly [string, (s: S) => boolean]>;
  /** action properties [][A]_v, checked on every generated transition */
  actionProperties?: ReadonlyArray<readonly [string, (s: S, t: S) => boolean]>;
  constraint?(s: S): boolean;
  actionConstraint?(s: S, t: S): boolean;
  /** CHECK_DEADLOCK; TLC's default is TRUE */
  checkDeadlock?: boolean;
}

export type Verdict = 'ok' | 'violation' | 'deadlock' | 'liveness' | 'error';

export interface OracleResult {
  result: Verdict;
  exitCode: number;
  distinctStates: number;
  generatedStates: number;
  depth: number;
  property?: string;
  traceLength?: number;
}

/** Thrown by an oracle's next() to stand for a TLC evaluation error (exit 75) or Assert (14). */
export class OracleEvalError extends Error {
  constructor(message: string, readonly exitCode: number = 75) {
    super(message);
  }
}

export function canonicalKey(s: unknown): string {
  return JSON.stringify(s, (_k, v: unknown) =>
    v instanceof Set ? { set: [...v].map((e) => JSON.stringify(e)).sort() } : v,
  );
}

export function tlcBfs<S>(m: OracleModel<S>): OracleResult {
  const key = m.key ?? canonicalKey;
  const seen = new Set<string>();
  const queue: Array<{ s: S; level: number }> = [];
  let generated = 0;
  let depth = 1;
  const done = (result: Verdict, exitCode: number, extra: Partial<OracleResult> = {}): OracleResult => ({
    result,
    exitCode,
    distinctStates: seen.size,
    generatedStates: generated,
    depth: generated === 0 ? 0 : depth,
    ...extra,
  });
  const violated = (s: S): string | undefined => m.invariants?.find(([, holds]) => !holds(s))?.[0];

  try {
    // DoInitFunctor.addElement: count, constraint, fingerprint set, then invariants if unseen.
    for (const s of m.init()) {
      generated++;
      const inModel = m.constraint ? m.constraint(s) : true;
      let unseen = true;
      if (inModel) {
        const k = key(s);
        unseen = !seen.has(k);
        if (unseen) {
          seen.add(k);
          queue.push({ s, level: 1 });
        }
      }
      if (unseen) {
        const bad = violated(s);
        if (bad) return done('violation', 12, { property: bad, traceLength: 1 });
      }
    }
    // Worker.run / Worker.addElement
    for (let head = 0; head < queue.length; head++) {
      const { s, level } = queue[head]!;
      const before = generated;
      for (const t of m.next(s)) {
        generated++;
        const inModel = (m.constraint ? m.constraint(t) : true) && (m.actionConstraint ? m.actionConstraint(s, t) : true);
        let unseen = true;
        if (inModel) {
          const k = key(t);
          unseen = !seen.has(k);
          if (unseen) {
            seen.add(k);
            depth = Math.max(depth, level + 1);
          }
        }
        if (unseen) {
          const bad = violated(t);
          if (bad) return done('violation', 12, { property: bad, traceLength: level + 1 });
        }
        const badAction = m.actionProperties?.find(([, holds]) => !holds(s, t))?.[0];
        if (badAction) return done('violation', 13, { property: badAction, traceLength: level + 1 });
        if (inModel && unseen) queue.push({ s: t, level: level + 1 });
      }
      if ((m.checkDeadlock ?? true) && generated === before) {
        return done('deadlock', 11, { traceLength: level });
      }
    }
  } catch (e) {
    if (e instanceof OracleEvalError) return done('error', e.exitCode);
    throw e;
  }
  return done('ok', 0);
}

/** Run an oracle module directly (`npx tsx test/specs/oracles/X.oracle.ts`): print its counts. */
export function printIfMain(url: string, run: () => OracleResult): void {
  if (process.argv[1] && url === new URL(`file://${process.argv[1]}`).href) {
    console.log(JSON.stringify(run()));
  }
}

/** All permutations of xs (for SYMMETRY oracles). */
export function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()];
  const out: T[][] = [];
  xs.forEach((x, i) => {
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}
