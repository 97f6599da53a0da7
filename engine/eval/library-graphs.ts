// Natives of the bundled Graphs and UndirectedGraphs modules (CommunityModules
// tlc2/overrides/Graphs.java, UndirectedGraphs.java, AbstractGraphs.java). UndirectedGraphs'
// SimplePath, AreConnectedIn and ConnectedComponents quantify over Seq(G.node), which TLC
// cannot enumerate: only the overrides make them evaluable, so they are computed here from the
// graph's adjacency. Graphs' AreConnectedIn and IsStronglyConnected have finite definitions;
// the natives (reachability instead of every simple path) give the same truth values.
import type { Value } from '../values/value.js';
import * as V from './v.js';
import { type NativeTable, argError, strictImpl } from './library.js';

interface Graph {
  readonly nodes: readonly Value[];
  /** successors of the node at each index (indices into nodes) */
  readonly next: readonly number[][];
}

function field(op: string, g: Value, name: string): Value {
  if (g.kind !== 'record') throw argError(op, 0, 1, 'a graph (a record with fields node and edge)', g);
  const v = V.select(g, V.str(name));
  if (v === undefined) throw argError(op, 0, 1, 'a graph (a record with fields node and edge)', g);
  return v;
}

/** The graph's adjacency; `ends` reads an edge's endpoints (undefined: not an edge of this kind). */
function adjacency(op: string, g: Value, ends: (e: Value) => [Value, Value][] | undefined): Graph {
  const nodes = V.elements(field(op, g, 'node'));
  const index = (x: Value): number => nodes.findIndex((n) => V.equals(n, x));
  const next: number[][] = nodes.map(() => []);
  for (const e of V.elements(field(op, g, 'edge'))) {
    for (const [a, b] of ends(e) ?? []) {
      const i = index(a);
      const j = index(b);
      if (i >= 0 && j >= 0 && !next[i]!.includes(j)) next[i]!.push(j);
    }
  }
  return { nodes, next };
}

/** <<from, to>>: anything else is never an edge of a path (Graphs.java TUPLE). */
const directed = (e: Value): [Value, Value][] | undefined =>
  e.kind === 'tuple' && e.elems.length === 2 ? [[e.elems[0]!, e.elems[1]!]] : undefined;

/** {a, b} in both directions; {a} is a loop. */
const undirected = (e: Value): [Value, Value][] | undefined => {
  if (e.kind !== 'set') return undefined;
  if (e.elems.length === 1) return [[e.elems[0]!, e.elems[0]!]];
  if (e.elems.length === 2) return [[e.elems[0]!, e.elems[1]!], [e.elems[1]!, e.elems[0]!]];
  return undefined;
};

function reachable(g: Graph, from: number): Set<number> {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length > 0) for (const j of g.next[todo.pop()!]!) if (!seen.has(j)) (seen.add(j), todo.push(j));
  return seen;
}

/** Every non-empty path without repeated nodes, as sequences of nodes. */
function simplePaths(g: Graph): Value[] {
  const out: Value[] = [];
  const path: number[] = [];
  const on = new Set<number>();
  const go = (i: number): void => {
    path.push(i);
    on.add(i);
    out.push(V.tuple(path.map((k) => g.nodes[k]!)));
    for (const j of g.next[i]!) if (!on.has(j)) go(j);
    path.pop();
    on.delete(i);
  };
  g.nodes.forEach((_n, i) => go(i));
  return out;
}

function connected(g: Graph, m: Value, n: Value): boolean {
  const i = g.nodes.findIndex((x) => V.equals(x, m));
  const j = g.nodes.findIndex((x) => V.equals(x, n));
  return i >= 0 && j >= 0 && reachable(g, i).has(j);
}

export function registerGraphs(t: NativeTable): void {
  for (const [module, ends] of [['Graphs', directed], ['UndirectedGraphs', undirected]] as const) {
    t.add(module, 'SimplePath', 1, strictImpl('SimplePath', ([g]) => V.setOf(simplePaths(adjacency('SimplePath', g!, ends)))));
    t.add(module, 'AreConnectedIn', 3, strictImpl('AreConnectedIn', ([m, n, g]) => V.bool(connected(adjacency('AreConnectedIn', g!, ends), m!, n!))));
  }
  // every node reaches every other (Graphs.java: forward and backward reachability from one node)
  t.add('Graphs', 'IsStronglyConnected', 1, strictImpl('IsStronglyConnected', ([g]) => {
    const gr = adjacency('IsStronglyConnected', g!, directed);
    return V.bool(gr.nodes.every((_n, i) => reachable(gr, i).size === gr.nodes.length));
  }));
  // the classes of "connected by a path"
  t.add('UndirectedGraphs', 'ConnectedComponents', 1, strictImpl('ConnectedComponents', ([g]) => {
    const gr = adjacency('ConnectedComponents', g!, undirected);
    const done = new Set<number>();
    const out: Value[] = [];
    gr.nodes.forEach((_n, i) => {
      if (done.has(i)) return;
      const c = reachable(gr, i);
      c.forEach((k) => done.add(k));
      out.push(V.setOf([...c].map((k) => gr.nodes[k]!)));
    });
    return V.setOf(out);
  }));
}
