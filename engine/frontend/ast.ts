// The typed TLA+ syntax tree: the contract between the front end (which builds it from
// tree-sitter's concrete tree) and everything after it (resolver, evaluator, codegen).
// Every node carries its source location; every union is discriminated by `kind`, so a
// `switch` with a `never` default breaks the build when a node kind is added.

export interface Loc {
  readonly file: string; // path as given by the user, used in `file:line:col` messages
  readonly module: string; // TLA+ module name, used in TLC-style "of module M"
  readonly line: number; // 1-based
  readonly col: number; // 1-based
  /** last character of the construct, inclusive (TLC's tla2sany Location convention) */
  readonly endLine: number;
  readonly endCol: number;
}

// ---------------------------------------------------------------- expressions

/** A bound variable introduced by \A, \E, CHOOSE, {x \in S : ..}, [x \in S |-> ..]:
 *  either a single name or a tuple pattern <<a, b>>. */
export type BoundPattern =
  | { readonly kind: 'name'; readonly name: string; readonly loc: Loc }
  | { readonly kind: 'tuple'; readonly names: readonly string[]; readonly loc: Loc };

/** `x \in S` (domain present) or plain `x` in unbounded \A/\E/CHOOSE (domain undefined). */
export interface Binding {
  readonly pattern: BoundPattern;
  readonly domain?: Expr;
}

export type Expr =
  | { readonly kind: 'num'; readonly value: bigint; readonly loc: Loc }
  | { readonly kind: 'str'; readonly value: string; readonly loc: Loc }
  | { readonly kind: 'bool'; readonly value: boolean; readonly loc: Loc }
  /** A name: variable, constant, operator without arguments, bound variable, or built-in
   *  like Nat / BOOLEAN / STRING. `prefix` is the instance path for `I!J!x`. */
  | { readonly kind: 'ref'; readonly name: string; readonly prefix: readonly InstanceRef[]; readonly loc: Loc }
  /** Application of a user or built-in operator (prefix, infix, postfix, or `Op(a, b)`),
   *  `name` is the canonical operator name (see OPERATOR_NAMES below). */
  | { readonly kind: 'apply'; readonly name: string; readonly prefix: readonly InstanceRef[]; readonly args: readonly Expr[]; readonly loc: Loc }
  | { readonly kind: 'lambda'; readonly params: readonly string[]; readonly body: Expr; readonly loc: Loc }
  | { readonly kind: 'prime'; readonly expr: Expr; readonly loc: Loc }
  | { readonly kind: 'and'; readonly args: readonly Expr[]; readonly loc: Loc } // /\ lists and infix /\
  | { readonly kind: 'or'; readonly args: readonly Expr[]; readonly loc: Loc } // \/ lists and infix \/
  | { readonly kind: 'not'; readonly expr: Expr; readonly loc: Loc }
  | { readonly kind: 'implies'; readonly lhs: Expr; readonly rhs: Expr; readonly loc: Loc }
  | { readonly kind: 'equiv'; readonly lhs: Expr; readonly rhs: Expr; readonly loc: Loc }
  | { readonly kind: 'if'; readonly cond: Expr; readonly then: Expr; readonly else: Expr; readonly loc: Loc }
  | { readonly kind: 'case'; readonly arms: readonly { readonly cond: Expr; readonly body: Expr }[]; readonly other?: Expr; readonly loc: Loc }
  | { readonly kind: 'let'; readonly defs: readonly Definition[]; readonly body: Expr; readonly loc: Loc }
  | { readonly kind: 'forall'; readonly bindings: readonly Binding[]; readonly body: Expr; readonly loc: Loc }
  | { readonly kind: 'exists'; readonly bindings: readonly Binding[]; readonly body: Expr; readonly loc: Loc }
  | { readonly kind: 'choose'; readonly binding: Binding; readonly body: Expr; readonly loc: Loc }
  | { readonly kind: 'setEnum'; readonly elems: readonly Expr[]; readonly loc: Loc } // {a, b}
  | { readonly kind: 'setFilter'; readonly binding: Binding; readonly pred: Expr; readonly loc: Loc } // {x \in S : P}
  | { readonly kind: 'setMap'; readonly body: Expr; readonly bindings: readonly Binding[]; readonly loc: Loc } // {e : x \in S}
  | { readonly kind: 'tuple'; readonly elems: readonly Expr[]; readonly loc: Loc } // <<a, b>>
  | { readonly kind: 'record'; readonly fields: readonly { readonly name: string; readonly value: Expr }[]; readonly loc: Loc } // [a |-> 1]
  | { readonly kind: 'recordSet'; readonly fields: readonly { readonly name: string; readonly set: Expr }[]; readonly loc: Loc } // [a : S]
  | { readonly kind: 'fnLiteral'; readonly bindings: readonly Binding[]; readonly body: Expr; readonly loc: Loc } // [x \in S |-> e]
  | { readonly kind: 'fnSet'; readonly domain: Expr; readonly range: Expr; readonly loc: Loc } // [S -> T]
  | { readonly kind: 'fnApply'; readonly fn: Expr; readonly args: readonly Expr[]; readonly loc: Loc } // f[a] or f[a, b] (= f[<<a,b>>])
  | { readonly kind: 'field'; readonly record: Expr; readonly field: string; readonly loc: Loc } // r.a
  | { readonly kind: 'except'; readonly fn: Expr; readonly updates: readonly ExceptUpdate[]; readonly loc: Loc }
  | { readonly kind: 'at'; readonly loc: Loc } // @ inside EXCEPT
  | { readonly kind: 'unchanged'; readonly expr: Expr; readonly loc: Loc }
  | { readonly kind: 'enabled'; readonly expr: Expr; readonly loc: Loc }
  /** [A]_v and <<A>>_v */
  | { readonly kind: 'actionBox'; readonly action: Expr; readonly vars: Expr; readonly stutter: boolean; readonly loc: Loc }
  | { readonly kind: 'always'; readonly expr: Expr; readonly loc: Loc } // []P
  | { readonly kind: 'eventually'; readonly expr: Expr; readonly loc: Loc } // <>P
  | { readonly kind: 'leadsTo'; readonly lhs: Expr; readonly rhs: Expr; readonly loc: Loc } // P ~> Q
  | { readonly kind: 'fairness'; readonly strong: boolean; readonly vars: Expr; readonly action: Expr; readonly loc: Loc } // WF_v(A), SF_v(A)
  | { readonly kind: 'temporalQuant'; readonly exists: boolean; readonly names: readonly string[]; readonly body: Expr; readonly loc: Loc } // \EE, \AA
  /** Action composition A \cdot B */
  | { readonly kind: 'compose'; readonly lhs: Expr; readonly rhs: Expr; readonly loc: Loc };

