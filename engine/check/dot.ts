// A counterexample as a Graphviz digraph: one node per state (its `/\ var = value` lines),
// one edge per step labelled with the action. Rendering to PNG is left to `dot -Tpng` when
// Graphviz is installed (renderPng).
import { spawnSync } from 'node:child_process';
import type { CompiledSpec } from '../eval/api.js';
import type { TraceStep } from './result.js';

/** DOT's escString: quote, backslash, and newlines as left-justified line breaks. */
function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\l') + '\\l';
}

export function traceDot(spec: CompiledSpec, trace: readonly TraceStep[], title: string): string {
  const lines = ['digraph counterexample {', `  label="${esc(title).slice(0, -2)}";`, '  node [shape=box, fontname="monospace"];'];
  trace.forEach((step, i) => {
    lines.push(`  s${i + 1} [label="State ${i + 1}\\l${esc(spec.formatState(step.state))}"];`);
    if (i > 0) lines.push(`  s${i} -> s${i + 1} [label="${esc(step.action?.name ?? '').slice(0, -2)}"];`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Runs `dot -Tpng` on a DOT file; returns false (and writes nothing) if Graphviz is absent. */
export function renderPng(dotFile: string, pngFile: string): boolean {
  const r = spawnSync('dot', ['-Tpng', dotFile, '-o', pngFile], { stdio: 'ignore' });
  return r.status === 0;
}
