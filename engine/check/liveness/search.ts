// Searching the behaviour graph for a fair lasso that fulfils a goal (formula.ts): a path from
// an initial state into a strongly connected component that (1) respects the goal's
// conditions on the prefix, (2) is a cycle (more than one state, or a self-loop, or a state
// allowed to stutter), (3) fulfils the goal's []<> promises and (4) is fair. TLC does the same
// per OrderOfSolution in LiveWorker.checkComponent (Tarjan's SCCs of the behaviour graph
// restricted by the <>[] conditions, then the promises and the []<> fairness disjuncts).
// Fairness is checked as Streett conditions (the classic emptiness check, e.g. Emerson-Lei):
//   WF_v(A) is met by an SCC with an <<A>>_v step in it or a state where A is disabled;
//   SF_v(A) by an SCC with an <<A>>_v step or A disabled everywhere in it; otherwise the states
//   where A is enabled are removed and the rest is searched again.
// Stuttering steps are never <<A>>_v steps (v is unchanged), so they only help by staying.
import type { BehaviourGraph } from './graph.js';
import type { FairCond, Goal, Lit } from './formula.js';

/** A counterexample by state ids: `prefix` from an initial state to the cycle's entry,
 *  `cycle` the states after the entry, ending with the entry again; empty when the behaviour
 *  stutters forever at the entry. */
export interface Lasso {
  readonly prefix: readonly number[];
  readonly cycle: readonly number[];
}

export function findLasso(g: BehaviourGraph, goal: Goal, specFairness: readonly FairCond[]): Lasso | undefined {
  return new GoalSearch(g, goal, [...specFairness, ...goal.fairness]).run();
}

class GoalSearch {
  private readonly n: number;
  // per phase (0: from the initial states), per state: -2 not reached, -1 a start of the
  // phase, else the predecessor
  private readonly regions: Int32Array[] = [];
  // per phase from 1, per start: the state of the previous phase it was entered from (itself
  // for a state trigger, the source of the trigger step otherwise)
  private readonly froms: Int32Array[] = [];
  private readonly cand: Uint8Array;
  private readonly allowed: Uint8Array; // per transition
  private readonly stutters: Uint8Array; // per state: its stuttering step is allowed
  // Tarjan
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly comp: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly mark: Int32Array;
  private nextComp = 0;
  private nextStamp = 1;

  constructor(
    private readonly g: BehaviourGraph,
    private readonly goal: Goal,
    private readonly fair: readonly FairCond[],
  ) {
    const n = (this.n = g.size);
    this.cand = new Uint8Array(n);
    this.allowed = new Uint8Array(g.edges);
    this.stutters = new Uint8Array(n);
    this.index = new Int32Array(n).fill(-1);
    this.low = new Int32Array(n);
    this.comp = new Int32Array(n).fill(-1);
    this.onStack = new Uint8Array(n);
    this.mark = new Int32Array(n);
  }

