// The natives that claim "same value as the definition" (engine/library/README.md) against the
// TLA+ definitions themselves, restated here under other names, over every small input: all
// subsets of a small set, all sequences up to a small length. Each case is one TLA+ formula
// that must be TRUE.
import { describe, expect, it } from 'vitest';
import { evalAll } from './helpers.js';

const defs = String.raw`
MaxDef(S) == CHOOSE x \in S : \A y \in S : x >= y
MinDef(S) == CHOOSE x \in S : \A y \in S : x =< y
QuantifyDef(S, P(_)) == Cardinality({s \in S : P(s)})
kSubsetDef(k, S) == {s \in SUBSET S : Cardinality(s) = k}
IsInjectiveDef(f) == \A a, b \in DOMAIN f : f[a] = f[b] => a = b
RangeDef(f) == {f[x] : x \in DOMAIN f}
SetToSeqsDef(S) == LET D == 1..Cardinality(S) IN {f \in [D -> S] : \A i, j \in D : i # j => f[i] # f[j]}
ContainsDef(s, e) == \E i \in 1..Len(s) : s[i] = e
SelectInSeqDef(s, T(_)) == LET I == {i \in 1..Len(s) : T(s[i])} IN IF I # {} THEN MinDef(I) ELSE 0
SelectLastInSeqDef(s, T(_)) == LET I == {i \in 1..Len(s) : T(s[i])} IN IF I # {} THEN MaxDef(I) ELSE 0
RemoveAtDef(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))
RemoveFirstDef(s, e) == IF \E i \in 1..Len(s) : s[i] = e THEN RemoveAtDef(s, SelectInSeqDef(s, LAMBDA v : v = e)) ELSE s
SuffixesDef(s) == {SubSeq(s, l, Len(s)) : l \in 1..Len(s)} \cup {<<>>}
FoldLeftDef(op(_, _), base, s) == LET f[i \in 0..Len(s)] == IF i = 0 THEN base ELSE op(f[i - 1], s[i]) IN f[Len(s)]
FoldRightDef(op(_, _), s, base) == LET f[i \in 1..Len(s) + 1] == IF i = Len(s) + 1 THEN base ELSE op(s[i], f[i + 1]) IN f[1]
MTFDef(op(_,_), base, f(_), choose(_), S) ==
  LET iter[T \in SUBSET S] == IF T = {} THEN base ELSE LET x == choose(T) IN op(f(x), iter[T \ {x}])
  IN iter[S]
SimplePathDef(G) == {p \in SeqOf(G.node, Cardinality(G.node)) : p # <<>> /\ Cardinality({p[i] : i \in DOMAIN p}) = Len(p) /\ \A i \in 1..(Len(p) - 1) : <<p[i], p[i + 1]>> \in G.edge}
Graphs3 == [node : {1..3}, edge : SUBSET ({1, 2} \X {2, 3})]
Seqs3 == SeqOf(1..3, 3)
`;

const cases: [string, string][] = [
  ['Max and Min', String.raw`\A S \in SUBSET (-2..2) : S # {} => Max(S) = MaxDef(S) /\ Min(S) = MinDef(S)`],
  ['Quantify', String.raw`\A S \in SUBSET (1..5) : Quantify(S, LAMBDA x : x % 2 = 0) = QuantifyDef(S, LAMBDA x : x % 2 = 0)`],
  ['kSubset', String.raw`\A k \in -1..5 : \A S \in SUBSET (1..4) : kSubset(k, S) = kSubsetDef(k, S)`],
  ['IsInjective and Range', String.raw`\A s \in Seqs3 : IsInjective(s) = IsInjectiveDef(s) /\ Range(s) = RangeDef(s)`],
  ['SetToSeqs', String.raw`\A S \in SUBSET (1..4) : SetToSeqs(S) = SetToSeqsDef(S)`],
  ['SetToSeq lists the set in order', String.raw`\A S \in SUBSET (1..4) : LET s == SetToSeq(S) IN Len(s) = Cardinality(S) /\ RangeDef(s) = S /\ \A i \in 1..Len(s) - 1 : s[i] < s[i + 1]`],
  ['Contains', String.raw`\A s \in Seqs3 : \A e \in 0..3 : Contains(s, e) = ContainsDef(s, e)`],
  ['SelectInSeq and SelectLastInSeq', String.raw`\A s \in Seqs3 : SelectInSeq(s, LAMBDA x : x > 1) = SelectInSeqDef(s, LAMBDA x : x > 1) /\ SelectLastInSeq(s, LAMBDA x : x > 1) = SelectLastInSeqDef(s, LAMBDA x : x > 1)`],
  ['RemoveFirst', String.raw`\A s \in Seqs3 : \A e \in 1..3 : RemoveFirst(s, e) = RemoveFirstDef(s, e)`],
  ['Suffixes', String.raw`\A s \in Seqs3 : Suffixes(s) = SuffixesDef(s)`],
  ['FoldLeft and FoldRight', String.raw`\A s \in Seqs3 : FoldLeft(LAMBDA a, b : <<a, b>>, 0, s) = FoldLeftDef(LAMBDA a, b : <<a, b>>, 0, s) /\ FoldRight(LAMBDA a, b : <<a, b>>, s, 0) = FoldRightDef(LAMBDA a, b : <<a, b>>, s, 0)`],
  ['MapThenFoldSet (no override: the native computes the recursion)', String.raw`\A S \in SUBSET (1..4) : MapThenFoldSet(LAMBDA a, b : <<a, b>>, 0, LAMBDA x : 2 * x, LAMBDA T : CHOOSE x \in T : TRUE, S) = MTFDef(LAMBDA a, b : <<a, b>>, 0, LAMBDA x : 2 * x, LAMBDA T : CHOOSE x \in T : TRUE, S)`],
  ['MapThenSumSet', String.raw`\A S \in SUBSET (1..4) : MapThenSumSet(LAMBDA x : x * x, S) = MTFDef(+, 0, LAMBDA x : x * x, LAMBDA T : CHOOSE x \in T : TRUE, S)`],
  ['Graphs!SimplePath and AreConnectedIn', String.raw`\A G \in Graphs3 : SimplePath(G) = SimplePathDef(G) /\ \A m, n \in G.node : AreConnectedIn(m, n, G) = \E p \in SimplePathDef(G) : p[1] = m /\ p[Len(p)] = n`],
];

describe('natives agree with the definitions they replace (all small inputs)', () => {
  it.each(cases)('%s', async (name, formula) => {
    const got = await evalAll('SequencesExt, FiniteSetsExt, Functions, Folds, Graphs, Integers, FiniteSets', [[name, formula]], defs);
    expect(got.get(name)).toBe('TRUE');
  });
});
