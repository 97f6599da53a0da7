// FiniteSetsExt, Functions and Folds as TLC evaluates them with the CommunityModules jar.
// Expected values are worked out by hand from each definition; where TLC runs a Java override
// whose result differs from the TLA+ text, the override's (FiniteSetsExt.java, Functions.java)
// is expected and the comment says so.
import { evalAll, group } from './helpers.js';


group('Folds', 'Folds, Sequences, FiniteSets, Integers, TLCExt', [
  // the definition: op(f(x1), op(f(x2), op(f(x3), base))) with x1 = choose(S), x2 = choose(S \ {x1}) ...
  // choosing the least first, 3 is appended first
  ['MapThenFoldSet choosing the least element first', 'MapThenFoldSet(LAMBDA x, acc : Append(acc, x), <<>>, LAMBDA x : x, LAMBDA S : CHOOSE x \\in S : TRUE, {1, 2, 3})', '<<3, 2, 1>>'],
  ['MapThenFoldSet choosing the greatest first', 'MapThenFoldSet(LAMBDA x, acc : Append(acc, x), <<>>, LAMBDA x : x, LAMBDA S : CHOOSE x \\in S : \\A y \\in S : x >= y, {1, 2, 3})', '<<1, 2, 3>>'],
  ['MapThenFoldSet maps before folding', 'MapThenFoldSet(LAMBDA x, y : x + y, 0, LAMBDA x : x * x, LAMBDA S : CHOOSE x \\in S : TRUE, 1..3)', '14'],
  // the definition's fold[T \in SUBSET S] is where TLC meets a non-set first
  ['MapThenFoldSet of a non-set', 'AssertError("Attempted to check if the non-enumerable value\\n42\\nis element of\\nSUBSET 42", MapThenFoldSet(LAMBDA x, y : x - y, 0, LAMBDA i : i, LAMBDA S : CHOOSE x \\in S : TRUE, 42))', 'TRUE'],
  // choosing the greatest first: 4 - (3 - (2 - (1 - 0))) = 2; the least first: 1 - (2 - (3 - (4 - 0))) = -2
  ['MapThenFoldSet with - from the greatest', 'MapThenFoldSet(LAMBDA x, y : x - y, 0, LAMBDA i : i, LAMBDA S : CHOOSE x \\in S : \\A y \\in S : x >= y, 1..4)', '2'],
  ['MapThenFoldSet with - from the least', 'MapThenFoldSet(LAMBDA x, y : x - y, 0, LAMBDA i : i, LAMBDA S : CHOOSE x \\in S : TRUE, 1..4)', '-2'],
  ['MapThenFoldSet of {} is base', 'MapThenFoldSet(LAMBDA x, y : x + y, 7, LAMBDA x : x, LAMBDA S : CHOOSE x \\in S : TRUE, {})', '7'],
]);

group('FiniteSetsExt', 'FiniteSetsExt, Sequences, Integers', [
  // FiniteSetsExt.foldSet: the accumulator starts at base and takes 1, 2, 3 in TLC's order,
  // where the TLA+ definition (MapThenFoldSet) would give <<3, 2, 1>>
  ['FoldSet combines in enumeration order from base (override)', 'FoldSet(LAMBDA x, acc : Append(acc, x), <<>>, {3, 1, 2})', '<<1, 2, 3>>'],
  ['SumSet 1..10', 'SumSet(1..10)', '55'],
  ['SumSet {}', 'SumSet({})', '0'],
  ['ProductSet 1..4', 'ProductSet(1..4)', '24'],
  ['ReduceSet: FoldSet with the set before the base', 'ReduceSet(LAMBDA x, y : x + y, {1, 2}, 10)', '13'],
  ['MapThenSumSet of a field', 'MapThenSumSet(LAMBDA e : e.n, {[n |-> 0], [n |-> 1], [n |-> 2]})', '3'],
  ['MapThenSumSet of {}', 'MapThenSumSet(LAMBDA e : e * 2, {})', '0'],
  // FiniteSetsExt EXTENDS Functions and Folds (as the current module does)
  ['Range through FiniteSetsExt', 'Range(<<2, 2>>)', '{2}'],
  ['FlattenSet', 'FlattenSet({{1}, {2, 3}})', '{1, 2, 3}'],
  ['SymDiff', 'SymDiff({1, 2}, {2, 3})', '{1, 3}'],
  ['Quantify the even numbers of 1..9', 'Quantify(1..9, LAMBDA n : n % 2 = 0)', '4'],
  // counted one element at a time: 1..2000000 is beyond what TLC would enumerate as a set
  ['Quantify over 1..2000000', 'Quantify(1..2000000, LAMBDA n : n % 1000 = 0)', '2000'],
  ['kSubset(2, 1..3)', 'kSubset(2, 1..3)', '{{1, 2}, {1, 3}, {2, 3}}'],
  ['kSubset(0, S) = {{}}', 'kSubset(0, {1})', '{{}}'],
  ['kSubset beyond the size is {}', 'kSubset(3, {1})', '{}'],
  // C(60, 30) ~ 1.2e17 subsets: membership is answered without listing them
  ['kSubset membership without enumeration', '<<(1..30) \\in kSubset(30, 1..60), (1..29) \\in kSubset(30, 1..60)>>', '<<TRUE, FALSE>>'],
  ['Max', 'Max({4, 9, 2})', '9'],
  ['Min', 'Min({4, -9, 2})', '-9'],
  ['Choices: one element from each set', 'Choices({{1, 2}, {3}})', '{{1, 3}, {2, 3}}'],
  ['ChooseUnique', 'ChooseUnique({2, 3, 4, 5}, LAMBDA x : x % 3 = 1)', '4'],
]);

