// Relation, Graphs, UndirectedGraphs, Bitwise, Combinatorics, BagsExt, DyadicRationals and
// IOUtils' IOEnv. Expected values by hand from the definitions (or from the TLC override where
// the comment says so).
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalAll, group } from './helpers.js';


// R: x -> x + 1 on 1..3, a chain 1 -> 2 -> 3
group('Relation', 'Relation', [
  ['a chain is not transitive', 'IsTransitive(R, 1..3)', 'FALSE'],
  ['its closure reaches 3 from 1', 'TransitiveClosure(R, 1..3)[1, 3]', 'TRUE'],
  ['but not 1 from 3', 'TransitiveClosure(R, 1..3)[3, 1]', 'FALSE'],
  ['the closure is transitive', 'IsTransitive(TransitiveClosure(R, 1..3), 1..3)', 'TRUE'],
  ['reflexive closure has 2 -> 2', 'ReflexiveTransitiveClosure(R, 1..3)[2, 2]', 'TRUE'],
  ['properties of the chain', '<<IsReflexive(R, 1..3), IsIrreflexive(R, 1..3), IsSymmetric(R, 1..3), IsAsymmetric(R, 1..3)>>', '<<FALSE, TRUE, FALSE, TRUE>>'],
  ['< on 0..3 is a strict total order, not a weak one', '<<IsStrictlyTotallyOrderedUnder(<, 0..3), IsTotallyOrderedUnder(<, 0..3)>>', '<<TRUE, FALSE>>'],
  ['<= on 0..3 is a total order', '<<IsTotallyOrderedUnder(<=, 0..3), IsPartiallyOrderedUnder(<=, 0..3), IsAntiSymmetricUnder(<=, 0..3)>>', '<<TRUE, TRUE, TRUE>>'],
  ['= is reflexive and symmetric, not asymmetric', '<<IsReflexiveUnder(=, 0..3), IsSymmetricUnder(=, 0..3), IsAsymmetricUnder(=, 0..3)>>', '<<TRUE, TRUE, FALSE>>'],
  // the chain 1 -> 2 -> 3 relates neither 1, 3 nor is it transitive
  ['the chain is no order, its closure a strict total one', '<<IsStrictlyPartiallyOrdered(R, 1..3), IsStrictlyTotallyOrdered(TransitiveClosure(R, 1..3), 1..3)>>', '<<FALSE, TRUE>>'],
  ['subset inclusion on SUBSET {1, 2} is a partial order, not a total one', '<<IsPartiallyOrderedUnder(\\subseteq, SUBSET {1, 2}), IsTotallyOrderedUnder(\\subseteq, SUBSET {1, 2})>>', '<<TRUE, FALSE>>'],
], 'R == [x, y \\in 1..3 |-> y = x + 1]');

// G: 1 -> 2 -> 3
group('Graphs', 'Graphs', [
  ['IsDirectedGraph', 'IsDirectedGraph(G)', 'TRUE'],
  ['Transpose', 'Transpose(G).edge', '{<<2, 1>>, <<3, 2>>}'],
  ['SimplePath: 3 single nodes, 2 edges, 1 path of two edges', 'SimplePath(G)', '{<<1>>, <<2>>, <<3>>, <<1, 2>>, <<2, 3>>, <<1, 2, 3>>}'],
  ['AreConnectedIn forward', 'AreConnectedIn(1, 3, G)', 'TRUE'],
  ['AreConnectedIn backward', 'AreConnectedIn(3, 1, G)', 'FALSE'],
  ['a chain is not strongly connected', 'IsStronglyConnected(G)', 'FALSE'],
  ['a cycle is', 'IsStronglyConnected([node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}])', 'TRUE'],
  ['ConnectionsIn (Warshall)', '<<ConnectionsIn(G)[1, 3], ConnectionsIn(G)[3, 1], ConnectionsIn(G)[2, 2]>>', '<<TRUE, FALSE, TRUE>>'],
  // the current definition: no edge into r, none entered twice, a path from every node to r
  ['IsTreeWithRoot: edges into the root are excluded', 'IsTreeWithRoot([node |-> {1, 2, 3}, edge |-> {<<1, 3>>, <<2, 3>>}], 3)', 'FALSE'],
  ['IsTreeWithRoot: a lone root', 'IsTreeWithRoot([node |-> {1}, edge |-> {}], 1)', 'TRUE'],
  ['IsTreeWithRoot: 1 -> 2 has no path from 2 to 1', 'IsTreeWithRoot([node |-> {1, 2}, edge |-> {<<1, 2>>}], 1)', 'FALSE'],
  ['Path membership (Seq is only tested, not enumerated)', '<<<<1, 2, 3>> \\in Path(G), <<3, 2>> \\in Path(G)>>', '<<TRUE, FALSE>>'],
], 'G == [node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>}]');

