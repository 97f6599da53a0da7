// Next split into the disjuncts that become members of the generated `Action` union, as TLC's
// Tool.getActions splits it: through \/, \E (whose bound values become the action's
// parameters) and action-level operators (whose name names the action). What is left at the
// bottom — a conjunction, IF, LET... — is one action, compiled by codegen/action.ts.
import type { Expr, Loc } from '../engine/frontend/ast.js';
import { actionOp, compileAction, finish } from './action.js';
import type { Gen } from './gen.js';
import { type Cx, type Env, bindPattern, compileVal, flatBindings, where } from './expr.js';

/** One disjunct of Next: an action with named parameters. */
export interface Leaf {
  /** unique name: the innermost operator's name (`FreeMR`), suffixed if it occurs twice */
  readonly kind: string;
  readonly loc: Loc;
  /** parameter names in order, with the expression each was bound by (`\E x \in S`: S) */
  readonly params: readonly { readonly name: string; readonly domain?: Expr; readonly arg?: Expr }[];
  /** `function A_i(s, ...params, out)`: appends every next state of this action */
  readonly fn: string;
  readonly code: string;
}

export interface Split {
  readonly leaves: Leaf[];
  /** the body of `next(s, emit)`: loops over \E domains calling each leaf's function */
  readonly nextBody: string;
}

interface ParamInfo {
  readonly name: string;
  readonly code: string;
  readonly domain?: Expr;
  readonly arg?: Expr;
}

export function splitNext(g: Gen, next: Expr, nextName: string): Split {
  const leaves: Leaf[] = [];
  const used = new Map<string, number>();
  // `at`: where the action is defined (the operator's definition line, for comments)
  const walk = (e: Expr, cx: Cx, name: string, params: readonly ParamInfo[], at: Loc = e.loc): string => {
    switch (e.kind) {
      case 'or':
        return e.args.map((a) => walk(a, cx, name, params)).join('\n');
      case 'exists': {
        const flat = flatBindings(e.bindings, e.loc);
        const go = (i: number, env: Env, ps: readonly ParamInfo[]): string => {
          if (i === flat.length) return walk(e.body, { ...cx, env }, name, ps);
          const x = g.tmp('x');
          const bound = bindPattern(g, flat[i]!.binding, x, env, e.loc);
          const b = flat[i]!.binding;
          const names = b.pattern.kind === 'name' ? [b.pattern.name] : b.pattern.names;
          const added = names.map((n) => {
            const bd = bound.env.get(n)!;
            return { name: n, code: bd.kind === 'val' ? bd.code : x, domain: b.pattern.kind === 'name' ? flat[i]!.domain : undefined } as ParamInfo;
          });
          return `for (const ${x} of R.elems(${compileVal(g, flat[i]!.domain, { ...cx, env })}, ${where(e.loc)})) {\n${bound.pre}\n${go(i + 1, bound.env, [...ps.filter((p) => !names.includes(p.name)), ...added])}\n}`;
        };
        return go(0, cx.env, params);
      }
      case 'ref': case 'apply': {
        const op = actionOp(g, e, cx);
        if (op) {
          const env = new Map(op.env);
          const pre: string[] = [];
          const ps: ParamInfo[] = [];
          op.def.params.forEach((p, i) => {
            const v = g.tmp(`${p.name.replace(/[^A-Za-z0-9_]/g, '_')}_`);
            const arg = op.args[i]!;
            pre.push(`const ${v} = ${compileVal(g, arg, cx)};`);
            env.set(p.name, { kind: 'val', code: v });
            // a parameter passed straight from a bound name keeps that name's domain
            const from = arg.kind === 'ref' ? params.find((q) => q.name === arg.name) : undefined;
            ps.push({ name: p.name, code: v, ...(from?.domain ? { domain: from.domain } : {}), arg });
          });
          const inner = walk(op.def.body, { ...cx, env }, op.def.name, ps, op.def.loc);
          return pre.length > 0 ? `{\n${pre.join('\n')}\n${inner}\n}` : inner;
        }
        return leaf(e, cx, name, params, at);
      }
      default:
        return leaf(e, cx, name, params, at);
    }
  };

  const leaf = (e: Expr, cx: Cx, name: string, params: readonly ParamInfo[], at: Loc): string => {
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    const kind = n === 1 ? name : `${name}_${n}`;
    const index = leaves.length;
    const fn = `A${index}_${kind.replace(/[^A-Za-z0-9_]/g, '_')}`;
    // the leaf's own function sees only its parameters (an operator body sees nothing else)
    const env = new Map<string, { kind: 'val'; code: string }>();
    const args = params.map((p, i) => {
      env.set(p.name, { kind: 'val', code: `x${i}` });
      return `x${i}: Value`;
    });
    for (const [k, b] of cx.env) if (!env.has(k) && b.kind !== 'val') throw new Error(`unreachable: non-value binding ${k} at a leaf`);
    const st = g.varNames.map(() => 'u' as const);
    const body = compileAction(g, e, { env, cur: 's' }, 'next', st, finish(g.varNames, e.loc));
    const code = `/** ${kind} (${where(at).slice(1, -1)}) */\nfunction ${fn}(s: St${args.map((a) => `, ${a}`).join('')}, out: Value[][]): void {\nconst p: Partial = new Array<Value | undefined>(${g.varNames.length}).fill(undefined);\n${body}\n}`;
    leaves.push({ kind, loc: at, params: params.map((p) => ({ name: p.name, ...(p.domain ? { domain: p.domain } : {}), ...(p.arg ? { arg: p.arg } : {}) })), fn, code });
    const pcodes = params.map((p) => p.code);
    return `${fn}(s${pcodes.map((c) => `, ${c}`).join('')}, buf);\nfor (const t of buf) emit(${index}, [${pcodes.join(', ')}], t);\nbuf.length = 0;`;
  };

  const nextBody = walk(next, { env: new Map(), cur: 's' }, nextName, []);
  return { leaves, nextBody };
}