group('Functions', 'Functions, Sequences, FiniteSets, TLC', [
  ['Restrict', 'Restrict(<<5, 6, 7>>, {1, 3}) = (1 :> 5 @@ 3 :> 7)', 'TRUE'],
  ['RestrictDomain', 'RestrictDomain(<<5, 6, 7>>, LAMBDA i : i > 1) = (2 :> 6 @@ 3 :> 7)', 'TRUE'],
  ['RestrictValues', 'RestrictValues(<<5, 6, 7>>, LAMBDA v : v # 6) = (1 :> 5 @@ 3 :> 7)', 'TRUE'],
  ['IsRestriction', '<<IsRestriction(<<1>>, <<1, 2>>), IsRestriction(<<1, 3>>, <<1, 2>>)>>', '<<TRUE, FALSE>>'],
  ['Range', 'Range(<<1, 1, 2>>)', '{1, 2}'],
  ['Pointwise', 'Pointwise(<<1, 2>>, <<10, 20>>, +)', '<<11, 22>>'],
  // the first index (TLC order of 1..3) with each value: 1 -> 1 (not 3), 0 -> 2
  ['AntiFunction picks the first preimage', 'AntiFunction(<<1, 0, 1>>) = (0 :> 2 @@ 1 :> 1)', 'TRUE'],
  ['Inverse', 'Inverse(<<2, 3>>, {1, 2}, {2, 3}) = (2 :> 1 @@ 3 :> 2)', 'TRUE'],
  ['IsInjective', '<<IsInjective(<<1, 2>>), IsInjective(<<1, 1>>), IsInjective(<<>>)>>', '<<TRUE, FALSE, TRUE>>'],
  // [S -> T] has |T|^|S| functions: 2 injective of 4, 6 surjective of 8, 2 bijections of 4
  ['Injection({1, 2}, {1, 2})', 'Cardinality(Injection({1, 2}, {1, 2}))', '2'],
  ['Surjection({1, 2, 3}, {1, 2})', 'Cardinality(Surjection({1, 2, 3}, {1, 2}))', '6'],
  ['Bijection({1, 2}, {3, 4})', 'Cardinality(Bijection({1, 2}, {3, 4}))', '2'],
  ['Exists...', '<<ExistsInjection({1, 2}, {1}), ExistsSurjection({1, 2}, {1}), ExistsBijection({1}, {2})>>', '<<FALSE, TRUE, TRUE>>'],
  // Functions.foldFunction: op(f[i], acc) over the domain in TLC's order, starting from base
  ['FoldFunction from base in domain order (override)', 'FoldFunction(LAMBDA v, acc : Append(acc, v), <<>>, <<"p", "q", "r">>)', '<<"p", "q", "r">>'],
  ['FoldFunctionOnSet on some indices', 'FoldFunctionOnSet(LAMBDA v, acc : Append(acc, v), <<>>, <<"p", "q", "r">>, {3, 1})', '<<"p", "r">>'],
  ['SumFunction', 'SumFunction(<<1, 2, 3>>)', '6'],
  ['SumFunctionOnSet', 'SumFunctionOnSet(<<1, 2, 3>>, {1, 3})', '4'],
]);