/** One `![a][b].c = e` clause of EXCEPT: a path of function arguments and record fields. */
export interface ExceptUpdate {
  readonly path: readonly ({ readonly kind: 'index'; readonly args: readonly Expr[] } | { readonly kind: 'field'; readonly name: string })[];
  readonly value: Expr; // may contain `at`
  readonly loc: Loc;
}

/** `I!` or `I(a, b)!` in a qualified name. */
export interface InstanceRef {
  readonly name: string;
  readonly args: readonly Expr[];
}

// ---------------------------------------------------------------- units of a module

export interface OperatorDef {
  readonly kind: 'operator';
  readonly name: string;
  /** Parameters; `arity` > 0 marks a higher-order parameter `F(_, _)`. */
  readonly params: readonly { readonly name: string; readonly arity: number }[];
  readonly body: Expr;
  readonly recursive: boolean; // declared in a RECURSIVE line
  readonly local: boolean;
  readonly loc: Loc;
}

/** f[x \in S] == e  (recursive function definitions are allowed to mention f in e) */
export interface FunctionDef {
  readonly kind: 'function';
  readonly name: string;
  readonly bindings: readonly Binding[];
  readonly body: Expr;
  readonly local: boolean;
  readonly loc: Loc;
}

/** INSTANCE M WITH a <- e   or   I(params) == INSTANCE M WITH ... */
export interface InstanceDef {
  readonly kind: 'instance';
  readonly name?: string; // undefined for an unnamed INSTANCE (its definitions are imported)
  readonly params: readonly { readonly name: string; readonly arity: number }[];
  readonly module: string;
  readonly substitutions: readonly { readonly name: string; readonly expr: Expr }[];
  readonly local: boolean;
  readonly loc: Loc;
}

export type Definition = OperatorDef | FunctionDef | InstanceDef;

export interface ConstantDecl {
  readonly name: string;
  readonly arity: number; // CONSTANT F(_, _)
  readonly loc: Loc;
}

export interface VariableDecl {
  readonly name: string;
  readonly loc: Loc;
}

export interface Assumption {
  readonly name?: string;
  readonly expr: Expr;
  readonly loc: Loc;
}

/** One parsed `.tla` module, before names are resolved across modules. Units keep
 *  source order, which matters: a definition may only use what precedes it. */
export interface Module {
  readonly name: string;
  readonly file: string;
  readonly extends: readonly string[];
  /** Where each EXTENDS name was written (parallel to `extends`), for "module not found". */
  readonly extendsLocs?: readonly Loc[];
  readonly constants: readonly ConstantDecl[];
  readonly variables: readonly VariableDecl[];
  readonly definitions: readonly Definition[];
  readonly assumptions: readonly Assumption[];
  /** Modules defined inside this one (`---- MODULE Inner ----` nested). */
  readonly submodules: readonly Module[];
  readonly loc: Loc;
}

/**
 * Canonical names for built-in operators in `apply` nodes, so the evaluator never has to
 * know which Unicode or ASCII spelling the user wrote. Infix `\in` becomes `apply('\\in')`,
 * `a + b` becomes `apply('+')`, `x \notin S` becomes `apply('\\notin')`, and so on.
 * Spellings are TLA+'s ASCII forms: `=`, `#` (also `/=`), `\\in`, `\\notin`, `\\subseteq`,
 * `\\cup` (also `\\union`), `\\cap` (also `\\intersect`), `\\`, `SUBSET`, `UNION`, `DOMAIN`,
 * `+`, `-`, `*`, `\\div`, `%`, `^`, `<`, `>`, `<=` (also `=<`, `\\leq`), `>=` (also `\\geq`),
 * `..`, `-.` (unary minus), `\\o` (also `\\circ`), `:>`, `@@`, `\\X` (also `\\times`; n-ary:
 * `A \X B \X C` is one apply with three args).
 * User-defined infix operators keep their symbol as name (e.g. `++`, `(+)`).
 */
export const OPERATOR_ALIASES: Readonly<Record<string, string>> = {
  '/=': '#',
  '\\union': '\\cup',
  '\\intersect': '\\cap',
  '=<': '<=',
  '\\leq': '<=',
  '\\geq': '>=',
  '\\circ': '\\o',
  '\\times': '\\X',
  '\\lnot': '~',
  '\\neg': '~',
};
