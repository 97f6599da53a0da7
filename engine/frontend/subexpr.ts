// Subexpression references (TLA+2, "TLA+ Version 2: A Preliminary Guide" §"Subexpression names"):
// `Op!lbl` names the subexpression labelled `lbl ::` in Op's definition, `Op(a)!lbl` the same with
// Op's parameters replaced by `a`, `Op!lbl(a)` gives Op's arguments (then the label's own) at
// the end; positional selectors `!1 !2 …`, `!<<` (= !1) and `!>>` (= !2) pick an operand of an
// operator application, a bulleted /\ or \/ list, or IF/THEN/ELSE; selectors chain
// (`Op!lbl!2`). SANY resolves such a name into the expression it denotes and TLC evaluates that.
//
// We do the same while building: the selected concrete node is built as the body of a synthetic
// LOCAL operator named after the reference (`Op!lbl`, a name no user can write) whose parameters
// are Op's followed by the labels' (SANY makes a label list every bound name in scope, so the
// body needs nothing else), and the reference becomes an application of it. The synthetic
// definition sits at the selected node's location, inside Op, so it precedes every use.
// Only operators defined earlier in the same module can be navigated; the rest is reported.
import type { Expr, OperatorDef } from './ast.js';
import { type BuildContext, field, kids } from './context.js';
import type { Param } from './defs.js';
import type { Node } from './parser.js';

interface Navigable {
  readonly body: Node;
  readonly params: readonly Param[];
}

/** One module's operators that references may navigate, and the synthetic definitions made. */
export class SubexprDefs {
  private readonly operators = new Map<string, Navigable>();
  private readonly made = new Map<string, OperatorDef>();
  private pending: OperatorDef[] = [];

  register(name: string, body: Node, params: readonly Param[]): void {
    this.operators.set(name, { body, params });
  }

  has(name: string): boolean {
    return this.operators.has(name);
  }

  get(name: string): Navigable | undefined {
    return this.operators.get(name);
  }

  /** The synthetic definition for `key`, made once by `make`. */
  definition(key: string, make: () => OperatorDef): OperatorDef {
    let d = this.made.get(key);
    if (!d) {
      d = make();
      this.made.set(key, d);
      this.pending.push(d);
    }
    return d;
  }

