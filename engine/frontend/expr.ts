// Concrete expression nodes (grammar.js `_expr`) → ast.ts `Expr`. Operator spellings are
// canonicalised through operators.ts; parentheses disappear except where they change meaning
// (`(A \X B) \X C` is a set of pairs of pairs, `A \X B \X C` a set of triples, as the
// Cartesian product is defined in Specifying Systems), which is why n-ary flattening looks at the concrete child, not the AST.
import type { Binding, BoundPattern, ExceptUpdate, Expr, InstanceRef } from './ast.js';
import { type BuildContext, field, fieldKids, kid, kids } from './context.js';
import { buildLetDefinitions } from './defs.js';
import { INFIX_NAMES, POSTFIX_NAMES, PREFIX_NAMES, symbolName } from './operators.js';
import type { Node } from './parser.js';
import { checkInfix, checkPrefix } from './precedence.js';
import { buildSubexprReference, isSubexprReference } from './subexpr.js';

export function buildExpr(ctx: BuildContext, n: Node): Expr {
  const loc = ctx.loc(n);
  switch (n.type) {
    case 'nat_number':
      return { kind: 'num', value: BigInt(n.text), loc };
    case 'binary_number':
    case 'octal_number':
    case 'hex_number': {
      const digits = kid(ctx, n, 1).text;
      const radix = n.type === 'binary_number' ? '0b' : n.type === 'octal_number' ? '0o' : '0x';
      return { kind: 'num', value: BigInt(radix + digits), loc };
    }
    case 'real_number':
      throw ctx.unsupported(n, `real number ${n.text} (TLC does not evaluate Reals)`);
    case 'string':
      return { kind: 'str', value: unescapeString(ctx, n), loc };
    case 'boolean':
      return { kind: 'bool', value: n.text === 'TRUE', loc };
    case 'string_set':
      return ref('STRING', loc);
    case 'boolean_set':
      return ref('BOOLEAN', loc);
    case 'nat_number_set':
      return ref('Nat', loc);
    case 'int_number_set':
      return ref('Int', loc);
    case 'real_number_set':
      return ref('Real', loc);
    case 'parentheses':
      return buildExpr(ctx, kid(ctx, n, 0));
    case 'label':
      // `lbl :: e` only names a subexpression for proofs and `!` navigation; TLC evaluates e.
      return buildExpr(ctx, field(ctx, n, 'expression'));
    case 'identifier_ref':
      return ref(n.text, loc);
    case 'bound_op': {
      const [name, ...args] = kids(n);
      return { kind: 'apply', name: name!.text, prefix: [], args: args.map((a) => buildArg(ctx, a)), loc };
    }
    case 'bound_nonfix_op': {
      const [sym, ...args] = kids(n);
      return { kind: 'apply', name: opSymbol(ctx, sym!), prefix: [], args: args.map((a) => buildExpr(ctx, a)), loc };
    }
    case 'prefixed_op':
      if (isSubexprReference(ctx, n)) return buildSubexprReference(ctx, n, (e) => buildExpr(ctx, e), (a) => buildArg(ctx, a));
      return buildPrefixed(ctx, n);
    case 'bound_prefix_op':
      return buildPrefix(ctx, n);
    case 'bound_infix_op':
      return buildInfix(ctx, n);
    case 'bound_postfix_op': {
      const sym = field(ctx, n, 'symbol');
      const arg = buildExpr(ctx, field(ctx, n, 'lhs'));
      if (sym.type === 'prime') return { kind: 'prime', expr: arg, loc };
      return { kind: 'apply', name: POSTFIX_NAMES[sym.type] ?? sym.text, prefix: [], args: [arg], loc };
    }
    case 'bounded_quantification': {
      const quant = field(ctx, n, 'quantifier').type;
      const bindings = fieldKids(n, 'bound').flatMap((b) => buildQuantifierBound(ctx, b));
      const body = buildExpr(ctx, field(ctx, n, 'expression'));
      return { kind: quant === 'forall' ? 'forall' : 'exists', bindings, body, loc };
    }
    case 'unbounded_quantification': {
      const quant = field(ctx, n, 'quantifier').type;
      const intro = fieldKids(n, 'intro');
      const body = buildExpr(ctx, field(ctx, n, 'expression'));
      if (quant === 'temporal_forall' || quant === 'temporal_exists') {
        return { kind: 'temporalQuant', exists: quant === 'temporal_exists', names: intro.map((i) => i.text), body, loc };
      }
      const bindings: Binding[] = intro.map((i) => ({ pattern: { kind: 'name', name: i.text, loc: ctx.loc(i) } }));
      return { kind: quant === 'forall' ? 'forall' : 'exists', bindings, body, loc };
    }
    case 'choose': {
      const set = n.childForFieldName('set');
      const pattern = buildPattern(ctx, field(ctx, n, 'intro'));
      const binding: Binding = set ? { pattern, domain: buildExpr(ctx, set) } : { pattern };
      return { kind: 'choose', binding, body: buildExpr(ctx, field(ctx, n, 'expression')), loc };
    }
    case 'finite_set_literal':
      return { kind: 'setEnum', elems: kids(n).map((e) => buildExpr(ctx, e)), loc };
    case 'set_filter': {
      const [binding] = buildQuantifierBound(ctx, field(ctx, n, 'generator'));
      return { kind: 'setFilter', binding: binding!, pred: buildExpr(ctx, field(ctx, n, 'filter')), loc };
    }
    case 'set_map': {
      const bindings = fieldKids(n, 'generator').flatMap((b) => buildQuantifierBound(ctx, b));
      return { kind: 'setMap', body: buildExpr(ctx, field(ctx, n, 'map')), bindings, loc };
    }
    case 'function_evaluation': {
      const [fn, ...args] = kids(n);
      return { kind: 'fnApply', fn: buildExpr(ctx, fn!), args: args.map((a) => buildExpr(ctx, a)), loc };
    }
    case 'function_literal': {
      const parts = kids(n);
      const body = parts[parts.length - 1]!;
      const bindings = parts.filter((p) => p.type === 'quantifier_bound').flatMap((b) => buildQuantifierBound(ctx, b));
      return { kind: 'fnLiteral', bindings, body: buildExpr(ctx, body), loc };
    }
    case 'set_of_functions': {
      const [domain, , range] = kids(n);
      return { kind: 'fnSet', domain: buildExpr(ctx, domain!), range: buildExpr(ctx, range!), loc };
    }
    case 'record_literal': {
      const parts = kids(n).filter((p) => p.type !== 'all_map_to');
      const fields: { name: string; value: Expr }[] = [];
      for (let i = 0; i + 1 < parts.length; i += 2) fields.push({ name: parts[i]!.text, value: buildExpr(ctx, parts[i + 1]!) });
      return { kind: 'record', fields, loc };
    }
    case 'set_of_records': {
      const parts = kids(n);
      const fields: { name: string; set: Expr }[] = [];
      for (let i = 0; i + 1 < parts.length; i += 2) fields.push({ name: parts[i]!.text, set: buildExpr(ctx, parts[i + 1]!) });
      return { kind: 'recordSet', fields, loc };
    }
    case 'record_value': {
      const [record, name] = kids(n);
      return { kind: 'field', record: buildExpr(ctx, record!), field: name!.text, loc };
    }
    case 'except':
      return buildExcept(ctx, n);
    case 'prev_func_val':
      return { kind: 'at', loc };
    case 'tuple_literal':
      return { kind: 'tuple', elems: kids(n).filter((e) => !isBracket(e)).map((e) => buildExpr(ctx, e)), loc };
    case 'step_expr_or_stutter':
    case 'step_expr_no_stutter': {
      const [action, vars] = kids(n).filter((e) => !isBracket(e));
      return { kind: 'actionBox', action: buildExpr(ctx, action!), vars: buildExpr(ctx, vars!), stutter: n.type === 'step_expr_or_stutter', loc };
    }
    case 'fairness': {
      const [vars, action] = kids(n);
      return { kind: 'fairness', strong: n.child(0)?.type === 'SF_', vars: buildExpr(ctx, vars!), action: buildExpr(ctx, action!), loc };
    }
    case 'if_then_else':
      return {
        kind: 'if',
        cond: buildExpr(ctx, field(ctx, n, 'if')),
        then: buildExpr(ctx, field(ctx, n, 'then')),
        else: buildExpr(ctx, field(ctx, n, 'else')),
        loc,
      };
    case 'case': {
      const arms: { cond: Expr; body: Expr }[] = [];
      let other: Expr | undefined;
      for (const part of kids(n)) {
        const [a, , b] = kids(part);
        if (part.type === 'case_arm') arms.push({ cond: buildExpr(ctx, a!), body: buildExpr(ctx, b!) });
        else if (part.type === 'other_arm') other = buildExpr(ctx, kids(part)[1]!);
      }
      return other ? { kind: 'case', arms, other, loc } : { kind: 'case', arms, loc };
    }
    case 'let_in':
      return { kind: 'let', defs: buildLetDefinitions(ctx, fieldKids(n, 'definitions')), body: buildExpr(ctx, field(ctx, n, 'expression')), loc };
    case 'conj_list':
    case 'disj_list': {
      // Each item is `bullet expr`; the bullet is the first named child of the item.
      const args = kids(n).map((item) => buildExpr(ctx, kid(ctx, item, 1)));
      return { kind: n.type === 'conj_list' ? 'and' : 'or', args, loc };
    }
    case 'lambda':
      return buildLambda(ctx, n);
    case 'subexpression':
      return buildSubexprReference(ctx, n, (e) => buildExpr(ctx, e), (a) => buildArg(ctx, a));
    case 'proof_step_ref':
      throw ctx.unsupported(n, `subexpression reference ${n.text}`);
    default:
      throw ctx.unsupported(n, `expression of kind ${n.type}`);
  }
}

