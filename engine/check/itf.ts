// Counterexamples as ITF (Apalache ADR-015, the trace format Apalache and Quint share): one
// object with `vars` and `states`, every state an object of variable -> ITF value, encoded
// by the evaluator (CompiledSpec.itfState, which uses the values package's ITF encoding).
import type { CompiledSpec } from '../eval/api.js';
import type { TraceStep } from './result.js';
import { actionText } from './report.js';

export interface ItfTrace {
  readonly '#meta': Record<string, unknown>;
  readonly vars: readonly string[];
  readonly states: readonly Record<string, unknown>[];
}

export function itfStates(spec: CompiledSpec, trace: readonly TraceStep[]): Record<string, unknown>[] {
  return trace.map((step, index) => ({ '#meta': { index, action: actionText(step.action) }, ...spec.itfState(step.state) }));
}

export function itfTrace(spec: CompiledSpec, trace: readonly TraceStep[], meta: { source: string; status: string; description: string }): ItfTrace {
  return {
    '#meta': {
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      source: meta.source,
      status: meta.status,
      description: meta.description,
      timestamp: Date.now(),
    },
    vars: spec.variables,
    states: itfStates(spec, trace),
  };
}
