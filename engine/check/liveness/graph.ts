// The behaviour graph the liveness search runs on: the distinct states and in-model transitions
// the BFS found, by state id, with one bit per atom (state atoms per state, action atoms per
// transition and per state's stuttering step) instead of the states themselves, so that memory
// stays a few words per state and per transition (TLC keeps its behaviour graph on disk for the
// same reason: tlc2/tool/liveness/DiskGraph). Every state may also stutter forever: TLC checks
// behaviours of [Next]_vars, so each node gets an implicit self-loop (LiveCheck adds it).
import type { State } from '../../eval/api.js';
import type { AtomTable, Lit } from './formula.js';

/** A growable typed array of 32-bit words. */
class Words<T extends Int32Array | Uint32Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < n) cap *= 2;
    const d = this.make(cap);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }
  push(x: number): void {
    this.ensure(this.length + 1);
    this.data[this.length++] = x;
  }
}

export class BehaviourGraph {
  /** words of bits per state (state atoms) and per transition (action atoms) */
  readonly sw: number;
  readonly aw: number;
  private readonly sbits = new Words((n) => new Uint32Array(n));
  private readonly stutter = new Words((n) => new Uint32Array(n));
  private readonly from = new Words((n) => new Int32Array(n));
  private readonly to = new Words((n) => new Int32Array(n));
  private readonly ebits = new Words((n) => new Uint32Array(n));
  /** fingerprints by id, to rebuild counterexamples as the BFS does (trace.ts) */
  readonly fps: string[] = [];
  readonly inits: number[] = [];
  // CSR adjacency, built by `freeze`
  offsets = new Int32Array(0);
  adj = new Int32Array(0);

  constructor(private readonly atoms: AtomTable) {
    this.sw = Math.ceil(atoms.state.length / 32);
    this.aw = Math.ceil(atoms.action.length / 32);
  }

  get size(): number {
    return this.fps.length;
  }
  get edges(): number {
    return this.from.length;
  }

  /** a new distinct state (ids are dense, in discovery order); its bits come with `evaluateState` */
  addState(id: number, parent: number | undefined, fp: string): void {
    if (id !== this.fps.length) throw new Error(`liveness graph: state ids must be dense (got ${id}, expected ${this.fps.length})`);
    this.fps.push(fp);
    if (parent === undefined) this.inits.push(id);
    this.sbits.ensure((id + 1) * this.sw);
    this.sbits.length = (id + 1) * this.sw;
    this.stutter.ensure((id + 1) * this.aw);
    this.stutter.length = (id + 1) * this.aw;
  }

  /** the state atoms of state `id`, and the action atoms on its stuttering step (before any
   *  transition out of it is added: those use the state's bits) */
  evaluateState(id: number, s: State): void {
    this.setBits(this.sbits.data, id * this.sw, this.atoms.state, (f) => f(s));
    const hints = this.atoms.hints;
    this.setBits(this.stutter.data, id * this.aw, this.atoms.action, (f, i) => {
      const h = hints[i]!;
      if (h.stutter !== undefined) return h.stutter;
      if (h.requires !== undefined && !this.stateBit(id, h.requires)) return false;
      return f(s, s);
    });
  }

  /** an in-model transition s -> t between known states */
  addEdge(from: number, to: number, s: State, t: State): void {
    const e = this.from.length;
    this.from.push(from);
    this.to.push(to);
    this.ebits.ensure((e + 1) * this.aw);
    this.ebits.length = (e + 1) * this.aw;
    const hints = this.atoms.hints;
    this.setBits(this.ebits.data, e * this.aw, this.atoms.action, (f, i) => {
      const h = hints[i]!;
      if (h.requires !== undefined && !this.stateBit(from, h.requires)) return false;
      return f(s, t);
    });
  }

  private setBits<F>(arr: Uint32Array, base: number, fs: readonly F[], call: (f: F, i: number) => boolean): void {
    for (let w = 0; w < Math.ceil(fs.length / 32); w++) arr[base + w] = 0;
    for (let i = 0; i < fs.length; i++) if (call(fs[i]!, i)) arr[base + (i >>> 5)]! |= 1 << (i & 31);
  }

  /** out-edges by source, once the search is over */
  freeze(): void {
    const n = this.size;
    const m = this.from.length;
    const from = this.from.data;
    const off = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) off[from[e]! + 1]!++;
    for (let i = 0; i < n; i++) off[i + 1]! += off[i]!;
    const fill = off.slice(0, n);
    const adj = new Int32Array(m);
    for (let e = 0; e < m; e++) adj[fill[from[e]!]!++] = e;
    this.offsets = off;
    this.adj = adj;
  }

  target(e: number): number {
    return this.to.data[e]!;
  }
  source(e: number): number {
    return this.from.data[e]!;
  }

  stateBit(u: number, atom: number): boolean {
    return ((this.sbits.data[u * this.sw + (atom >>> 5)]! >>> (atom & 31)) & 1) === 1;
  }
  edgeBit(e: number, atom: number): boolean {
    return ((this.ebits.data[e * this.aw + (atom >>> 5)]! >>> (atom & 31)) & 1) === 1;
  }
  stutterBit(u: number, atom: number): boolean {
    return ((this.stutter.data[u * this.aw + (atom >>> 5)]! >>> (atom & 31)) & 1) === 1;
  }

  /** every state literal of `lits` holds in u (action literals are ignored) */
  stateOk(u: number, lits: readonly Lit[]): boolean {
    for (const l of lits) if (!l.action && this.stateBit(u, l.atom) === l.neg) return false;
    return true;
  }
  /** every action literal of `lits` holds on transition e (state literals are ignored) */
  edgeOk(e: number, lits: readonly Lit[]): boolean {
    for (const l of lits) if (l.action && this.edgeBit(e, l.atom) === l.neg) return false;
    return true;
  }
  /** every action literal of `lits` holds on u's stuttering step */
  stutterOk(u: number, lits: readonly Lit[]): boolean {
    for (const l of lits) if (l.action && this.stutterBit(u, l.atom) === l.neg) return false;
    return true;
  }
}