// U: 1 - 2, 3 alone. TLC evaluates SimplePath, AreConnectedIn and ConnectedComponents with
// UndirectedGraphs.java: their definitions range over Seq(G.node), which TLC cannot enumerate.
group('UndirectedGraphs', 'UndirectedGraphs', [
  ['IsUndirectedGraph', 'IsUndirectedGraph(U)', 'TRUE'],
  ['IsLoopFreeUndirectedGraph with a loop', 'IsLoopFreeUndirectedGraph([node |-> {1}, edge |-> {{1}}])', 'FALSE'],
  ['ConnectedComponents', 'ConnectedComponents(U)', '{{3}, {1, 2}}'],
  ['not connected', 'IsStronglyConnected(U)', 'FALSE'],
  ['connected once 2 - 3 is added', 'IsStronglyConnected([U EXCEPT !.edge = @ \\cup {{2, 3}}])', 'TRUE'],
  ['AreConnectedIn', '<<AreConnectedIn(2, 1, U), AreConnectedIn(1, 3, U)>>', '<<TRUE, FALSE>>'],
  ['SimplePath', 'SimplePath(U)', '{<<1>>, <<2>>, <<3>>, <<1, 2>>, <<2, 1>>}'],
  // 3 possible edges on {1, 2}: {1}, {2}, {1, 2}; 2^3 edge sets
  ['UndirectedGraphs({1, 2}) has 8 graphs', 'Cardinality(UndirectedGraphs({1, 2}))', '8'],
], 'U == [node |-> {1, 2, 3}, edge |-> {{1, 2}}]\nLOCAL INSTANCE FiniteSets');

group('Bitwise', 'Bitwise', [
  // 12 = 1100, 10 = 1010
  ['12 & 10 = 1000', '12 & 10', '8'],
  ['12 | 10 = 1110', '12 | 10', '14'],
  ['12 ^^ 10 = 0110', '12 ^^ 10', '6'],
  ['0 & 5', '0 & 5', '0'],
  ['shiftR(12, 2)', 'shiftR(12, 2)', '3'],
  ['shiftR(1, 1)', 'shiftR(1, 1)', '0'],
]);

group('Combinatorics', 'Combinatorics, TLCExt', [
  ['5! = 120', 'factorial[5]', '120'],
  ['0! = 1', 'factorial[0]', '1'],
  ['5 choose 2 = 10', 'choose(5, 2)', '10'],
  // beyond 12!, which overflows: choose is computed exactly (Combinatorics.java)
  ['20 choose 10 = 184756', 'choose(20, 10)', '184756'],
  ['63 choose 63 = 1', 'choose(63, 63)', '1'],
  ['34 choose 17 = 2333606220 overflows', 'AssertError("Overflow when computing 34 choose 17", choose(34, 17))', 'TRUE'],
]);

// bags as functions: B is {| 1, 1, 2 |}
group('BagsExt', 'BagsExt, Bags, TLC, Integers, Sequences', [
  ['BagAdd a new element', 'BagAdd(B, 3) = (1 :> 2 @@ 2 :> 1 @@ 3 :> 1)', 'TRUE'],
  ['BagAdd a present element', 'BagAdd(B, 2) = (1 :> 2 @@ 2 :> 2)', 'TRUE'],
  ['BagRemove the last copy', 'BagRemove(B, 2) = (1 :> 2)', 'TRUE'],
  ['BagRemove one copy', 'BagRemove(B, 1) = (1 :> 1 @@ 2 :> 1)', 'TRUE'],
  ['BagRemoveAll', 'BagRemoveAll(B, 1) = (2 :> 1)', 'TRUE'],
  ['SumBag: 1 + 1 + 2', 'SumBag(B)', '4'],
  ['ProductBag: 1 * 1 * 2', 'ProductBag(B)', '2'],
  ['FoldBag {| 1, 1, 2, 3, 3, 3 |}: 2 + 2 + 9', 'FoldBag(LAMBDA x, y : x + y, 0, (1 :> 2 @@ 2 :> 1 @@ 3 :> 3))', '13'],
  // BagsExt.java's FoldBag: the copies one by one, the accumulator first, smallest element first
  ['FoldBag with the accumulator first', 'FoldBag(LAMBDA acc, x : Append(acc, x), <<>>, (2 :> 1 @@ 1 :> 2))', '<<1, 1, 2>>'],
  ['FoldBag over 1500 copies', 'FoldBag(LAMBDA x, y : x + y, 0, (1 :> 1000 @@ -2 :> 500))', '0'],
  ['ProductBag meets 0 before 10000^1000', 'ProductBag((0 :> 1) @@ (10000 :> 1000))', '0'],
  // handle(1) = <<1, 1>>, handle(2) = <<2>>; op(handle(1), op(handle(2), base))
  ['MapThenFoldBag keeps the copies together', 'MapThenFoldBag(LAMBDA x, y : x \\o y, <<>>, LAMBDA x : <<x>>, LAMBDA S : CHOOSE x \\in S : TRUE, B)', '<<1, 1, 2>>'],
], 'B == (1 :> 2 @@ 2 :> 1)');

