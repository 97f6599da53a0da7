// The user-facing half of a generated module: `State` (one field per variable), the `Action`
// union (one member per disjunct of Next, with its parameters), init/successors/enabled/step
// on typed states, the invariants as predicates, the implementation interface (one method per
// action), the refinement-map signature and fast-check arbitraries. Everything here converts
// to and from the engine-value core above it (codegen/convert.ts).
import type { Module } from '../engine/frontend/ast.js';
import type { CompiledSpecExt } from '../engine/eval/index.js';
import type { Value } from '../engine/values/index.js';
import type { TypeDesc } from './convert.js';
import type { Gen } from './gen.js';
import { UnsupportedError } from '../engine/errors.js';
import { where } from './expr.js';
import type { Leaf } from './split.js';
import { descOfValues, elemDesc, tsType, typesFromTypeOK } from './types.js';
import { stateKey } from '../engine/values/index.js';

/** How many reached states the fallback typing looks at (for variables TypeOK does not type). */
const SAMPLE_STATES = 2000;

function sampleStates(spec: CompiledSpecExt): Value[][] {
  const seen = new Set<string>();
  const out: Value[][] = [];
  const queue: (readonly Value[])[] = [];
  try {
    for (const s of spec.initStates()) {
      const k = stateKey(s);
      if (!seen.has(k)) {
        seen.add(k);
        queue.push(s);
        out.push([...s]);
      }
    }
    for (let i = 0; i < queue.length && out.length < SAMPLE_STATES; i++) {
      for (const t of spec.successors(queue[i]!)) {
        const k = stateKey(t.state);
        if (seen.has(k)) continue;
        seen.add(k);
        queue.push(t.state);
        out.push([...t.state]);
      }
    }
  } catch {
    // an evaluation error in the spec: type from what was reached before it
  }
  return out;
}

