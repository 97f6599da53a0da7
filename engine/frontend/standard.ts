// The standard modules TLC implements natively (tlc2/module/*.java overrides of the .tla files
// in tla2sany/StandardModules). They are never read from disk: the evaluator implements their
// operators and the resolver only needs their names and arities. `exports` lists what a module
// that EXTENDS it sees; the standard .tla files pull their own helpers in with LOCAL INSTANCE
// (Sequences, FiniteSets, TLC, Bags all `LOCAL INSTANCE Naturals`), so only Integers and
// Reals re-export what they extend.

export interface StandardModule {
  readonly name: string;
  /** operator name (canonical spelling, as in ast.ts `apply.name`) → arity */
  readonly operators: Readonly<Record<string, number>>;
  /** standard modules whose operators this one re-exports (its EXTENDS) */
  readonly extends: readonly string[];
  /** set when we recognise the module but refuse to load it, with the reason */
  readonly refused?: string;
}

const NATURALS: Record<string, number> = {
  Nat: 0,
  '+': 2,
  '-': 2,
  '*': 2,
  '^': 2,
  '<': 2,
  '>': 2,
  '<=': 2,
  '>=': 2,
  '%': 2,
  '\\div': 2,
  '..': 2,
};

export const STANDARD_MODULES: ReadonlyMap<string, StandardModule> = new Map<string, StandardModule>(
  (
    [
      { name: 'Naturals', operators: NATURALS, extends: [] },
      { name: 'Integers', operators: { Int: 0, '-.': 1 }, extends: ['Naturals'] },
      // Reals: SANY knows the names; TLC cannot evaluate reals, the evaluator refuses them.
      { name: 'Reals', operators: { Real: 0, '/': 2, Infinity: 0 }, extends: ['Integers'] },
      {
        name: 'Sequences',
        operators: { Seq: 1, Len: 1, '\\o': 2, Append: 2, Head: 1, Tail: 1, SubSeq: 3, SelectSeq: 2 },
        extends: [],
      },
      { name: 'FiniteSets', operators: { IsFiniteSet: 1, Cardinality: 1 }, extends: [] },
      {
        name: 'TLC',
        operators: {
          Print: 2,
          PrintT: 1,
          Assert: 2,
          JavaTime: 0,
          TLCGet: 1,
          TLCSet: 2,
          ':>': 2,
          '@@': 2,
          Permutations: 1,
          SortSeq: 2,
          RandomElement: 1,
          Any: 0,
          ToString: 1,
          TLCEval: 1,
        },
        extends: [],
      },
      {
        name: 'Bags',
        operators: {
          IsABag: 1,
          BagToSet: 1,
          SetToBag: 1,
          BagIn: 2,
          EmptyBag: 0,
          '(+)': 2,
          '(-)': 2,
          BagUnion: 1,
          '\\sqsubseteq': 2,
          SubBag: 1,
          BagOfAll: 2,
          BagCardinality: 1,
          CopiesIn: 2,
        },
        extends: [],
      },
      {
        name: 'TLCExt',
        operators: { AssertEq: 2, AssertError: 2, TLCModelValue: 1, TLCNoOp: 1, TLCDefer: 1, PickSuccessor: 1, Trace: 0, CounterExample: 0, ToTrace: 1 },
        extends: [],
      },
    ] as StandardModule[]
  ).map((m) => [m.name, m]),
);

/** Operators a module EXTENDing `name` sees: its own plus those of the modules it extends. */
export function standardExports(name: string): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  const visit = (n: string): void => {
    const m = STANDARD_MODULES.get(n);
    if (!m) return;
    for (const e of m.extends) visit(e);
    for (const [op, arity] of Object.entries(m.operators)) out.set(op, arity);
  };
  visit(name);
  return out;
}

/** Names every module sees without EXTENDS: TLA+'s built-in constants and operators
 *  (SANY's tla2sany/configuration/ConfigConstants.defaultConfig). Arity -1 marks names whose arity the grammar enforces. */
export const BUILTIN_NAMES: ReadonlyMap<string, number> = new Map([
  ['TRUE', 0],
  ['FALSE', 0],
  ['BOOLEAN', 0],
  ['STRING', 0],
  ['=', 2],
  ['#', 2],
  ['\\in', 2],
  ['\\notin', 2],
  ['\\subseteq', 2],
  ['\\cup', 2],
  ['\\cap', 2],
  ['\\', 2],
  ['SUBSET', 1],
  ['UNION', 1],
  ['DOMAIN', 1],
  ['~', 1],
  ['=>', 2],
  ['<=>', 2],
  ['\\equiv', 2],
  ['/\\', 2],
  ['\\/', 2],
  ['\\X', -1],
  ['-+->', 2], // built in (ConfigConstants.defaultConfig), though TLC cannot check it
]);

/** Standard operators that take operator arguments: the arity of each parameter
 *  (Sequences.tla `SelectSeq(s, Test(_))`, TLC.tla `SortSeq(s, Op(_, _))`,
 *  Bags.tla `BagOfAll(F(_), B)`). */
export const HIGHER_ORDER_PARAMS: Readonly<Record<string, readonly number[]>> = {
  SelectSeq: [0, 1],
  SortSeq: [0, 2],
  BagOfAll: [1, 0],
};
