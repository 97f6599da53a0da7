// TLC's -dump: every distinct state the search found, as text (tlc2/util/StateWriter: "State N:"
// and the state, in discovery order) or as a Graphviz state graph (tlc2/util/DotStateWriter: one
// node per state, initial states filled, one edge per transition, nodes of the same BFS level
// on the same rank; options colorize, actionlabels, stuttering). Recorded through the search's
// onState/onEdge callbacks, so the search itself is not involved.
import type { ActionLabel, CompiledSpec, State } from '../eval/api.js';

export interface GraphOptions {
  /** colour each action's edges (Graphviz scheme paired12) and add a legend */
  readonly colorize?: boolean;
  /** label each edge with its action's name */
  readonly actionLabels?: boolean;
  /** draw self-loops (stuttering steps), dashed */
  readonly stuttering?: boolean;
}

/** Collects the state graph while the search runs: pass `onState` and `onEdge` to it. */
export class StateGraph {
  readonly states: State[] = [];
  /** BFS level of each state, 1 for initial states */
  readonly levels: number[] = [];
  readonly edges: { readonly from: number; readonly to: number; readonly action: string }[] = [];

  readonly onState = (id: number, state: State, parent: number | undefined): void => {
    this.states[id] = state;
    this.levels[id] = parent === undefined ? 1 : this.levels[parent]! + 1;
  };

  readonly onEdge = (from: number, to: number, action: ActionLabel): void => {
    this.edges.push({ from, to, action: action.name });
  };
}

/** StateWriter: "State N:" then the state, a blank line after each. */
export function statesText(spec: CompiledSpec, g: StateGraph): string {
  return g.states.map((s, i) => `State ${i + 1}:\n${spec.formatState(s)}\n\n`).join('');
}

/** DOT's escString for a label: backslashes and quotes escaped, lines joined with \n. */
function label(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').trim().replace(/\n/g, '\\n');
}

export function stateGraphDot(spec: CompiledSpec, g: StateGraph, o: GraphOptions = {}): string {
  const out: string[] = ['strict digraph DiskGraph {', 'node [shape=box,style=rounded]'];
  if (o.colorize) out.push('edge [colorscheme="paired12"]');
  out.push('nodesep=0.35;', 'subgraph cluster_graph {', 'color="white";');
  const colors = new Map<string, number>();
  g.states.forEach((s, id) => out.push(`${id + 1} [label="${label(spec.formatState(s))}"${g.levels[id] === 1 ? ',style = filled' : ''}]`));
  for (const e of g.edges) {
    if (e.from === e.to) {
      if (o.stuttering) out.push(`${e.from + 1} -> ${e.to + 1} [style="dashed",color="lightgray"];`);
      continue;
    }
    if (!colors.has(e.action)) colors.set(e.action, colors.size + 2); // DotStateWriter starts at 2
    const color = o.colorize ? String(colors.get(e.action)) : 'black';
    out.push(`${e.from + 1} -> ${e.to + 1} [label="${o.actionLabels ? label(e.action) : ''}",color="${color}",fontcolor="${color}"];`);
  }
  const ranks = new Map<number, number[]>();
  g.levels.forEach((level, id) => ranks.set(level, [...(ranks.get(level) ?? []), id + 1]));
  for (const ids of ranks.values()) out.push(`{rank = same; ${ids.map((id) => `${id};`).join('')}}`);
  out.push('}');
  if (o.colorize && colors.size > 1) {
    out.push('subgraph cluster_legend {graph[style=bold];label = "Next State Actions" style="solid"');
    out.push('node [ labeljust="l",colorscheme="paired12",style=filled,shape=record ]');
    for (const [name, c] of colors) out.push(`"${label(name)}" [label="${label(name)}",fillcolor=${c}]`);
    out.push('}');
  }
  out.push('}');
  return out.join('\n') + '\n';
}