function ref(name: string, loc: Expr['loc']): Expr {
  return { kind: 'ref', name, prefix: [], loc };
}

function isBracket(n: Node): boolean {
  return n.type === 'langle_bracket' || n.type === 'rangle_bracket' || n.type === 'rangle_bracket_sub';
}

/** An argument of `Op(..)`: an expression, or an operator passed to a higher-order parameter
 *  (`F(+, LAMBDA x : x)`) — a symbol becomes a `ref` to its canonical name. */
export function buildArg(ctx: BuildContext, n: Node): Expr {
  switch (n.type) {
    case 'prefix_op_symbol':
    case 'infix_op_symbol':
    case 'postfix_op_symbol':
      return ref(opSymbol(ctx, n), ctx.loc(n));
    default:
      return buildExpr(ctx, n);
  }
}

/** Canonical name of an `*_op_symbol` node (or of a bare symbol node like `plus`). */
export function opSymbol(ctx: BuildContext, n: Node): string {
  const inner = n.type.endsWith('_op_symbol') ? kid(ctx, n, 0) : n;
  const name = symbolName(inner.type);
  if (!name) throw ctx.unsupported(n, `operator symbol ${n.text}`);
  return name;
}

function buildLambda(ctx: BuildContext, n: Node): Expr {
  const parts = kids(n);
  const body = parts[parts.length - 1]!;
  return { kind: 'lambda', params: parts.slice(0, -1).map((p) => p.text), body: buildExpr(ctx, body), loc: ctx.loc(n) };
}

