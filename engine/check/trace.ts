// Rebuilding a counterexample from fingerprints, as TLC does (ConcurrentTLCTrace.getTrace):
// the initial state is the first state of Init with the recorded fingerprint
// (Tool.getState(fp)), every next one the first successor of the previous state with the
// recorded fingerprint (Tool.getState(fp, s)), with the action that produced it. Storing
// fingerprints instead of states keeps memory to one entry per distinct state.
import type { CompiledSpec } from '../eval/api.js';
import type { TraceStep } from './result.js';

export function rebuildTrace(spec: CompiledSpec, fingerprints: readonly string[]): TraceStep[] {
  const steps: TraceStep[] = [];
  if (fingerprints.length === 0) return steps;
  let found: TraceStep | undefined;
  for (const s of spec.initStates()) {
    if (spec.fingerprint(s) === fingerprints[0]) {
      found = { state: s };
      break;
    }
  }
  if (!found) throw new Error('failed to recover the initial state from its fingerprint (TLC_FAILED_TO_RECOVER_INIT)');
  steps.push(found);
  for (let i = 1; i < fingerprints.length; i++) {
    const prev = steps[i - 1]!.state;
    found = undefined;
    for (const succ of spec.successors(prev)) {
      if (spec.fingerprint(succ.state) === fingerprints[i]) {
        found = { state: succ.state, action: succ.action };
        break;
      }
    }
    if (!found) throw new Error('failed to recover the next state from its fingerprint (TLC_FAILED_TO_RECOVER_NEXT)');
    steps.push(found);
  }
  return steps;
}
