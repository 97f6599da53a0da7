// The SCC search (engine/check/liveness/search.ts) against a brute force that shares nothing
// with it: on random graphs of up to 6 states, a goal has a fair lasso iff some set S of
// reachable states is strongly connected through its allowed transitions (a single state
// needs a self-loop or its stuttering step) and meets the promises and the fairness
// conditions when the cycle runs through all of S's allowed transitions (which is the best a
// cycle confined to S can do: WF wants a taken step or a disabled state in S, SF a taken step
// or no enabled state in S). No SCCs, no recursion: every subset is tried.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { State } from '../../../../engine/eval/api.js';
import { AtomTable, BehaviourGraph, findLasso, type FairCond, type Goal, type Lit } from '../../../../engine/check/liveness/index.js';

interface World {
  n: number;
  inits: number[];
  edges: [number, number][];
  /** per state: P, Q, and per fairness condition: enabled */
  p: boolean[];
  q: boolean[];
  /** per edge and per stuttering step: A, and per fairness condition: taken */
  a: boolean[];
  aStutter: boolean[];
  fair: { strong: boolean; enabled: boolean[]; taken: boolean[] }[];
  form: number;
}

const world = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      inits: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
      edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 12 }),
      p: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      q: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      aStutter: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      form: fc.integer({ min: 0, max: 7 }),
    }),
  )
  .chain((w) =>
    fc.record({
      a: fc.array(fc.boolean(), { minLength: w.edges.length, maxLength: w.edges.length }),
      fair: fc.array(
        fc.record({
          strong: fc.boolean(),
          enabled: fc.array(fc.boolean(), { minLength: w.n, maxLength: w.n }),
          taken: fc.array(fc.boolean(), { minLength: w.edges.length, maxLength: w.edges.length }),
        }),
        { maxLength: 3 },
      ),
    }).map((x): World => ({ ...w, ...x })),
  );

/** states are their ids; transitions are recognised by (source, target, index) through a side table */
function build(w: World) {
  const atoms = new AtomTable();
  const id = (s: State) => s[0] as unknown as number;
  let edgeIndex = -1; // the transition being recorded (-1: a stuttering step)
  const P = atoms.stateAtom((s) => w.p[id(s)]!);
  const Q = atoms.stateAtom((s) => w.q[id(s)]!);
  const A = atoms.actionAtom((s) => (edgeIndex < 0 ? w.aStutter[id(s)]! : w.a[edgeIndex]!));
  const fair: FairCond[] = w.fair.map((f) => ({
    strong: f.strong,
    enabled: atoms.stateAtom((s) => f.enabled[id(s)]!),
    taken: atoms.actionAtom(() => (edgeIndex < 0 ? false : f.taken[edgeIndex]!)),
  }));
  const g = new BehaviourGraph(atoms);
  const st = (i: number) => [i] as unknown as State;
  // ids in discovery order: initial states first is not required by the graph, only density
  for (let i = 0; i < w.n; i++) {
    g.addState(i, w.inits.includes(i) ? undefined : 0, `fp${i}`);
    g.evaluateState(i, st(i));
  }
  w.edges.forEach(([u, v], k) => {
    edgeIndex = k;
    g.addEdge(u, v, st(u), st(v));
  });
  edgeIndex = -1;
  g.freeze();
  const lit = (atom: number, action: boolean, neg: boolean): Lit => ({ atom, action, neg });
  const goals: Goal[] = [
    // ~[]<>P: <>[]~P
    { init: [], always: [], phases: [], cycleAll: [lit(P, false, true)], cycleSome: [], fairness: [] },
    // ~<>[]P: []<>~P
    { init: [], always: [], phases: [], cycleAll: [], cycleSome: [lit(P, false, true)], fairness: [] },
    // ~<>P: []~P
    { init: [], always: [lit(P, false, true)], phases: [], cycleAll: [], cycleSome: [], fairness: [] },
    // ~(P ~> Q): <>(P /\ ~Q /\ []~Q)
    { init: [], always: [], phases: [{ trigger: [lit(P, false, false), lit(Q, false, true)], after: [lit(Q, false, true)] }], cycleAll: [], cycleSome: [], fairness: [] },
    // ~[]<>A: <>[]~A (an action, stuttering steps included)
    { init: [], always: [], phases: [], cycleAll: [lit(A, true, true)], cycleSome: [], fairness: [] },
    // ~<>[]A with Q initially and []P on the way: []<>~A
    { init: [lit(Q, false, false)], always: [lit(P, false, false)], phases: [], cycleAll: [], cycleSome: [lit(A, true, true)], fairness: [] },
    // ~[]A: <>~A, a step where A fails
    { init: [], always: [], phases: [{ trigger: [lit(A, true, true)], after: [] }], cycleAll: [], cycleSome: [], fairness: [] },
    // ~[](P => []~Q): <>(P /\ <>Q), two phases in order, each a state
    { init: [], always: [], phases: [{ trigger: [lit(P, false, false)], after: [] }, { trigger: [lit(Q, false, false)], after: [] }], cycleAll: [], cycleSome: [], fairness: [] },
  ];
  return { g, goal: goals[w.form]!, fair };
}

