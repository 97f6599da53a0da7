// Taking one named model step from a state: the pieces Next was split into (Tool.getActions,
// engine/eval/action.ts splitActions) are indexed by name, and only the pieces an event names
// are generated. This is the `IsEvent(e) /\ SpecAction` half of the TraceSpec pattern
// (anchors.md §2.2), done directly instead of by constrained model checking.
import type { CompiledSpecExt } from '../eval/spec.js';
import type { SplitAction } from '../eval/action.js';
import { generate, newGen } from '../eval/action.js';
import type { State } from '../eval/api.js';
import { EvalError } from '../errors.js';
import { equals } from '../values/compare.js';
import type { Value } from '../values/value.js';
import { format } from '../values/print.js';
import { ANY_ACTION } from './events.js';

export interface Step {
  readonly state: State;
  readonly action: SplitAction;
}

export class Stepper {
  readonly byName = new Map<string, SplitAction[]>();
  readonly varIndex = new Map<string, number>();

  constructor(readonly spec: CompiledSpecExt) {
    for (const a of spec.actions) {
      const name = a.name ?? 'Action';
      const list = this.byName.get(name) ?? [];
      list.push(a);
      this.byName.set(name, list);
    }
    spec.variables.forEach((v, i) => this.varIndex.set(v, i));
  }

  /** The pieces named `name` whose split parameters agree with `params` (a parameter the piece
   *  was not split on cannot be checked here; the logged variables still constrain the step). */
  pieces(name: string, params: ReadonlyMap<string, Value>): SplitAction[] {
    const all = name === ANY_ACTION ? this.spec.actions : (this.byName.get(name) ?? []);
    return all.filter((a) => [...params].every(([k, v]) => !a.params.has(k) || equals(a.params.get(k)!, v)));
  }

  /** Every successor of s by the given pieces (duplicates removed by the caller). */
  successors(s: State, pieces: readonly SplitAction[]): Step[] {
    const n = this.spec.variables.length;
    const out: Step[] = [];
    for (const a of pieces) {
      // generate() fills g.p in place and backtracks: copy each complete assignment
      const g = newGen('next', s, new Array(n).fill(undefined));
      const t = g.p;
      generate(g, a.pred, a.scope, a.env, () => {
        const missing = this.spec.variables.filter((_, j) => t[j] === undefined);
        if (missing.length > 0) throw new EvalError(`Successor state is not completely specified by action ${a.name}: ${missing.join(', ')} not assigned`, a.loc);
        out.push({ state: t.slice() as State, action: a });
        return false; // keep generating: every successor is wanted
      });
    }
    return out;
  }

  /** The logged variables that differ in t: [name, model value, logged value]. */
  mismatches(t: State, vars: ReadonlyMap<string, Value>): [string, Value, Value][] {
    const out: [string, Value, Value][] = [];
    for (const [k, v] of vars) {
      const i = this.varIndex.get(k);
      if (i !== undefined && !equals(t[i]!, v)) out.push([k, t[i]!, v]);
    }
    return out;
  }

  matches(t: State, vars: ReadonlyMap<string, Value>): boolean {
    for (const [k, v] of vars) {
      const i = this.varIndex.get(k);
      if (i !== undefined && !equals(t[i]!, v)) return false;
    }
    return true;
  }

  /** Names of the actions enabled in s, with their split parameters: `FreeMR(m = 1)`. */
  enabledActions(s: State): string[] {
    const names = new Set<string>();
    for (const a of this.spec.actions) {
      if (this.successors(s, [a]).length > 0) names.add(describePiece(a));
    }
    return [...names];
  }
}

export function describePiece(a: SplitAction): string {
  const ps = [...a.params].map(([k, v]) => `${k} = ${format(v)}`);
  return `${a.name ?? 'Action'}${ps.length ? `(${ps.join(', ')})` : ''}`;
}