function ident(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

export function typedLayer(g: Gen, spec: CompiledSpecExt, leaves: readonly Leaf[], modules: readonly Module[], root: Module, invariantNames: readonly string[]): string {
  const typeOK = g.global('TypeOK');
  const fromTypeOK = typesFromTypeOK(g, spec, typeOK?.kind === 'op' && typeOK.def.params.length === 0 ? typeOK.def.body : undefined);
  const missing = g.varNames.filter((v) => !fromTypeOK.has(v));
  const samples = missing.length > 0 ? sampleStates(spec) : [];
  const varTypes: TypeDesc[] = g.varNames.map((v, i) => fromTypeOK.get(v) ?? descOfValues(samples.map((s) => s[i]!)));
  const varDoc = new Map(modules.flatMap((m) => m.variables.map((v) => [v.name, v.loc] as const)));
  varTypes.forEach((t, i) => {
    const name = g.varNames[i]!;
    if (t.k === 'value') throw new UnsupportedError(`code generation: cannot type the variable ${name}: TypeOK does not type it and no reachable state gives it a value`, varDoc.get(name) ?? root.loc);
  });

  const paramTypes: TypeDesc[][] = leaves.map((l) =>
    l.params.map((p) => {
      if (!p.domain) return { k: 'value' } as TypeDesc;
      try {
        return elemDesc(spec.evaluate(p.domain, null));
      } catch {
        return { k: 'value' } as TypeDesc; // a domain that depends on the state
      }
    }));

  const constants = [...g.scope.consts.entries()].flatMap(([name, d]) => (d.kind === 'value' ? [[name, d.value] as const] : []));
  const out: string[] = [];
  out.push('// ================================================================ typed layer');
  out.push('/** The constants of the configuration, as typed literals. */');
  out.push(`export const CONSTANTS = {\n${constants.map(([n, v]) => `  ${ident(n)}: ${JSON.stringify(R_toJson(v))},`).join('\n')}\n} as const;`);
  out.push('');
  out.push('/** One field per variable of the spec, typed from TypeOK (or from the values reached). */');
  out.push(`export interface State {\n${g.varNames.map((v, i) => `  /** ${fromTypeOK.has(v) ? 'typed by TypeOK' : 'typed from the values reached'}; declared at ${where(varDoc.get(v) ?? root.loc).slice(1, -1)} */\n  readonly ${ident(v)}: ${tsType(varTypes[i]!)};`).join('\n')}\n}`);
  out.push('');
  out.push('/** One member per disjunct of Next, carrying its \\E-bound parameters. */');
  out.push(`export type Action =\n${leaves.map((l, i) => `  /** ${where(l.loc).slice(1, -1)} */\n  | { readonly kind: ${JSON.stringify(l.kind)}${l.params.map((p, j) => `; readonly ${ident(p.name)}: ${tsType(paramTypes[i]![j]!)}`).join('')} }`).join('\n')};`);
  out.push('');
  out.push(`export type ActionKind = Action['kind'];`);
  out.push(`const ACTION_PARAMS: readonly (readonly (readonly [string, R.TypeDesc])[])[] = ${JSON.stringify(leaves.map((l, i) => l.params.map((p, j) => [p.name, paramTypes[i]![j]!])))};`);
  out.push(`const STATE_TYPES: readonly R.TypeDesc[] = ${JSON.stringify(varTypes)};`);
  out.push('');
  out.push(`export function toState(v: St): State {\n  const o: Record<string, unknown> = {};\n  VARS.forEach((name, i) => (o[name] = R.toTs(STATE_TYPES[i]!, v[i]!)));\n  return o as unknown as State;\n}`);
  out.push(`export function fromState(s: State): Value[] {\n  const o = s as unknown as Record<string, unknown>;\n  return VARS.map((name, i) => R.fromTs(STATE_TYPES[i]!, o[name]));\n}`);
  out.push(`function toAction(index: number, params: readonly Value[]): Action {\n  const o: Record<string, unknown> = { kind: ACTION_KINDS[index] };\n  ACTION_PARAMS[index]!.forEach(([name, t], j) => (o[name] = R.toTs(t, params[j]!)));\n  return o as unknown as Action;\n}`);
  out.push(`function actionIndex(a: Action): { index: number; params: Value[] } {\n  const index = ACTION_KINDS.indexOf(a.kind);\n  const o = a as unknown as Record<string, unknown>;\n  return { index, params: ACTION_PARAMS[index]!.map(([name, t]) => R.fromTs(t, o[name])) };\n}`);
  out.push('');
  out.push('/** The initial states. */');
  out.push('export function init(): State[] {\n  return core.init().map(toState);\n}');
  out.push('/** Every successor of s with the action that produces it. */');
  out.push('export function successors(s: State): Array<{ action: Action; state: State }> {\n  const out: Array<{ action: Action; state: State }> = [];\n  core.next(fromState(s), (i, ps, t) => out.push({ action: toAction(i, ps), state: toState(t) }));\n  return out;\n}');
  out.push('/** The states action a leads to from s (none: a is not enabled in s). */');
  out.push('export function step(s: State, a: Action): State[] {\n  const { index, params } = actionIndex(a);\n  return core.step(fromState(s), index, params).map(toState);\n}');
  out.push('export function enabled(s: State, a: Action): boolean {\n  return step(s, a).length > 0;\n}');
  out.push('');
  out.push('/** The invariants of the configuration, named as in the spec. */');
  out.push(`export const invariants: { readonly [name in ${invariantNames.length ? invariantNames.map((n) => JSON.stringify(n)).join(' | ') : 'never'}]: (s: State) => boolean } = {\n${invariantNames.map((n, i) => `  ${ident(n)}: (s: State): boolean => core.invariants[${i}]!.holds(fromState(s)),`).join('\n')}\n};`);
  out.push('');
  out.push('/** What an implementation offers: one method per action of the model. */');
  out.push(`export interface Implementation {\n${leaves.map((l, i) => `  /** ${where(l.loc).slice(1, -1)} */\n  ${ident(l.kind)}(${l.params.map((p, j) => `${ident(p.name).replace(/"/g, '')}: ${tsType(paramTypes[i]![j]!)}`).join(', ')}): void | Promise<void>;`).join('\n')}\n}`);
  out.push('');
  out.push('/** The refinement map the implementation writes by hand (spec/): its state seen as a model state. */');
  out.push('export type RefinementMap<ImplState> = (implState: ImplState) => State;');
  out.push('/** The same as an object, for implementations that keep the map with their other model glue. */');
  out.push('export interface Refinement<ImplState> {\n  abstract(implState: ImplState): State;\n}');
  out.push('');
  out.push('/** fast-check: an action enabled in s (for model-based tests); fails when none is. */');
  out.push(`export function arbitraryAction(s: State): fc.Arbitrary<Action> {\n  const seen = new Set<string>();\n  const actions: Action[] = [];\n  core.next(fromState(s), (i, ps) => {\n    const key = \`\${i}:\${ps.map((p) => R.format(p)).join(',')}\`;\n    if (!seen.has(key)) {\n      seen.add(key);\n      actions.push(toAction(i, ps));\n    }\n  });\n  if (actions.length === 0) throw new RangeError('no action is enabled in this state');\n  return fc.constantFrom(...actions);\n}`);
  out.push('/** fast-check: a run of up to maxSteps actions from an initial state, each enabled where it is taken. */');
  out.push(`export function arbitraryRun(maxSteps: number): fc.Arbitrary<Array<{ action: Action; state: State }>> {\n  return fc.array(fc.nat(), { maxLength: maxSteps }).chain((choices) => {\n    const inits = init();\n    return fc.nat({ max: inits.length - 1 }).map((k) => {\n      const run: Array<{ action: Action; state: State }> = [];\n      let s = inits[k]!;\n      for (const c of choices) {\n        const next = successors(s);\n        if (next.length === 0) break;\n        const pick = next[c % next.length]!;\n        run.push(pick);\n        s = pick.state;\n      }\n      return run;\n    });\n  });\n}`);
  return out.join('\n');
}

/** A cfg constant as a JSON literal for CONSTANTS (sets as arrays, model values by name). */
function R_toJson(v: Value): unknown {
  switch (v.kind) {
    case 'bool': return v.b;
    case 'int': return v.n;
    case 'str': return v.s;
    case 'model': return { model: v.name };
    case 'set': return v.elems.map(R_toJson);
    case 'interval': return Array.from({ length: Math.max(0, v.hi - v.lo + 1) }, (_, i) => v.lo + i);
    case 'tuple': return v.elems.map(R_toJson);
    default: return String(v.kind);
  }
}