/** does some subset of states carry a fair cycle fulfilling the goal? */
function bruteForce(w: World): boolean {
  const n = w.n;
  const bit = (s: boolean, neg: boolean) => s !== neg;
  const form = w.form;
  // state and step conditions per form (mirrors the goals above, written out)
  const okInit = (u: number) => (form === 5 ? w.q[u]! : true);
  const okAlways = (u: number) => (form === 2 ? !w.p[u]! : form === 5 ? w.p[u]! : true);
  // region of the prefix
  const reach = new Set<number>(w.inits.filter((u) => okInit(u) && okAlways(u)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [u, v] of w.edges) if (reach.has(u) && okAlways(v) && !reach.has(v)) (reach.add(v), (changed = true));
  }
  let region = reach;
  if (form === 3) {
    const r2 = new Set<number>([...reach].filter((u) => w.p[u]! && !w.q[u]!));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [u, v] of w.edges) if (r2.has(u) && !w.q[v]! && !r2.has(v)) (r2.add(v), (changed = true));
    }
    region = r2;
  }
  if (form === 6) {
    const r2 = new Set<number>();
    reach.forEach((u) => w.aStutter[u] === false && r2.add(u));
    w.edges.forEach(([u, v], k) => reach.has(u) && !w.a[k]! && r2.add(v));
    for (let changed = true; changed; ) {
      changed = false;
      for (const [u, v] of w.edges) if (r2.has(u) && !r2.has(v)) (r2.add(v), (changed = true));
    }
    region = r2;
  }
  if (form === 7) {
    const grow = (r: Set<number>) => {
      for (let changed = true; changed; ) {
        changed = false;
        for (const [u, v] of w.edges) if (r.has(u) && !r.has(v)) (r.add(v), (changed = true));
      }
      return r;
    };
    const afterP = grow(new Set([...reach].filter((u) => w.p[u]!)));
    region = grow(new Set([...afterP].filter((u) => w.q[u]!)));
  }
  const stateOk = (u: number) => region.has(u) && (form === 0 ? !w.p[u]! : true);
  const edgeOk = (k: number) => (form === 4 ? !w.a[k]! : true);
  const stutterOk = (u: number) => (form === 4 ? !w.aStutter[u]! : true);
  for (let mask = 1; mask < 1 << n; mask++) {
    const S = [...Array(n).keys()].filter((u) => mask & (1 << u));
    if (!S.every(stateOk)) continue;
    const inS = (u: number) => (mask & (1 << u)) !== 0;
    const E = w.edges.map((e, k) => k).filter((k) => inS(w.edges[k]![0]) && inS(w.edges[k]![1]) && edgeOk(k));
    const stut = S.filter(stutterOk);
    // strongly connected through E (a single state: a loop or a stutter)
    const from = (s: number) => {
      const seen = new Set([s]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const k of E) if (seen.has(w.edges[k]![0]) && !seen.has(w.edges[k]![1])) (seen.add(w.edges[k]![1]), (changed = true));
      }
      return seen;
    };
    if (S.length === 1 ? stut.length === 0 && E.length === 0 : !S.every((s) => from(s).size === S.length)) continue;
    if (S.length > 1 && !S.every((s) => E.some((k) => w.edges[k]![1] === s))) continue;
    if (form === 1 && !S.some((u) => !w.p[u]!)) continue;
    if (form === 5 && !(E.some((k) => !w.a[k]!) || stut.some((u) => !w.aStutter[u]!))) continue;
    const fair = w.fair.every((f) => {
      if (E.some((k) => f.taken[k]!)) return true;
      return f.strong ? S.every((u) => !f.enabled[u]!) : S.some((u) => !f.enabled[u]!);
    });
    if (fair) return true;
    void bit;
  }
  return false;
}

describe('fair lasso search', () => {
  it('agrees with a brute force over all subsets of states on random small graphs', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { g, goal, fair } = build(w);
        const lasso = findLasso(g, goal, fair);
        expect(lasso !== undefined).toBe(bruteForce(w));
        if (!lasso) return;
        // the lasso is made of real transitions and starts in an initial state
        const path = [...lasso.prefix, ...lasso.cycle];
        expect(w.inits).toContain(path[0]);
        for (let i = 1; i < path.length; i++) expect(w.edges.some(([u, v]) => u === path[i - 1] && v === path[i])).toBe(true);
        if (lasso.cycle.length > 0) expect(lasso.cycle.at(-1)).toBe(lasso.prefix.at(-1));
      }),
      { numRuns: 2000, seed: 20261127 },
    );
  });

  it('strong fairness removes the states where the action is enabled and searches again', () => {
    // 0 <-> 1 <-> 2 where A is enabled in 1 only and never taken; P false everywhere.
    // The SCC {0,1,2} violates SF(A) (A enabled in 1, never taken); without state 1 no cycle
    // is left but the stuttering ones at 0 and 2, which are fair (A disabled there).
    const w: World = {
      n: 3, inits: [0], edges: [[0, 1], [1, 0], [1, 2], [2, 1]], p: [false, false, false], q: [false, false, false],
      a: [false, false, false, false], aStutter: [false, false, false], form: 0,
      fair: [{ strong: true, enabled: [false, true, false], taken: [false, false, false, false] }],
    };
    const { g, goal, fair } = build(w);
    // goal <>[]~P: a cycle in {0, 2}: the stuttering at 0 is found
    expect(findLasso(g, goal, fair)).toEqual({ prefix: [0], cycle: [] });
    // and none if the states left cannot stutter either: an SF violation everywhere
    const noStutter = build({ ...w, form: 4, aStutter: [true, true, true] });
    expect(findLasso(noStutter.g, noStutter.goal, noStutter.fair)).toBeUndefined();
    // with weak fairness the whole component is fair already (A is disabled in 0)
    expect(bruteForce({ ...w, fair: [{ ...w.fair[0]!, strong: false }] })).toBe(true);
  });
});