group('DyadicRationals', 'DyadicRationals', [
  ['Half(One) = 1/2', 'Half(One) = [num |-> 1, den |-> 2]', 'TRUE'],
  ['1/2 + 1/4 = 3/4', 'Add(Half(One), Half(Half(One))) = [num |-> 3, den |-> 4]', 'TRUE'],
  ['1/2 + 1/2 = 1', 'Add(Half(One), Half(One)) = One', 'TRUE'],
  ['Add to Zero', 'Add(Zero, One) = One', 'TRUE'],
  ['IsDyadicRational', '<<IsDyadicRational(Half(One)), IsDyadicRational([num |-> 1, den |-> 3])>>', '<<TRUE, FALSE>>'],
  ['PrettyPrint', 'PrettyPrint(Half(One))', '"1/2"'],
]);

describe('IOUtils', () => {
  it('IOEnv is the process environment as a record', async () => {
    process.env.RDSIB_LIBRARY_TEST = '42';
    const got = await evalAll('IOUtils', [['n', 'IOEnv.RDSIB_LIBRARY_TEST']]);
    expect(got.get('n')).toBe('"42"');
  });
});

const ser = join(mkdtempSync(join(tmpdir(), 'rdsib-io-')), 'v.json');
group('IOUtils', 'IOUtils, Integers, TLC, TLCExt', [
  ['IOExec: exit value and output', 'IOExec(<<"echo", "hi">>) = [exitValue |-> 0, stdout |-> "hi\\n", stderr |-> ""]', 'TRUE'],
  ['IOExec: a failing command', 'IOExec(<<"sh", "-c", "exit 3">>).exitValue', '3'],
  ['IOEnvExec adds variables', 'IOEnvExec({<<"RDSIB_X", "7">>}, <<"sh", "-c", "echo $RDSIB_X">>).stdout', '"7\\n"'],
  ['IOExecTemplate fills %s in order', 'IOExecTemplate(<<"echo", "%s-%s">>, <<"a", 1>>).stdout', '"a-1\\n"'],
  ['atoi', '<<atoi("42"), atoi("-17"), atoi("-0")>>', '<<42, -17, 0>>'],
  ['atoi of no number (the module\'s own test message)', 'AssertError("The argument of atoi should be a string, but instead it is:\\n\\"foo\\"", atoi("foo"))', 'TRUE'],
  ['zeroPadN', '<<zeroPadN(42, 5), zeroPadN(123, 3), zeroPadN(0, 4)>>', '<<"00042", "123", "0000">>'],
  ['IOSerialize then IODeserialize gives the value back', `IOSerialize(<<"foo", {"bar"}, 42, 1..3, [x |-> 1, y |-> 2]>>, "${ser}", FALSE) /\\ IODeserialize("${ser}", FALSE) = <<"foo", {"bar"}, 42, 1..3, [x |-> 1, y |-> 2]>>`, 'TRUE'],
]);