function buildPrefix(ctx: BuildContext, n: Node): Expr {
  const loc = ctx.loc(n);
  const sym = field(ctx, n, 'symbol');
  const rhsNode = field(ctx, n, 'rhs');
  checkPrefix(ctx, sym, rhsNode);
  const arg = buildExpr(ctx, rhsNode);
  switch (sym.type) {
    case 'lnot':
      return { kind: 'not', expr: arg, loc };
    case 'enabled':
      return { kind: 'enabled', expr: arg, loc };
    case 'unchanged':
      return { kind: 'unchanged', expr: arg, loc };
    case 'always':
      return { kind: 'always', expr: arg, loc };
    case 'eventually':
      return { kind: 'eventually', expr: arg, loc };
    default: {
      const name = PREFIX_NAMES[sym.type];
      if (!name) throw ctx.unsupported(sym, `prefix operator ${sym.text}`);
      return { kind: 'apply', name, prefix: [], args: [arg], loc };
    }
  }
}

function buildInfix(ctx: BuildContext, n: Node): Expr {
  const loc = ctx.loc(n);
  const sym = field(ctx, n, 'symbol');
  const lhsNode = field(ctx, n, 'lhs');
  const rhsNode = field(ctx, n, 'rhs');
  checkInfix(ctx, n, sym, lhsNode, rhsNode);
  const lhs = buildExpr(ctx, lhsNode);
  const rhs = buildExpr(ctx, rhsNode);
  switch (sym.type) {
    case 'land':
    case 'lor': {
      // Infix chains `a /\ b /\ c` become one n-ary node; a parenthesised or bulleted lhs
      // stays a separate argument (same value, but keeps the user's grouping visible).
      const kind = sym.type === 'land' ? 'and' : 'or';
      const sameChain = lhsNode.type === 'bound_infix_op' && field(ctx, lhsNode, 'symbol').type === sym.type && lhs.kind === kind;
      return { kind, args: sameChain && lhs.kind === kind ? [...lhs.args, rhs] : [lhs, rhs], loc };
    }
    case 'implies':
      return { kind: 'implies', lhs, rhs, loc };
    case 'equiv':
    case 'iff':
      return { kind: 'equiv', lhs, rhs, loc };
    case 'leads_to':
      return { kind: 'leadsTo', lhs, rhs, loc };
    case 'cdot':
      return { kind: 'compose', lhs, rhs, loc };
    case 'times': {
      const chained = lhsNode.type === 'bound_infix_op' && field(ctx, lhsNode, 'symbol').type === 'times' && lhs.kind === 'apply';
      return { kind: 'apply', name: '\\X', prefix: [], args: chained && lhs.kind === 'apply' ? [...lhs.args, rhs] : [lhs, rhs], loc };
    }
    default: {
      const name = INFIX_NAMES[sym.type];
      if (!name) throw ctx.unsupported(sym, `infix operator ${sym.text}`);
      return { kind: 'apply', name, prefix: [], args: [lhs, rhs], loc };
    }
  }
}

