// An independent liveness oracle: decides whether a fair behaviour of a finite state graph
// violates one of a few property shapes (<>P, []<>P, <>[]P, P ~> Q), by the textbook method
// rather than TLC's tableau (Manna & Pnueli; Emerson & Lei's decomposition for strong
// fairness). Its verdicts are what TLC must report, since TLC decides the same semantics.
//
// Behaviours may stutter forever (every state has an implicit self-loop) unless fairness
// forbids it. WF_v(A) / SF_v(A) are about <<A>>_v steps: an A-step that changes the state.
import { canonicalKey, tlcBfs, type OracleModel, type OracleResult } from './tlc-bfs.js';

export interface Fairness<S> {
  readonly kind: 'WF' | 'SF';
  /** the successors of s by the fair action A (TLC order not needed) */
  readonly step: (s: S) => Iterable<S>;
}

export type LiveProperty<S> =
  | { readonly kind: 'eventually'; readonly p: (s: S) => boolean } // <>P
  | { readonly kind: 'infinitelyOften'; readonly p: (s: S) => boolean } // []<>P
  | { readonly kind: 'eventuallyAlways'; readonly p: (s: S) => boolean } // <>[]P
  | { readonly kind: 'leadsTo'; readonly p: (s: S) => boolean; readonly q: (s: S) => boolean } // P ~> Q
  /** []<><<A>>_v: infinitely many steps of A that change the state; `step` is A's successors */
  | { readonly kind: 'infinitelyOftenStep'; readonly step: (s: S) => Iterable<S> }
  | { readonly kind: 'all'; readonly props: readonly LiveProperty<S>[] }; // a conjunction

interface Graph<S> {
  readonly states: S[];
  readonly succ: number[][]; // state index -> successor indices (Next steps, no stutter)
  readonly init: number[];
  /** the index of a state, by its fingerprint key */
  readonly lookup: (s: S) => number | undefined;
  /** per fairness entry: is <<A>>_v enabled at state i; is i -> j an <<A>>_v step */
  readonly enabled: boolean[][];
  readonly isStep: ReadonlyArray<(i: number, j: number) => boolean>;
}

function buildGraph<S>(m: OracleModel<S>, fairness: readonly Fairness<S>[]): Graph<S> {
  const key = m.key ?? canonicalKey;
  const index = new Map<string, number>();
  const states: S[] = [];
  const succ: number[][] = [];
  const add = (s: S): number => {
    const k = key(s);
    let i = index.get(k);
    if (i === undefined) {
      i = states.length;
      index.set(k, i);
      states.push(s);
      succ.push([]);
    }
    return i;
  };
  const init = [...new Set([...m.init()].filter((s) => !m.constraint || m.constraint(s)).map(add))];
  for (let i = 0; i < states.length; i++) {
    const s = states[i]!;
    const out = new Set<number>();
    for (const t of m.next(s)) {
      if (m.constraint && !m.constraint(t)) continue;
      if (m.actionConstraint && !m.actionConstraint(s, t)) continue;
      out.add(add(t));
    }
    succ[i] = [...out];
  }
  const stepSets = fairness.map((f) =>
    states.map((s, i) => new Set([...f.step(s)].map((t) => index.get(key(t))).filter((j): j is number => j !== undefined && j !== i))),
  );
  return {
    states,
    succ,
    init,
    lookup: (s) => index.get(key(s)),
    enabled: stepSets.map((sets) => sets.map((set) => set.size > 0)),
    isStep: stepSets.map((sets) => (i: number, j: number) => sets[i]!.has(j)),
  };
}

/** Strongly connected components of the subgraph induced by `nodes` (iterative Tarjan). */
function sccs<S>(g: Graph<S>, nodes: ReadonlySet<number>): number[][] {
  const idx = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (idx.has(root)) continue;
    const work: Array<{ v: number; i: number }> = [{ v: root, i: 0 }];
    idx.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const ws = g.succ[frame.v]!;
      if (frame.i < ws.length) {
        const w = ws[frame.i++]!;
        if (!nodes.has(w)) continue;
        if (!idx.has(w)) {
          idx.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.v, Math.min(low.get(frame.v)!, idx.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.v;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.v)!));
      }
      if (low.get(frame.v) === idx.get(frame.v)) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** Is there a fair infinite path that stays in `comp` (strongly connected, plus stuttering),
 *  visits every state of it infinitely often after decomposition, and meets `mustVisit`
 *  infinitely often? Emerson-Lei: a failed SF condition removes the states enabling it. */