// Node 1 logs e1 (clock 1:1) and e3 (1:2); node 2 logs e2 after hearing of e1 (1:1, 2:1). The
// log comes as <<e2, e3, e1>>. Sorting each node's entries by its own time gives 1: e1, e3 and
// 2: e2; e2's clock reveals node 1's time 1, so e1 is e2's parent. Popping roots node by node:
// e1 (node 1), then e2 (node 2, now a root), then e3.
group('VectorClocks', 'VectorClocks, TLC', [
  ['CausalOrder', 'CausalOrder(<<e2, e3, e1>>, LAMBDA l : l.vc, LAMBDA l : l.node, LAMBDA c : DOMAIN c) = <<e1, e2, e3>>', 'TRUE'],
  ['the result is a causal order', 'IsCausalOrder(<<e1, e2, e3>>, LAMBDA l : l.vc)', 'TRUE'],
  ['e2 before e1 is not', 'IsCausalOrder(<<e2, e1, e3>>, LAMBDA l : l.vc)', 'FALSE'],
  ['concurrent entries in either order', 'IsCausalOrder(<<e1, e3, e2>>, LAMBDA l : l.vc)', 'TRUE'],
], 'e1 == [node |-> 1, vc |-> (1 :> 1)]\ne2 == [node |-> 2, vc |-> (1 :> 1 @@ 2 :> 1)]\ne3 == [node |-> 1, vc |-> (1 :> 2)]');

// CSVWrite appends one line per call, the values written as TLC prints them; CSVRead splits the
// lines at the delimiter into records of strings; CSVRecords counts lines (0 without a file).
const csv = join(mkdtempSync(join(tmpdir(), 'rdsib-csv-')), 'out.csv');
group('CSV', 'CSV, TLC, Sequences', [
  ['no file, no records', `<<CSVRecords("${csv}.none"), CSVRead(<<"a">>, ",", "${csv}.none")>>`, '<<0, <<>>>>'],
  ['two writes, two lines read back', `CSVWrite("%1$s#%2$s", <<1, {2}>>, "${csv}") /\\ CSVWrite("%1$s#%2$s", <<3, 4>>, "${csv}") /\\ CSVRecords("${csv}") = 2 /\\ CSVRead(<<"x", "y">>, "#", "${csv}") = <<[x |-> "1", y |-> "{2}"], [x |-> "3", y |-> "4"]>>`, 'TRUE'],
]);

// SVG.java's string form: <name k='v' ...>text children</name>. The attribute order is the
// record's, i.e. TLC's string order: "fill" is an identifier of the spec (interned before those
// of SVG.tla), then cx, cy, r as SVG.tla first names them; Rect's x, y, width, height likewise.
group('SVG', 'SVG, Integers', [
  ['a circle with an attribute', 'SVGElemToString(Circle(10, 20, 5, [fill |-> "red"]))', `"<circle fill='red' cx='10' cy='20' r='5'></circle>"`],
  ['text escapes << and >>', 'SVGElemToString(Text(1, 2, "<<1>>", <<>>))', `"<text x='1' y='2'>&lt;&lt;1&gt;&gt;</text>"`],
  ['a group of a rect', 'SVGElemToString(Group(<<Rect(0, 0, 1, 1, <<>>)>>, <<>>))', `"<g><rect x='0' y='0' width='1' height='1'></rect></g>"`],
  // angle 0: (cx + r, cy); angle pi: cos = -1, sin(pi) ~ 1e-16 truncates away
  ['NodeOfRingNetwork at angles 0 and pi', '<<NodeOfRingNetwork(10, 10, 5, 0, 4), NodeOfRingNetwork(10, 10, 5, 2, 4)>>', '<<[x |-> 15, y |-> 10], [x |-> 5, y |-> 10]>>'],
  // Java: (int) (0 + -5 / 2.0) = (int) -2.5 = -2, where the definition's \div gives -3
  ['PointOnLine truncates towards zero (override)', 'PointOnLine([x |-> 0, y |-> 0], [x |-> -5, y |-> 7], 2)', '[x |-> -2, y |-> 3]'],
]);

// Chi-square with one degree of freedom: the 5% critical value is 3.841 (tables). Expected 50/50:
// observed 60/40 gives (10^2 + 10^2) / 50 = 4 > 3.841 (rejected: FALSE), 59/41 gives 3.24 (kept:
// TRUE); expected counts are rescaled to the observed total, so 1/1 is 50/50 for 100 draws.
group('Statistics', 'Statistics', [
  ['equal counts are kept', 'ChiSquare(<<10, 10>>, <<10, 10>>, "0.05")', 'TRUE'],
  ['60/40 against 50/50 is rejected at 5%', 'ChiSquare(<<50, 50>>, <<60, 40>>, "0.05")', 'FALSE'],
  ['59/41 against 50/50 is kept at 5%', 'ChiSquare(<<50, 50>>, <<59, 41>>, "0.05")', 'TRUE'],
  ['expected counts are rescaled', 'ChiSquare(<<1, 1>>, <<59, 41>>, "0.05")', 'TRUE'],
  ['100/0 is rejected', 'ChiSquare(<<50, 50>>, <<100, 0>>, "0.05")', 'FALSE'],
]);