  run(): Lasso | undefined {
    const { g, goal, n } = this;
    let lits = goal.always;
    // 1. states reachable from a good initial state through states and steps respecting `always`
    const starts: number[] = [];
    for (const u of g.inits) if (g.stateOk(u, goal.init) && g.stateOk(u, lits)) starts.push(u);
    let region = new Int32Array(n).fill(-2);
    this.bfs(starts, region, lits);
    this.regions.push(region);
    // 2. phase by phase: from a trigger point on, the phase's `after` holds too
    for (const phase of goal.phases) {
      const prev = region;
      const prevLits = lits;
      lits = [...lits, ...phase.after];
      const trig = phase.trigger;
      const step = trig.some((l) => l.action);
      const from = new Int32Array(n).fill(-2);
      const starts2: number[] = [];
      const start = (v: number, u: number) => {
        if (from[v] !== -2 || !g.stateOk(v, lits)) return;
        from[v] = u;
        starts2.push(v);
      };
      for (let u = 0; u < n; u++) {
        if (prev[u] === -2) continue;
        if (!step) {
          if (g.stateOk(u, trig)) start(u, u);
          continue;
        }
        if (g.stutterOk(u, prevLits) && g.stutterOk(u, trig)) start(u, u);
        for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
          const e = g.adj[k]!;
          if (g.edgeOk(e, prevLits) && g.edgeOk(e, trig)) start(g.target(e), u);
        }
      }
      region = new Int32Array(n).fill(-2);
      this.bfs(starts2, region, lits);
      this.regions.push(region);
      this.froms.push(from);
    }
    const later = lits;
    // 3. the subgraph where the cycle may lie: <>[] conditions on states and steps
    const cyc = [...later, ...goal.cycleAll];
    const nodes: number[] = [];
    const stamp = this.nextStamp++;
    for (let u = 0; u < this.n; u++) {
      if (region[u] === -2 || !g.stateOk(u, cyc)) continue;
      this.cand[u] = 1;
      this.mark[u] = stamp;
      nodes.push(u);
      if (g.stutterOk(u, cyc)) this.stutters[u] = 1;
    }
    for (const u of nodes) {
      for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
        const e = g.adj[k]!;
        if (this.cand[g.target(e)] && g.edgeOk(e, cyc)) this.allowed[e] = 1;
      }
    }
    const scc = this.fairComponent(nodes, stamp);
    return scc && this.lasso(scc);
  }

  /** breadth first from `starts`, through steps and states respecting `lits` */
  private bfs(starts: readonly number[], pred: Int32Array, lits: readonly Lit[]): void {
    const g = this.g;
    const queue = new Int32Array(this.n);
    let head = 0;
    let tail = 0;
    for (const s of starts) {
      if (pred[s] !== -2) continue;
      pred[s] = -1;
      queue[tail++] = s;
    }
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
        const e = g.adj[k]!;
        const v = g.target(e);
        if (pred[v] !== -2 || !g.edgeOk(e, lits) || !g.stateOk(v, lits)) continue;
        pred[v] = u;
        queue[tail++] = v;
      }
    }
  }

  /** The SCCs of the allowed subgraph on the states marked `stamp`, iterative Tarjan; each SCC
   *  gets its own `comp` number. */
  private components(nodes: readonly number[], stamp: number): number[][] {
    const { g, index, low, comp, onStack, mark, allowed } = this;
    const out: number[][] = [];
    const stack: number[] = [];
    const work: number[] = []; // pairs (node, next adjacency position)
    let counter = 0;
    for (const root of nodes) {
      if (index[root] !== -1) continue;
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      work.push(root, g.offsets[root]!);
      while (work.length > 0) {
        const u = work[work.length - 2]!;
        const k = work[work.length - 1]!;
        if (k < g.offsets[u + 1]!) {
          work[work.length - 1] = k + 1;
          const e = g.adj[k]!;
          if (!allowed[e]) continue;
          const v = g.target(e);
          if (mark[v] !== stamp) continue;
          if (index[v] === -1) {
            index[v] = low[v] = counter++;
            stack.push(v);
            onStack[v] = 1;
            work.push(v, g.offsets[v]!);
          } else if (onStack[v]) {
            low[u] = Math.min(low[u]!, index[v]!);
          }
          continue;
        }
        work.length -= 2;
        if (work.length > 0) {
          const p = work[work.length - 2]!;
          low[p] = Math.min(low[p]!, low[u]!);
        }
        if (low[u] === index[u]) {
          const c = this.nextComp++;
          const scc: number[] = [];
          for (;;) {
            const w = stack.pop()!;
            onStack[w] = 0;
            comp[w] = c;
            scc.push(w);
            if (w === u) break;
          }
          out.push(scc);
        }
      }
    }
    for (const u of nodes) index[u] = -1; // ready for a search on a subset
    return out;
  }

  /** transitions inside u's component that the cycle may take */
  private *internal(u: number): Generator<number> {
    const g = this.g;
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      const e = g.adj[k]!;
      if (this.isInternal(u, e)) yield e;
    }
  }

  private isInternal(u: number, e: number): boolean {
    const v = this.g.target(e);
    return this.allowed[e] === 1 && this.mark[v] === this.mark[u] && this.comp[v] === this.comp[u];
  }

  private isCycle(scc: readonly number[]): boolean {
    if (scc.length > 1) return true;
    const u = scc[0]!;
    if (this.stutters[u]) return true;
    for (const _ of this.internal(u)) return true;
    return false;
  }

  /** some state / step of the component fulfils l */
  private somewhere(scc: readonly number[], l: Lit): boolean {
    const g = this.g;
    for (const u of scc) {
      if (!l.action) {
        if (g.stateBit(u, l.atom) !== l.neg) return true;
        continue;
      }
      if (this.stutters[u] && g.stutterBit(u, l.atom) !== l.neg) return true;
      for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
        const e = g.adj[k]!;
        if (this.isInternal(u, e) && g.edgeBit(e, l.atom) !== l.neg) return true;
      }
    }
    return false;
  }

  private fairComponent(nodes: readonly number[], stamp: number): number[] | undefined {
    const g = this.g;
    // components nearest the initial states first (ids are in BFS order), for short traces
    const comps = this.components(nodes, stamp).map((c) => ({ c, min: c.reduce((a, b) => Math.min(a, b)) }));
    comps.sort((x, y) => x.min - y.min);
    for (const { c: scc } of comps) {
      if (!this.isCycle(scc)) continue;
      if (!this.goal.cycleSome.every((l) => this.somewhere(scc, l))) continue;
      const unmetStrong: FairCond[] = [];
      let ok = true;
      for (const f of this.fair) {
        if (this.somewhere(scc, { atom: f.taken, action: true, neg: false })) continue;
        const disabledSomewhere = this.somewhere(scc, { atom: f.enabled, action: false, neg: true });
        if (!f.strong) {
          if (!disabledSomewhere) ok = false;
        } else if (scc.some((u) => g.stateBit(u, f.enabled))) {
          unmetStrong.push(f);
        }
        if (!ok) break;
      }
      if (!ok) continue;
      if (unmetStrong.length === 0) return scc;
      // SF unmet: only the states where those actions are disabled may still carry a cycle
      const sub = scc.filter((u) => unmetStrong.every((f) => !g.stateBit(u, f.enabled)));
      if (sub.length === 0) continue;
      const s2 = this.nextStamp++;
      for (const u of sub) this.mark[u] = s2;
      const found = this.fairComponent(sub, s2);
      if (found) return found;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ the counterexample

  private lasso(scc: readonly number[]): Lasso {
    const g = this.g;
    // the state found first by the BFS, for a short prefix
    const entry = scc.reduce((a, b) => Math.min(a, b));
    // prefix: back through the regions of the phases, last to first
    const back: number[] = [];
    let u = entry;
    for (let k = this.regions.length - 1; k >= 1; k--) {
      const region = this.regions[k]!;
      while (region[u] !== -1) {
        back.push(u);
        u = region[u]!;
      }
      // u started phase k: a state trigger starts in the previous region, a step trigger after its step
      const from = this.froms[k - 1]![u]!;
      if (from !== u) {
        back.push(u);
        u = from;
      }
    }
    for (; u >= 0; u = this.regions[0]![u]!) back.push(u);
    const prefix = back.reverse();

    // cycle: from the entry through a witness of every promise and fairness condition not
    // already met on the way, then back to the entry
    const cycle: number[] = [];
    const seenStates = new Set<number>([entry]);
    const seenEdges: number[] = [];
    let cur = entry;
    const take = (e: number) => {
      seenEdges.push(e);
      cur = g.target(e);
      seenStates.add(cur);
      cycle.push(cur);
    };
    const goTo = (v: number) => {
      for (const e of this.path(cur, v)) take(e);
    };
    const met = (l: Lit): boolean =>
      l.action
        ? seenEdges.some((e) => g.edgeBit(e, l.atom) !== l.neg) || [...seenStates].some((w) => this.stutters[w] && g.stutterBit(w, l.atom) !== l.neg)
        : [...seenStates].some((w) => g.stateBit(w, l.atom) !== l.neg);
    const witness = (l: Lit): void => {
      if (met(l)) return;
      for (const w of scc) {
        if (!l.action) {
          if (g.stateBit(w, l.atom) !== l.neg) return goTo(w);
          continue;
        }
        for (const e of this.internal(w)) {
          if (g.edgeBit(e, l.atom) !== l.neg) {
            goTo(w);
            return take(e);
          }
        }
        if (this.stutters[w] && g.stutterBit(w, l.atom) !== l.neg) return goTo(w);
      }
    };
    for (const l of this.goal.cycleSome) witness(l);
    for (const f of this.fair) {
      const taken: Lit = { atom: f.taken, action: true, neg: false };
      if (this.somewhere(scc, taken)) witness(taken);
      else if (!f.strong) witness({ atom: f.enabled, action: false, neg: true });
    }
    goTo(entry);
    if (cycle.length === 0 && !this.stutters[entry]) {
      // no witness moved us: leave the entry by any step of the component and come back
      take(this.internal(entry).next().value as number);
      goTo(entry);
    }
    return { prefix, cycle };
  }

  /** shortest path inside the component from a to b, as transitions */
  private path(a: number, b: number): number[] {
    if (a === b) return [];
    const g = this.g;
    // reused across calls: the transition that reached each state, valid where seen === stamp
    this.via ??= new Int32Array(this.n);
    this.seen ??= new Int32Array(this.n);
    this.queue ??= new Int32Array(this.n);
    const { via, seen, queue } = this;
    const stamp = ++this.pathStamp;
    seen[a] = stamp;
    let head = 0;
    let tail = 0;
    queue[tail++] = a;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
        const e = g.adj[k]!;
        if (!this.isInternal(u, e)) continue;
        const v = g.target(e);
        if (seen[v] === stamp) continue;
        seen[v] = stamp;
        via[v] = e;
        if (v === b) {
          const out: number[] = [];
          for (let w = b; w !== a; w = g.source(via[w]!)) out.push(via[w]!);
          return out.reverse();
        }
        queue[tail++] = v;
      }
    }
    throw new Error('liveness: no path inside a strongly connected component (internal error)');
  }
  private via: Int32Array | undefined;
  private seen: Int32Array | undefined;
  private queue: Int32Array | undefined;
  private pathStamp = 0;
}