/** `I!Op(a)`, `I(x)!Op`, `I!J!x`: the components before the last `!` are instance references. */
function buildPrefixed(ctx: BuildContext, n: Node): Expr {
  const loc = ctx.loc(n);
  const prefix: InstanceRef[] = kids(field(ctx, n, 'prefix')).map((component) => {
    const c = component.type === 'subexpr_component' ? kid(ctx, component, 0) : component;
    if (c.type === 'identifier_ref') return { name: c.text, args: [] };
    if (c.type === 'bound_op') {
      const [name, ...args] = kids(c);
      return { name: name!.text, args: args.map((a) => buildArg(ctx, a)) };
    }
    throw ctx.unsupported(c, `instance path component ${c.text}`);
  });
  const op = field(ctx, n, 'op');
  const inner = buildExpr(ctx, op);
  if (inner.kind === 'ref' || inner.kind === 'apply') return { ...inner, prefix, loc };
  throw ctx.unsupported(op, `qualified reference ${n.text}`);
}

function buildExcept(ctx: BuildContext, n: Node): Expr {
  const updates: ExceptUpdate[] = kids(n)
    .filter((u) => u.type === 'except_update')
    .map((u) => {
      const spec = kids(u).find((k) => k.type === 'except_update_specifier')!;
      const path = kids(spec).map((step) =>
        step.type === 'except_update_record_field'
          ? ({ kind: 'field', name: kid(ctx, step, 0).text } as const)
          : ({ kind: 'index', args: kids(step).map((a) => buildExpr(ctx, a)) } as const),
      );
      return { path, value: buildExpr(ctx, field(ctx, u, 'new_val')), loc: ctx.loc(u) };
    });
  return { kind: 'except', fn: buildExpr(ctx, field(ctx, n, 'expr_to_update')), updates, loc: ctx.loc(n) };
}

export function buildPattern(ctx: BuildContext, n: Node): BoundPattern {
  if (n.type === 'tuple_of_identifiers') {
    return { kind: 'tuple', names: kids(n).filter((k) => k.type === 'identifier').map((k) => k.text), loc: ctx.loc(n) };
  }
  return { kind: 'name', name: n.text, loc: ctx.loc(n) };
}

/** `x, y \in S` gives two bindings sharing one domain expression; `<<a, b>> \in S` one tuple
 *  binding: `\A x, y \in S : P` means `\A x \in S : \A y \in S : P`. */
export function buildQuantifierBound(ctx: BuildContext, n: Node): Binding[] {
  const domain = buildExpr(ctx, field(ctx, n, 'set'));
  return fieldKids(n, 'intro').map((intro) => ({ pattern: buildPattern(ctx, intro), domain }));
}

/** TLA+ string escapes as SANY reads them (tla2sany/st/TreeNode... and TLC's StringValue):
 *  `\"`, `\\`, `\n`, `\t`, `\r`, `\f`. */
function unescapeString(ctx: BuildContext, n: Node): string {
  const raw = ctx.source.originalText(n).slice(1, -1);
  return raw.replace(/\\(.)/g, (_, c: string) => {
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      default:
        throw ctx.error(n, `Unknown escape \\${c} in string`);
    }
  });
}
