// A counterexample as a Graphviz digraph: one node per state, one edge per step labelled with
// the action. The first state shows every `/\ var = value` line; each later one only the
// variables the step changed (a model with 28 variables is unreadable otherwise), as TLC's
// Toolbox error-trace view highlights changes. Rendering to PNG is left to `dot -Tpng` when
// Graphviz is installed (renderPng).
import { spawnSync } from 'node:child_process';
import type { CompiledSpec } from '../eval/api.js';
import type { TraceStep } from './result.js';

/** DOT's escString: quote, backslash, and newlines as left-justified line breaks. */
function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\l') + '\\l';
}

/** formatState's text split into one chunk per variable (a value may span several lines). */
function chunks(text: string): string[] {
  return text.split(/\n(?=\/\\ )/);
}

export function traceDot(spec: CompiledSpec, trace: readonly TraceStep[], title: string): string {
  const lines = ['digraph counterexample {', `  label="${esc(title).slice(0, -2)}";`, '  node [shape=box, fontname="monospace"];'];
  let prev: string[] | undefined;
  trace.forEach((step, i) => {
    const cur = chunks(spec.formatState(step.state));
    const shown = prev && prev.length === cur.length ? cur.filter((c, k) => c !== prev![k]) : cur;
    const note = shown.length < cur.length ? `(${cur.length - shown.length} of ${cur.length} unchanged)` : '';
    lines.push(`  s${i + 1} [label="State ${i + 1}\\l${esc([...shown, ...(note ? [note] : [])].join('\n'))}"];`);
    if (i > 0) lines.push(`  s${i} -> s${i + 1} [label="${esc(step.action?.name ?? '').slice(0, -2)}"];`);
    prev = cur;
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Runs `dot -Tpng` on a DOT file; returns false (and writes nothing) if Graphviz is absent. */
export function renderPng(dotFile: string, pngFile: string): boolean {
  const r = spawnSync('dot', ['-Tpng', dotFile, '-o', pngFile], { stdio: 'ignore' });
  return r.status === 0;
}