  /** Definitions made since the last call, for the module being built. */
  take(): OperatorDef[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** Does this `prefixed_op` / `subexpression` start with an operator of this module (rather than
 *  an instance, whose `I!Op` is an ordinary qualified name)? */
export function isSubexprReference(ctx: BuildContext, n: Node): boolean {
  const first = kids(field(ctx, n, 'prefix'))[0];
  const named = first?.type === 'subexpr_component' ? kids(first)[0] : first;
  const name = named?.type === 'identifier_ref' ? named.text : named?.type === 'bound_op' ? kids(named)[0]?.text : undefined;
  return name !== undefined && ctx.subexprs.has(name);
}

type Step = { readonly kind: 'label'; readonly name: string; readonly args: readonly Node[]; readonly at: Node } | { readonly kind: 'position'; readonly index: number; readonly at: Node };

/** `n` is a `subexpression` (ends in a selector) or a `prefixed_op` (ends in a name). */
export function buildSubexprReference(ctx: BuildContext, n: Node, build: (n: Node) => Expr, buildArg: (n: Node) => Expr): Expr {
  const components = kids(n.type === 'subexpression' ? kid0(ctx, n) : field(ctx, n, 'prefix'));
  const last = n.type === 'subexpression' ? kids(n)[1] : field(ctx, n, 'op');
  const [head, ...rest] = [...components, ...(last ? [last] : [])];
  const opNode = head?.type === 'subexpr_component' ? kid0(ctx, head) : head;
  if (!opNode || (opNode.type !== 'identifier_ref' && opNode.type !== 'bound_op')) throw ctx.unsupported(n, `subexpression reference ${n.text}`);
  const [nameNode, ...opArgs] = opNode.type === 'bound_op' ? kids(opNode) : [opNode];
  const op = ctx.subexprs.get(nameNode!.text);
  if (!op) throw ctx.unsupported(n, `subexpression reference ${n.text} (only operators defined earlier in this module can be navigated)`);

  const steps = rest.map((s) => step(ctx, s, n));
  let current = op.body;
  const params = [...op.params];
  const args = [...opArgs];
  for (const s of steps) {
    if (s.kind === 'label') {
      const label = findLabel(current, s.name);
      if (!label) throw ctx.error(s.at, `No label ${s.name} in ${nameNode!.text}`);
      params.push(...labelParams(label).map((p) => ({ name: p, arity: 0 })));
      args.push(...s.args);
      current = field(ctx, label, 'expression');
    } else {
      const ops = operands(current);
      const selected = ops[s.index - 1];
      if (!selected) throw ctx.error(s.at, `${nameNode!.text} has no subexpression number ${s.index} here (it has ${ops.length})`);
      current = selected;
    }
  }
  if (args.length !== params.length) {
    throw ctx.error(n, `${n.text} needs ${params.length} argument${params.length === 1 ? '' : 's'} (${params.map((p) => p.name).join(', ')}), not ${args.length}`);
  }
  const key = [nameNode!.text, ...steps.map((s) => (s.kind === 'label' ? s.name : String(s.index)))].join('!');
  const def = ctx.subexprs.definition(key, () => ({
    kind: 'operator',
    name: key,
    params,
    body: build(current),
    recursive: false,
    local: true,
    loc: ctx.loc(current),
  }));
  const loc = ctx.loc(n);
  return def.params.length === 0 ? { kind: 'ref', name: def.name, prefix: [], loc } : { kind: 'apply', name: def.name, prefix: [], args: args.map(buildArg), loc };
}

function kid0(ctx: BuildContext, n: Node): Node {
  const k = kids(n)[0];
  if (!k) throw ctx.error(n, `Malformed ${n.type}`);
  return k;
}

function step(ctx: BuildContext, s: Node, whole: Node): Step {
  const c = s.type === 'subexpr_component' || s.type === 'subexpr_tree_nav' ? kid0(ctx, s) : s;
  switch (c.type) {
    case 'identifier_ref':
      return { kind: 'label', name: c.text, args: [], at: c };
    case 'bound_op': {
      const [name, ...args] = kids(c);
      return { kind: 'label', name: name!.text, args, at: c };
    }
    case 'child_id':
      return { kind: 'position', index: Number(c.text), at: c };
    case 'langle_bracket':
      return { kind: 'position', index: 1, at: c };
    case 'rangle_bracket':
      return { kind: 'position', index: 2, at: c };
    default:
      throw ctx.unsupported(c, `subexpression selector ${c.text} in ${whole.text}`);
  }
}

/** Parentheses and labels do not count as a level of the expression's structure. */
function transparent(n: Node): Node {
  let cur = n;
  for (;;) {
    if (cur.type === 'parentheses') cur = kids(cur)[0] ?? cur;
    else if (cur.type === 'label') cur = cur.childForFieldName('expression') ?? cur;
    else return cur;
    if (cur === n) return cur;
  }
}

/** The operands `!1 !2 …` select. */
function operands(n: Node): Node[] {
  const e = transparent(n);
  switch (e.type) {
    case 'bound_infix_op':
      return [e.childForFieldName('lhs'), e.childForFieldName('rhs')].filter((x): x is Node => x !== null);
    case 'bound_prefix_op':
      return [e.childForFieldName('rhs')].filter((x): x is Node => x !== null);
    case 'bound_postfix_op':
      return [e.childForFieldName('lhs')].filter((x): x is Node => x !== null);
    case 'bound_op':
      return kids(e).slice(1);
    case 'conj_list':
    case 'disj_list':
      return kids(e).map((item) => kids(item)[1]).filter((x): x is Node => x !== undefined);
    case 'if_then_else':
      return ['if', 'then', 'else'].map((f) => e.childForFieldName(f)).filter((x): x is Node => x !== null);
    default:
      return [];
  }
}

/** The label `name` in `n`, outside nested labels and nested definitions. */
function findLabel(n: Node, name: string): Node | undefined {
  if (n.type === 'label') return kids(n)[0]?.text === name ? n : undefined;
  for (const c of kids(n)) {
    if (c.type === 'label') {
      if (kids(c)[0]?.text === name) return c;
      continue;
    }
    if (c.type === 'operator_definition' || c.type === 'function_definition') continue;
    const found = findLabel(c, name);
    if (found) return found;
  }
  return undefined;
}

/** `lbl(a, b) :: e` → ['a', 'b'] */
function labelParams(label: Node): string[] {
  const expr = label.childForFieldName('expression');
  return kids(label)
    .slice(1)
    .filter((k) => k !== expr && k.type === 'identifier_ref')
    .map((k) => k.text);
}