function fairCycle<S>(g: Graph<S>, fairness: readonly Fairness<S>[], comp: readonly number[], mustVisit: (i: number) => boolean): boolean {
  if (!comp.some(mustVisit)) return false;
  const inComp = new Set(comp);
  const taken = (f: number) => comp.some((i) => g.succ[i]!.some((j) => inComp.has(j) && g.isStep[f]!(i, j)));
  for (let f = 0; f < fairness.length; f++) {
    const enabledSomewhere = comp.some((i) => g.enabled[f]![i]);
    const enabledEverywhere = comp.every((i) => g.enabled[f]![i]);
    if (fairness[f]!.kind === 'WF' && enabledEverywhere && !taken(f)) return false;
    if (fairness[f]!.kind === 'SF' && enabledSomewhere && !taken(f)) {
      const rest = new Set(comp.filter((i) => !g.enabled[f]![i]));
      return sccs(g, rest).some((c) => fairCycle(g, fairness, c, mustVisit));
    }
  }
  return true;
}

/** A fair behaviour that starts in `starts`, never leaves `allowed`, and visits `mustVisit`
 *  infinitely often. */
function fairPathExists<S>(g: Graph<S>, fairness: readonly Fairness<S>[], starts: readonly number[], allowed: (i: number) => boolean, mustVisit: (i: number) => boolean = () => true): boolean {
  const reach = new Set<number>();
  const todo = starts.filter(allowed);
  for (const s of todo) reach.add(s);
  while (todo.length > 0) {
    const v = todo.pop()!;
    for (const w of g.succ[v]!) if (allowed(w) && !reach.has(w)) (reach.add(w), todo.push(w));
  }
  return sccs(g, reach).some((c) => fairCycle(g, fairness, c, mustVisit));
}

function violated<S>(g: Graph<S>, fairness: readonly Fairness<S>[], prop: LiveProperty<S>): boolean {
  const all = g.states.map((_, i) => i);
  const holds = (p: (s: S) => boolean) => (i: number) => p(g.states[i]!);
  const fair = fairness;
  switch (prop.kind) {
    case 'eventually':
      return fairPathExists(g, fair, g.init, (i) => !holds(prop.p)(i));
    case 'infinitelyOften':
      return fairPathExists(g, fair, all, (i) => !holds(prop.p)(i));
    case 'eventuallyAlways':
      return fairPathExists(g, fair, all, () => true, (i) => !holds(prop.p)(i));
    case 'leadsTo':
      return fairPathExists(g, fair, all.filter((i) => holds(prop.p)(i) && !holds(prop.q)(i)), (i) => !holds(prop.q)(i));
    case 'infinitelyOftenStep': {
      // Violated iff some fair behaviour eventually takes no <<A>>_v step: search the graph
      // without A's state-changing edges (fairness is judged on the edges that remain).
      const aSteps = g.states.map((s, i) => new Set([...prop.step(s)].map(g.lookup).filter((j) => j !== undefined && j !== i)));
      const withoutA: Graph<S> = { ...g, succ: g.succ.map((out, i) => out.filter((j) => !aSteps[i]!.has(j))) };
      return fairPathExists(withoutA, fair, all, () => true);
    }
    case 'all':
      return prop.props.some((p) => violated(g, fairness, p));
    default: {
      const never: never = prop;
      throw new Error(`unknown property ${String(never)}`);
    }
  }
}

/** TLC's answer for a spec with fairness and one temporal PROPERTY: the safety search's counts,
 *  and `liveness` (exit 13) when a fair behaviour violates the property. Only the reachable
 *  graph matters: `fairPathExists` starts from states the BFS found. */
export function tlcLiveness<S>(m: OracleModel<S>, fairness: readonly Fairness<S>[], prop: LiveProperty<S>): OracleResult {
  const safety = tlcBfs(m);
  if (safety.result !== 'ok') return safety;
  const g = buildGraph(m, fairness);
  return violated(g, fairness, prop) ? { ...safety, result: 'liveness', exitCode: 13 } : safety;
}
