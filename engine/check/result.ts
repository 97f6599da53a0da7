// What a search returns: the counts TLC prints and, when something was found, what and where.
// Shared by the BFS (bfs.ts), the text reporter (report.ts), the ITF/DOT writers and the CLI.
import type { Loc } from '../frontend/ast.js';
import type { ActionLabel, State } from '../eval/api.js';
import { ExitCode, type TlaError } from '../errors.js';
import type { OutDegree } from './outdegree.js';

/** One state of a counterexample; `action` undefined for the initial state ("<Initial predicate>"). */
export interface TraceStep {
  readonly state: State;
  readonly action?: ActionLabel;
}

export type Outcome =
  | { readonly kind: 'ok' }
  /** ASSUME evaluated to FALSE (EC.TLC_ASSUMPTION_FALSE), checked before any state */
  | { readonly kind: 'assumption'; readonly loc: Loc }
  /** EC.TLC_INVARIANT_VIOLATED_INITIAL: trace is that one state */
  | { readonly kind: 'invariantInitial'; readonly name: string; readonly trace: readonly TraceStep[] }
  /** EC.TLC_INVARIANT_VIOLATED_BEHAVIOR */
  | { readonly kind: 'invariant'; readonly name: string; readonly trace: readonly TraceStep[] }
  /** EC.TLC_PROPERTY_VIOLATED_INITIAL: a PROPERTY conjunct that is a state predicate, false initially */
  | { readonly kind: 'propertyInitial'; readonly name: string; readonly trace: readonly TraceStep[] }
  /** EC.TLC_ACTION_PROPERTY_VIOLATED_BEHAVIOR: [][A]_v false on a step */
  | { readonly kind: 'actionProperty'; readonly name: string; readonly trace: readonly TraceStep[] }
  /** EC.TLC_DEADLOCK_REACHED: trace ends in the state without successors */
  | { readonly kind: 'deadlock'; readonly trace: readonly TraceStep[] }
  /** EC.TLC_TEMPORAL_PROPERTY_VIOLATED: a fair behaviour violates the temporal property `name`;
   *  `trace` then loops back to state `loop.state` (1-based) or stutters forever */
  | { readonly kind: 'liveness'; readonly name: string; readonly trace: readonly TraceStep[];
      readonly loop: { readonly kind: 'back'; readonly state: number; readonly action: ActionLabel } | { readonly kind: 'stutter' } }
  /** A POSTCONDITION evaluated to FALSE after a complete search */
  | { readonly kind: 'postcondition'; readonly name: string; readonly loc: Loc }
  /** Evaluation failed; `during` says what was being evaluated (it decides TLC's exit code),
   *  `trace` leads to the state where it happened (empty when in Init or an ASSUME). */
  | { readonly kind: 'evalError'; readonly error: TlaError; readonly during: EvalPhase; readonly property?: string; readonly trace: readonly TraceStep[] };

export type EvalPhase = 'assumption' | 'init' | 'next' | 'invariant' | 'actionProperty' | 'constraint' | 'postcondition' | 'liveness';

export interface SearchStats {
  /** TLC: numberOfInitialStates + Σ worker.statesGenerated */
  readonly generated: number;
  /** TLC: theFPSet.size() */
  readonly distinct: number;
  /** TLC: theStateQueue.size() */
  readonly queued: number;
  /** TLC: trace.getLevelForReporting(), 0 when nothing was generated */
  readonly depth: number;
}

export interface SearchResult extends SearchStats {
  readonly outcome: Outcome;
  /** initial states generated (duplicates included) and how many were distinct */
  readonly initGenerated: number;
  readonly initDistinct: number;
  /** temporal PROPERTY entries this search did not check (liveness is a later module) */
  readonly skippedProperties: readonly string[];
  readonly elapsedMs: number;
  /** TLC's outdegree summary, present after a complete search that expanded a state */
  readonly outDegree?: OutDegree | undefined;
}

/** TLC's exit status for an outcome (tlc2/output/EC.java ExitStatus.errorConstantToExitStatus). */
export function exitCodeOf(outcome: Outcome): ExitCode {
  switch (outcome.kind) {
    case 'ok':
      return ExitCode.ok;
    // EC.TLC_POSTCONDITION_FALSE exits with VIOLATION_ASSUMPTION (TLC's PossibleFailMixedTest).
    case 'assumption':
    case 'postcondition':
      return ExitCode.assumption;
    case 'invariantInitial':
    case 'invariant':
      return ExitCode.safety;
    // TLC maps action-property and initial-property violations to VIOLATION_LIVENESS (13).
    case 'propertyInitial':
    case 'actionProperty':
    case 'liveness':
      return ExitCode.liveness;
    case 'deadlock':
      return ExitCode.deadlock;
    case 'evalError':
      // TLC_INVARIANT_EVALUATION_FAILED -> FAILURE_SAFETY_EVAL; TLC_ACTION_PROPERTY_EVALUATION_FAILED
      // -> VIOLATION_LIVENESS; an Assert keeps its own code (14); the rest are nested-expression
      // failures (75). ASSUME that cannot be evaluated is TLC_ASSUMPTION_EVALUATION_ERROR (10).
      if (outcome.during === 'assumption') return ExitCode.assumption;
      if (outcome.error.exitCode === ExitCode.assertFailed) return ExitCode.assertFailed;
      if (outcome.during === 'invariant') return ExitCode.evalSafety;
      if (outcome.during === 'actionProperty') return ExitCode.liveness;
      // an error evaluating a temporal property's predicate: ExitStatus.FAILURE_LIVENESS_EVAL
      if (outcome.during === 'liveness' && outcome.error.exitCode === ExitCode.evalError) return ExitCode.evalLiveness;
      return outcome.error.exitCode;
    default: {
      const never: never = outcome;
      throw new Error(`unhandled outcome ${String(never)}`);
    }
  }
}

/** The `result` word of `--json` and of the corpus' expected.json files. */
export function verdictOf(outcome: Outcome): 'ok' | 'violation' | 'deadlock' | 'liveness' | 'error' {
  switch (outcome.kind) {
    case 'ok':
      return 'ok';
    case 'deadlock':
      return 'deadlock';
    case 'liveness':
      return 'liveness';
    case 'evalError':
      return 'error';
    case 'assumption':
    case 'postcondition':
    case 'invariantInitial':
    case 'invariant':
    case 'propertyInitial':
    case 'actionProperty':
      return 'violation';
    default: {
      const never: never = outcome;
      throw new Error(`unhandled outcome ${String(never)}`);
    }
  }
}

/** The violated property's name, when the outcome names one. */
export function propertyOf(outcome: Outcome): string | undefined {
  switch (outcome.kind) {
    case 'invariantInitial':
    case 'invariant':
    case 'propertyInitial':
    case 'actionProperty':
    case 'postcondition':
    case 'liveness':
      return outcome.name;
    case 'evalError':
      return outcome.property;
    case 'ok':
    case 'assumption':
    case 'deadlock':
      return undefined;
    default: {
      const never: never = outcome;
      throw new Error(`unhandled outcome ${String(never)}`);
    }
  }
}

export function traceOf(outcome: Outcome): readonly TraceStep[] | undefined {
  switch (outcome.kind) {
    case 'invariantInitial':
    case 'invariant':
    case 'propertyInitial':
    case 'actionProperty':
    case 'deadlock':
    case 'evalError':
    case 'liveness':
      return outcome.trace;
    case 'ok':
    case 'assumption':
    case 'postcondition':
      return undefined;
    default: {
      const never: never = outcome;
      throw new Error(`unhandled outcome ${String(never)}`);
    }
  }
}
