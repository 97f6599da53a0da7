// Why a named action cannot explain an event in a given state: the first conjunct of the
// action after which no assignment survives, or, when the action can be taken, which logged
// variables its successors disagree with. This answers the question CCF users ask most of
// TraceSpec failures ("which part of IsX failed?", microsoft/CCF#5989).
import { readFileSync } from 'node:fs';
import type { Expr, Loc } from '../frontend/ast.js';
import type { State } from '../eval/api.js';
import type { SplitAction } from '../eval/action.js';
import { generate, newGen, unfold } from '../eval/action.js';
import { bindLet } from '../eval/expr.js';
import type { Env } from '../eval/context.js';
import type { Scope } from '../eval/scope.js';
import type { Value } from '../values/value.js';
import { format } from '../values/print.js';
import { describePiece, type Stepper } from './step.js';

const sourceCache = new Map<string, string[]>();

/** The source text at loc, on one line, shortened: what a reader recognises in the spec. */
export function sourceAt(loc: Loc): string {
  let lines = sourceCache.get(loc.file);
  if (!lines) {
    try {
      lines = readFileSync(loc.file, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sourceCache.set(loc.file, lines);
  }
  const parts: string[] = [];
  for (let l = loc.line; l <= loc.endLine && l <= lines.length; l++) {
    const text = lines[l - 1]!;
    const from = l === loc.line ? loc.col - 1 : 0;
    const to = l === loc.endLine ? loc.endCol : text.length; // endCol is inclusive (TLC "to line L, col C")
    parts.push(text.slice(from, to).trim());
  }
  const s = parts.filter(Boolean).join(' ');
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}

interface Conjuncts {
  readonly list: readonly Expr[];
  readonly scope: Scope;
  readonly env: Env;
}

/** The action's top-level conjuncts, after unfolding definitions and LETs down to a /\ list. */
function conjunctsOf(a: SplitAction, s: State): Conjuncts {
  let e: Expr = a.pred;
  let scope = a.scope;
  let env = a.env;
  for (let guard = 0; guard < 32; guard++) {
    if (e.kind === 'let') {
      env = bindLet(e.defs, scope, env);
      e = e.body;
      continue;
    }
    if (e.kind === 'apply' || e.kind === 'ref') {
      const args = e.kind === 'apply' ? e.args : [];
      const u = unfold(e, e.name, e.prefix, args, e.loc, scope, env, { state: s, next: null });
      if (u) {
        e = u.body;
        scope = u.scope;
        env = u.env;
        continue;
      }
    }
    break;
  }
  return { list: e.kind === 'and' ? e.args : [e], scope, env };
}

/** Does some assignment satisfy the first upTo + 1 conjuncts? (generation stops at the first) */
function survives(s: State, c: Conjuncts, upTo: number, n: number): boolean {
  const prefix: Expr = { kind: 'and', args: c.list.slice(0, upTo + 1), loc: c.list[0]!.loc };
  try {
    return generate(newGen('next', s, new Array(n).fill(undefined)), prefix, c.scope, c.env, () => true);
  } catch {
    return false; // an evaluation error in the conjunct also means the step cannot be taken
  }
}

export interface Explanation {
  readonly state: string;
  readonly reasons: readonly string[];
}

/** For each candidate state (at most `limit`), why no piece named `actions[0]` matches. */
export function explain(stepper: Stepper, candidates: readonly State[], actionName: string, params: ReadonlyMap<string, Value>, vars: ReadonlyMap<string, Value>, limit = 3): Explanation[] {
  const n = stepper.spec.variables.length;
  const named = stepper.byName.get(actionName);
  return candidates.slice(0, limit).map((s) => {
    const reasons: string[] = [];
    if (!named) {
      reasons.push(`the spec has no action named ${actionName} (actions: ${[...stepper.byName.keys()].join(', ')})`);
    } else {
      const pieces = stepper.pieces(actionName, params);
      if (pieces.length === 0) {
        const wanted = [...params].map(([k, v]) => `${k} = ${format(v)}`).join(', ');
        reasons.push(`no ${actionName} piece has parameters ${wanted} (pieces: ${named.map(describePiece).join('; ')})`);
      }
      for (const a of pieces) {
        const succ = stepper.successors(s, [a]);
        if (succ.length === 0) {
          const c = conjunctsOf(a, s);
          let i = 0;
          while (i < c.list.length && survives(s, c, i, n)) i++;
          const at = c.list[Math.min(i, c.list.length - 1)]!;
          reasons.push(`${describePiece(a)} is not enabled: conjunct ${i + 1} of ${c.list.length} is false — ${sourceAt(at.loc)} (line ${at.loc.line}, col ${at.loc.col} of module ${at.loc.module})`);
        } else {
          const diffs = stepper.mismatches(succ[0]!.state, vars);
          const text = diffs.map(([k, m, l]) => `${k}: model ${format(m)}, log ${format(l)}`).join('; ');
          reasons.push(`${describePiece(a)} can be taken (${succ.length} successor(s)) but none agrees with the log; first: ${text}`);
        }
      }
    }
    return { state: stepper.spec.formatState(s), reasons };
  });
}
