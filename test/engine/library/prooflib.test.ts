// tlapm's proof library (NaturalsInduction, WellFoundedInduction, FiniteSetTheorems,
// FunctionTheorems, SequenceTheorems, SequencesExtTheorems, BagsTheorems, RealTime), the
// CommunityModules' FiniteSetsExtTheorems and FoldsTheorems, and TLC's Toolbox, as bundled in
// engine/library: every module loads and resolves alone and all together, no two modules export
// the same name, and the operators TLC can evaluate have the values their definitions give.
// Expected values are worked out by hand in the comment of each group.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../engine/frontend/load.js';
import { compile } from '../eval/helpers.js';
import { evalAll, group } from './helpers.js';

const library = resolve(dirname(fileURLToPath(import.meta.url)), '../../../engine/library');

/** The modules this file pins, and what each must export (a sample of its names). */
const MODULES: Readonly<Record<string, readonly string[]>> = {
  NaturalsInduction: ['NatInductiveDefHypothesis', 'NatInductiveDefConclusion', 'FiniteNatInductiveDefHypothesis', 'FiniteNatInductiveDefConclusion'],
  WellFoundedInduction: ['IsTransitivelyClosedOn', 'IsWellFoundedOn', 'SetLessThan', 'WFDefOn', 'OpDefinesFcn', 'WFInductiveDefines', 'WFInductiveUnique', 'TransitiveClosureOn', 'OpToRel', 'PreImage', 'LexPairOrdering', 'LexProductOrdering'],
  FiniteSetTheorems: ['FiniteSubsetsOf', 'StrictSubsetOrdering', 'Cardinality', 'ExistsBijection', 'SetLessThan'],
  FunctionTheorems: ['Restrict', 'Range', 'Inverse', 'Injection', 'Surjection', 'Bijection', 'ExistsInjection'],
  SequenceTheorems: ['Range', 'IsInjective', 'Append', 'SubSeq'],
  SequencesExtTheorems: ['StrictPrefixesDetermineDef', 'StrictSuffixesDetermineDef', 'TailInductiveDefHypothesis', 'TailInductiveDefConclusion', 'FrontInductiveDefHypothesis', 'FrontInductiveDefConclusion', 'Cons', 'Front', 'IsStrictPrefix'],
  BagsTheorems: ['CopiesIn', 'Scaling', 'SeqToBag', 'Cardinality', 'Range', 'BagIn'],
  FiniteSetsExtTheorems: ['FoldSet', 'SumSet', 'ProductSet', 'MapThenSumSet'],
  FoldsTheorems: ['MapThenFoldSet', 'Cardinality'],
  Toolbox: ['_TETrace', '_TEPosition'],
  RealTime: ['now', 'RTBound', 'RTnow'],
};

describe('the proof library modules load and resolve', () => {
  it('each is a file of engine/library', () => {
    const files = new Set(readdirSync(library));
    for (const m of Object.keys(MODULES)) expect(files.has(`${m}.tla`), m).toBe(true);
  });
  it.each(Object.keys(MODULES))('%s parses and resolves on its own (no SANY-level error)', async (m) => {
    const { root } = await loadSpec(join(library, `${m}.tla`));
    expect(root.name).toBe(m);
  });
  it.each(Object.entries(MODULES))('%s exports its definitions to a spec that EXTENDS it', async (m, names) => {
    // a reference to each name in a definition of the extending module: resolve fails on an unknown one
    const refs = names.map((n, i) => `D${i} == ${arityCall(n)}`).join('\n');
    await expect(compile({ M: `EXTENDS ${m}\nVARIABLE v\nInit == v = 0\n${refs}\n` }, 'INIT Init\n')).resolves.toBeDefined();
  });
  const all = ['TLAPS', ...Object.keys(MODULES), 'Functions', 'SequencesExt', 'FiniteSetsExt', 'Folds', 'Naturals', 'Integers', 'Sequences', 'FiniteSets', 'Bags', 'TLC'];
  it('all of them together with TLAPS and the community modules they build on load in one spec', async () => {
    await expect(compile({ M: `EXTENDS ${all.join(', ')}\nVARIABLE v\nInit == v = 0\n` }, 'INIT Init\n')).resolves.toBeDefined();
  });
  // SANY rejects a spec that inherits one name from two different modules ("Multiply-defined
  // symbol"); our resolver does not check that across EXTENDed modules yet, so the bundled files
  // are checked here directly: every exported definition and declaration of every module read.
  it('no two bundled modules (of those a spec may EXTEND together) define or declare the same name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdsib-prooflib-'));
    writeFileSync(join(dir, 'All.tla'), `---- MODULE All ----\nEXTENDS ${all.join(', ')}\n====\n`);
    const { modules } = await loadSpec(join(dir, 'All.tla'));
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, mod] of modules) {
      if (name === 'All') continue;
      const exported = [
        ...mod.definitions.filter((d) => !d.local && d.kind !== 'instance').map((d) => (d as { name: string }).name),
        ...mod.variables.map((v) => v.name),
        ...mod.constants.map((c) => c.name),
      ];
      for (const n of exported) {
        const first = owner.get(n);
        if (first !== undefined && first !== name) clashes.push(`${n}: ${first} and ${name}`);
        owner.set(n, first ?? name);
      }
    }
    expect(clashes).toEqual([]);
    expect(owner.get('OpToRel')).toBe('WellFoundedInduction'); // the check saw the library's names
  });
  // Theorem names are names of the module too (a proof cites them with BY); the front end drops
  // proofs and theorems, so they are read from the text.
  it('no theorem name is stated twice across the bundled proof modules', () => {
    const names = ['TLAPS', ...Object.keys(MODULES)].flatMap((m) =>
      [...readFileSync(join(library, `${m}.tla`), 'utf8').matchAll(/^(?:THEOREM|LEMMA|PROPOSITION|COROLLARY)\s+(\w+)\s*==/gm)].map((x) => x[1]!),
    );
    expect(names.length).toBeGreaterThan(250);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

/** A reference to `n` applied to placeholder arguments of its arity (operators as LAMBDAs). */
function arityCall(n: string): string {
  const args: Record<string, string> = {
    NatInductiveDefHypothesis: '(1, 1, LAMBDA a, b : a)', NatInductiveDefConclusion: '(1, 1, LAMBDA a, b : a)',
    FiniteNatInductiveDefHypothesis: '(1, 1, LAMBDA a, b : a, 1, 1)', FiniteNatInductiveDefConclusion: '(1, 1, LAMBDA a, b : a, 1, 1)',
    IsTransitivelyClosedOn: '({}, {})', IsWellFoundedOn: '({}, {})', SetLessThan: '(1, {}, {})',
    WFDefOn: '({}, {}, LAMBDA a, b : a)', OpDefinesFcn: '(1, {}, LAMBDA a, b : a)', WFInductiveDefines: '(1, {}, LAMBDA a, b : a)',
    WFInductiveUnique: '({}, LAMBDA a, b : a)', TransitiveClosureOn: '({}, {})', OpToRel: '(=, {})', PreImage: '(LAMBDA a : a, {}, {})',
    LexPairOrdering: '({}, {}, {}, {})', LexProductOrdering: '({}, {}, 1)', FiniteSubsetsOf: '({})', StrictSubsetOrdering: '({})',
    Cardinality: '({})', ExistsBijection: '({}, {})', Restrict: '(<<>>, {})', Range: '(<<>>)', Inverse: '(<<>>, {}, {})',
    Injection: '({}, {})', Surjection: '({}, {})', Bijection: '({}, {})', ExistsInjection: '({}, {})', IsInjective: '(<<>>)',
    Append: '(<<>>, 1)', SubSeq: '(<<>>, 1, 0)', StrictPrefixesDetermineDef: '({}, LAMBDA a, b : a)', StrictSuffixesDetermineDef: '({}, LAMBDA a, b : a)',
    TailInductiveDefHypothesis: '(1, {}, 1, LAMBDA a, b : a)', TailInductiveDefConclusion: '(1, {}, 1, LAMBDA a, b : a)',
    FrontInductiveDefHypothesis: '(1, {}, 1, LAMBDA a, b : a)', FrontInductiveDefConclusion: '(1, {}, 1, LAMBDA a, b : a)',
    Cons: '(1, <<>>)', Front: '(<<>>)', IsStrictPrefix: '(<<>>, <<>>)', CopiesIn: '(1, <<>>)', Scaling: '(1, <<>>)', SeqToBag: '(<<>>)',
    RTBound: '(TRUE, 1, 0, 1)', RTnow: '(1)', BagIn: '(1, <<>>)', FoldSet: '(+, 0, {})', SumSet: '({})', ProductSet: '({})', MapThenSumSet: '(LAMBDA a : a, {})',
    MapThenFoldSet: '(LAMBDA a, b : a, 0, LAMBDA a : a, LAMBDA T : CHOOSE t \\in T : TRUE, {})',
  };
  return n + (args[n] ?? '');
}

// fact[i] = i! on 0..4 satisfies the interval recursion f[0] = 1, f[i] = i * f[i-1]; with base 2
// it does not (fact[0] = 1 # 2). pow[i] = 2^i does not either: 1, 1*1 = 1 # pow[1] = 2; it
// satisfies f[i] = 2 * f[i-1] instead. On 2..4 with f[2] = 5, f[i] = f[i-1] + i: 5, 8, 12.
group('NaturalsInduction', 'NaturalsInduction', [
  ['i! satisfies the interval recursion', 'FiniteNatInductiveDefConclusion(fact, 1, LAMBDA v, i : i * v, 0, 4)', 'TRUE'],
  ['not with base 2', 'FiniteNatInductiveDefConclusion(fact, 2, LAMBDA v, i : i * v, 0, 4)', 'FALSE'],
  ['2^i does not', 'FiniteNatInductiveDefConclusion(pow, 1, LAMBDA v, i : i * v, 0, 4)', 'FALSE'],
  ['2^i satisfies f[i] = 2 * f[i-1]', 'FiniteNatInductiveDefConclusion(pow, 1, LAMBDA v, i : 2 * v, 0, 4)', 'TRUE'],
  ['an interval starting at m = 2: f[2] = 5, f[i] = f[i-1] + i', 'FiniteNatInductiveDefConclusion([i \\in 2..4 |-> CASE i = 2 -> 5 [] i = 3 -> 8 [] i = 4 -> 12], 5, LAMBDA v, i : v + i, 2, 4)', 'TRUE'],
], 'fact[i \\in 0..4] == IF i = 0 THEN 1 ELSE i * fact[i-1]\npow[i \\in 0..4] == IF i = 0 THEN 1 ELSE 2 * pow[i-1]');

// Lt == {<<1,2>>, <<1,3>>, <<2,3>>}: < on 1..3. Chain == {<<1,2>>, <<2,3>>} is not transitive;
// its closure on 1..3 adds <<1,3>>; on {1, 3} it is empty (no pair of Chain lies in {1,3} \X {1,3}).
// The 2-cycle on {1, 2} closes to all four pairs. x % 2 maps 2 to 0 and 1, 3 to 1: the pre-image
// of < on 0..1 holds the pairs whose first is even and second odd. The lexicographic order on
// {0,1} \X {0,1} (and on [1..2 -> {0,1}]) is the chain 00 < 01 < 10 < 11: 4 * 3 / 2 = 6 pairs.
group('WellFoundedInduction', 'WellFoundedInduction', [
  ['OpToRel(<, 1..3)', 'OpToRel(<, 1..3) = {<<1, 2>>, <<1, 3>>, <<2, 3>>}', 'TRUE'],
  ['OpToRel of a user infix operator', 'OpToRel(|, 1..4) = {<<1, 2>>, <<1, 3>>, <<1, 4>>, <<2, 4>>}', 'TRUE'],
  ['SetLessThan(3, <, 1..3)', 'SetLessThan(3, OpToRel(<, 1..3), 1..3)', '{1, 2}'],
  ['nothing below 1', 'SetLessThan(1, OpToRel(<, 1..3), 1..3)', '{}'],
  ['SetLessThan keeps only elements of S', 'SetLessThan(3, OpToRel(<, 1..3), {2, 3})', '{2}'],
  ['< is transitively closed', 'IsTransitivelyClosedOn(OpToRel(<, 1..3), 1..3)', 'TRUE'],
  ['a chain is not', 'IsTransitivelyClosedOn(Chain, 1..3)', 'FALSE'],
  ['... unless read on a set that misses its middle', 'IsTransitivelyClosedOn(Chain, {1, 3})', 'TRUE'],
  ['the closure of the chain', 'TransitiveClosureOn(Chain, 1..3) = {<<1, 2>>, <<1, 3>>, <<2, 3>>}', 'TRUE'],
  ['the closure is restricted to S', 'TransitiveClosureOn(Chain, {1, 3})', '{}'],
  ['a 2-cycle closes to every pair', 'TransitiveClosureOn({<<1, 2>>, <<2, 1>>}, {1, 2}) = {1, 2} \\X {1, 2}', 'TRUE'],
  ['PreImage by parity', 'PreImage(LAMBDA x : x % 2, 1..3, OpToRel(<, 0..1)) = {<<2, 1>>, <<2, 3>>}', 'TRUE'],
  ['LexPairOrdering on {0,1} \\X {0,1} has 6 pairs', 'Cardinality(LexPairOrdering(Lt01, Lt01, 0..1, 0..1))', '6'],
  ['01 before 10', '<<<<0, 1>>, <<1, 0>>>> \\in LexPairOrdering(Lt01, Lt01, 0..1, 0..1)', 'TRUE'],
  ['10 not before 01', '<<<<1, 0>>, <<0, 1>>>> \\in LexPairOrdering(Lt01, Lt01, 0..1, 0..1)', 'FALSE'],
  ['LexProductOrdering on 2-tuples of {0,1} has 6 pairs', 'Cardinality(LexProductOrdering(Lt01, 0..1, 2))', '6'],
  ['it orders tuples like words', '<<<<0, 1>>, <<1, 0>>>> \\in LexProductOrdering(Lt01, 0..1, 2)', 'TRUE'],
  ['the empty product has no pair', 'LexProductOrdering(Lt01, 0..1, 0)', '{}'],
  ['WFInductiveDefines on a finite S', 'WFInductiveDefines(fact, 0..4, LAMBDA g, x : IF x = 0 THEN 1 ELSE x * g[x-1])', 'TRUE'],
], 'Chain == {<<1, 2>>, <<2, 3>>}\nLt01 == OpToRel(<, 0..1)\na | b == b % a = 0 /\\ a # b\nfact[i \\in 0..4] == IF i = 0 THEN 1 ELSE i * fact[i-1]\nLOCAL INSTANCE FiniteSets');

// SUBSET {1,2} has 4 members, all finite. Strict inclusion among them: {} below the 3 others,
// {1} and {2} below {1,2}: 5 pairs. Over {1,2,3}: for each pair A ⊊ B, each element is in
// neither, only B, or both (3 ways), minus the 2^3 = 8 pairs with A = B: 27 - 8 = 19.
group('FiniteSetTheorems', 'FiniteSetTheorems', [
  ['FiniteSubsetsOf a finite set is its powerset', 'FiniteSubsetsOf({1, 2}) = SUBSET {1, 2}', 'TRUE'],
  ['StrictSubsetOrdering({1, 2}) has 5 pairs', 'Cardinality(StrictSubsetOrdering({1, 2}))', '5'],
  ['{} is below {1}', '<<{}, {1}>> \\in StrictSubsetOrdering({1, 2})', 'TRUE'],
  ['{1} is not below itself', '<<{1}, {1}>> \\in StrictSubsetOrdering({1, 2})', 'FALSE'],
  ['StrictSubsetOrdering({1, 2, 3}) has 19 pairs', 'Cardinality(StrictSubsetOrdering({1, 2, 3}))', '19'],
  ['ExistsBijection(1..2, {"a", "b"}) (FS_NatBijection)', 'ExistsBijection(1..2, {"a", "b"})', 'TRUE'],
  ['no bijection from 1..2 onto one element', 'ExistsBijection(1..2, {"a"})', 'FALSE'],
]);

// B: a twice, b once. SetToBag({a}) (+) SetToBag({a, b}) also holds a twice and b once.
group('BagsTheorems', 'BagsTheorems', [
  ['CopiesIn of a member', 'CopiesIn("a", B)', '2'],
  ['CopiesIn of a non-member is 0', 'CopiesIn("c", B)', '0'],
  ['CopiesIn of anything in the empty bag (also <<>>) is 0', '<<CopiesIn("a", EmptyBag), CopiesIn(1, EmptyBag)>>', '<<0, 0>>'],
  ['CopiesIn after a bag union', 'CopiesIn("a", SetToBag({"a"}) (+) SetToBag({"a", "b"}))', '2'],
  ['Scaling by 3', 'Scaling(3, B) = ("a" :> 6 @@ "b" :> 3)', 'TRUE'],
  ['Scaling by 0 or less empties', '<<Scaling(0, B) = EmptyBag, Scaling(-1, B) = EmptyBag>>', '<<TRUE, TRUE>>'],
  ['Scaling by 1 is the identity', 'Scaling(1, B) = B', 'TRUE'],
  ['SeqToBag counts occurrences', 'SeqToBag(<<"a", "b", "a">>) = B', 'TRUE'],
  ['SeqToBag of <<>> is the empty bag', 'SeqToBag(<<>>) = EmptyBag', 'TRUE'],
  ['the elements of a sequence as a set', 'BagToSet(SeqToBag(<<3, 1, 3>>))', '{1, 3}'],
  ['a SeqToBag is a bag', 'IsABag(SeqToBag(<<3, 1, 3>>))', 'TRUE'],
], 'B == ("a" :> 2 @@ "b" :> 1)');

// FoldSet(+, 0, {1, 2, 3}) = 6 (FoldSetAC); SumSet = 6, ProductSet({2, 3}) = 6; MapThenSumSet of
// x * x over {1, 2} = 1 + 4 = 5 (the theorems' operators, from the bundled FiniteSetsExt).
group('FiniteSetsExtTheorems', 'FiniteSetsExtTheorems', [
  ['FoldSet', 'FoldSet(+, 0, {1, 2, 3})', '6'],
  ['SumSet and ProductSet of {}', '<<SumSet({}), ProductSet({})>>', '<<0, 1>>'],
  ['ProductSet', 'ProductSet({2, 3})', '6'],
  ['MapThenSumSet', 'MapThenSumSet(LAMBDA x : x * x, {1, 2})', '5'],
]);

// TLC's Bags.BagIn and CopiesIn scan the bag's domain: the empty bag (the tuple <<>>) holds
// nothing, of any type, rather than failing on a non-number index.
describe('Bags (engine)', () => {
  it('BagIn("a", EmptyBag) is FALSE and CopiesIn("a", EmptyBag) is 0, as in TLC', async () => {
    const got = await evalAll('Bags', [
      ['in', 'BagIn("a", EmptyBag)'],
      ['copies', 'CopiesIn("a", EmptyBag)'],
      ['one', 'CopiesIn("a", SetToBag({"a"}))'],
    ]);
    expect(got.get('in')).toBe('FALSE');
    expect(got.get('copies')).toBe('0');
    expect(got.get('one')).toBe('1');
  });
});

describe('Toolbox', () => {
  it('_TETrace is a CHOOSE over [Nat \\ {0} -> STRING], which cannot be enumerated', async () => {
    const got = await evalAll('Toolbox', [['trace', '_TETrace']]);
    expect(got.get('trace')).toMatch(/^error: /);
  });
});
