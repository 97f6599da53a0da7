// SequencesExt as TLC evaluates it with the CommunityModules jar: the Java overrides' results
// where they differ from the module's TLA+ text. Every expected value is worked out by hand from
// the operator's definition (or, where noted, from the override in SequencesExt.java).
import { beforeAll, describe, expect, it } from 'vitest';
import { evalAll } from './helpers.js';

const cases: [string, string, string][] = [
  // TLC normalises {3, 1, 2} to ascending integers; the override lists that order
  ['SetToSeq lists a set in TLC order', 'SetToSeq({3, 1, 2})', '<<1, 2, 3>>'],
  ['SetToSeq of the empty set', 'SetToSeq({})', '<<>>'],
  ['SetToSeq of an interval', 'SetToSeq(2..4)', '<<2, 3, 4>>'],
  ['SetToSeqs: both orders of two elements', 'SetToSeqs({1, 2})', '{<<1, 2>>, <<2, 1>>}'],
  ['SetToSeqs of {} is {<<>>}', 'SetToSeqs({})', '{<<>>}'],
  ['SetToAllKPermutations of {1, 2}', 'SetToAllKPermutations({1, 2})', '{<<>>, <<1>>, <<2>>, <<1, 2>>, <<2, 1>>}'],
  ['SetToSortSeq with >', 'SetToSortSeq({3, 1, 2}, >)', '<<3, 2, 1>>'],
  ['ToSet drops duplicates', 'ToSet(<<1, 1, 2>>)', '{1, 2}'],
  // a function on 1..2 prints as a tuple in TLC
  ['ToBag counts', 'ToBag(<<1, 1, 2>>)', '<<2, 1>>'],
  ['TupleOf({0, 1}, 2) has 4 pairs', 'Cardinality(TupleOf({0, 1}, 2))', '4'],
  // the empty sequence here is the element of [1..0 -> S], a function, which TLC prints << >>
  ['SeqOf({1}, 2)', 'SeqOf({1}, 2)', '{<< >>, <<1>>, <<1, 1>>}'],
  ['BoundedSeq = SeqOf', 'BoundedSeq({1, 2}, 1)', '{<< >>, <<1>>, <<2>>}'],
  ['Contains finds an element', 'Contains(<<1, 2>>, 2)', 'TRUE'],
  ['Contains of the empty sequence', 'Contains(<<>>, 1)', 'FALSE'],
  ['IsSorted strict with a repeat', 'IsSorted(<<1, 2, 2>>, <)', 'FALSE'],
  ['IsSorted non-strict with a repeat', 'IsSorted(<<1, 2, 2>>, <=)', 'TRUE'],
  ['Reverse', 'Reverse(<<1, 2, 3>>)', '<<3, 2, 1>>'],
  ['Remove every copy', 'Remove(<<1, 2, 1>>, 1)', '<<2>>'],
  ['ReplaceAll', 'ReplaceAll(<<1, 2, 1>>, 1, 0)', '<<0, 2, 0>>'],
  // first / last index whose element passes, 0 if none
  ['SelectInSeq: first 5 is at 2', 'SelectInSeq(<<4, 5, 6, 5>>, LAMBDA e : e = 5)', '2'],
  ['SelectLastInSeq: last 5 is at 4', 'SelectLastInSeq(<<4, 5, 6, 5>>, LAMBDA e : e = 5)', '4'],
  ['SelectInSeq: none', 'SelectInSeq(<<4>>, LAMBDA e : e = 5)', '0'],
  // SequencesExt.java: the index returned is the position in the whole sequence, not in the
  // SubSeq the TLA+ definition would search (which would give 2 and 2)
  ['SelectInSubSeq answers a position of the whole sequence', 'SelectInSubSeq(<<4, 5, 6, 5>>, 3, 4, LAMBDA e : e = 5)', '4'],
  ['SelectLastInSubSeq answers a position of the whole sequence', 'SelectLastInSubSeq(<<5, 4, 5, 6>>, 2, 4, LAMBDA e : e = 5)', '3'],
  ['SelectInSubSeq with from > to is 0', 'SelectInSubSeq(<<5>>, 2, 1, LAMBDA e : TRUE)', '0'],
  ['InsertAt', 'InsertAt(<<1, 3>>, 2, 2)', '<<1, 2, 3>>'],
  ['ReplaceAt', 'ReplaceAt(<<1, 2, 3>>, 2, 9)', '<<1, 9, 3>>'],
  ['RemoveAt', 'RemoveAt(<<1, 2, 3>>, 2)', '<<1, 3>>'],
  ['RemoveFirst removes one copy', 'RemoveFirst(<<1, 2, 1>>, 1)', '<<2, 1>>'],
  ['RemoveFirst of a missing element', 'RemoveFirst(<<1, 2>>, 3)', '<<1, 2>>'],
  ['RemoveFirstMatch', 'RemoveFirstMatch(<<1, 2, 3>>, LAMBDA e : e > 1)', '<<1, 3>>'],
  ['Cons', 'Cons(0, <<1>>)', '<<0, 1>>'],
  ['Snoc appends (element first)', 'Snoc(2, <<1>>)', '<<1, 2>>'],
  ['Front', 'Front(<<1, 2, 3>>)', '<<1, 2>>'],
  ['Last', 'Last(<<1, 2, 3>>)', '3'],
  ['IsPrefix', 'IsPrefix(<<1>>, <<1, 2>>)', 'TRUE'],
  ['IsPrefix (not)', 'IsPrefix(<<2>>, <<1, 2>>)', 'FALSE'],
  ['IsPrefix of strings (override)', 'IsPrefix("ab", "abc")', 'TRUE'],
  ['IsStrictPrefix of itself', 'IsStrictPrefix(<<1, 2>>, <<1, 2>>)', 'FALSE'],
  ['IsSuffix', 'IsSuffix(<<2, 3>>, <<1, 2, 3>>)', 'TRUE'],
  ['IsStrictSuffix', 'IsStrictSuffix(<<3>>, <<1, 2, 3>>)', 'TRUE'],
  ['Prefixes', 'Prefixes(<<1, 2>>)', '{<<>>, <<1>>, <<1, 2>>}'],
  ['Suffixes', 'Suffixes(<<1, 2>>)', '{<<>>, <<2>>, <<1, 2>>}'],
  ['CommonPrefixes', 'CommonPrefixes({<<1, 2>>, <<1, 3>>})', '{<<>>, <<1>>}'],
  ['LongestCommonPrefix of sequences', 'LongestCommonPrefix({<<1, 2, 3>>, <<1, 2>>, <<1, 2, 4>>})', '<<1, 2>>'],
  ['LongestCommonPrefix of strings', 'LongestCommonPrefix({"abc", "abd"})', '"ab"'],
  ['SeqMod maps 0 to b', '<<SeqMod(4, 2), SeqMod(5, 2)>>', '<<2, 1>>'],
  // FoldSeq is FoldFunction: the accumulator starts at base and takes s[1], s[2], ... in turn
  ['FoldSeq folds from the first element', 'FoldSeq(LAMBDA e, acc : Append(acc, e), <<>>, <<5, 6, 7>>)', '<<5, 6, 7>>'],
  // FoldSeq is FoldFunction in TLC, errors included
  ['FoldSeq of a non-function names FoldFunction', 'AssertError("The third argument of FoldFunction should be a function, but instead it is:\\nTRUE", FoldSeq(+, 23, TRUE))', 'TRUE'],
  ['FoldRight of a non-sequence', 'AssertError("The second argument of FoldRight should be a sequence, but instead it is:\\nTRUE", FoldRight(+, TRUE, 23))', 'TRUE'],
  // from the right: op(1, op(2, op(3, 1))) = 1 - (2 - (3 - 1)) = 1
  ['FoldRight with -', 'FoldRight(-, <<1, 2, 3>>, 1)', '1'],
  ['FoldLeft', 'FoldLeft(LAMBDA acc, e : acc * 10 + e, 0, <<1, 2, 3>>)', '123'],
  ['FoldLeft nests to the left', 'FoldLeft(LAMBDA acc, e : <<acc, e>>, 0, <<3, 1, 2>>)', '<<<<<<0, 3>>, 1>>, 2>>'],
  ['FoldRight', 'FoldRight(LAMBDA e, acc : acc * 10 + e, <<1, 2, 3>>, 0)', '321'],
  ['FoldRight nests to the right', 'FoldRight(LAMBDA e, acc : <<e, acc>>, <<3, 1, 2>>, 0)', '<<3, <<1, <<2, 0>>>>>>'],
  ['FoldLeftDomain', 'FoldLeftDomain(LAMBDA acc, i : Append(acc, i), <<>>, <<"p", "q">>)', '<<1, 2>>'],
  ['FoldRightDomain', 'FoldRightDomain(LAMBDA i, acc : Append(acc, i), <<"p", "q">>, <<>>)', '<<2, 1>>'],
  ['FlattenSeq', 'FlattenSeq(<<<<1, 2>>, <<3>>>>)', '<<1, 2, 3>>'],
  ['FlattenSeq of strings', 'FlattenSeq(<<"a", "b">>)', '"ab"'],
  ['Zip stops at the shorter', 'Zip(<<1, 2, 3>>, <<7, 8>>)', '<<<<1, 7>>, <<2, 8>>>>'],
  ['Interleave', 'Interleave(<<1, 3>>, <<2, 4>>)', '<<<<1>>, <<2>>, <<3>>, <<4>>>>'],
  ['Interleave of empty sequences', 'Interleave(<<>>, <<>>)', '<<>>'],
  ['SubSeqs (contiguous)', 'SubSeqs(<<1, 2>>)', '{<<>>, <<1>>, <<2>>, <<1, 2>>}'],
  ['AllSubSeqs of 3 elements: 8, <<1, 3>> among them', '<<Cardinality(AllSubSeqs(<<1, 2, 3>>)), <<1, 3>> \\in AllSubSeqs(<<1, 2, 3>>)>>', '<<8, TRUE>>'],
  ['IndexFirstSubSeq', 'IndexFirstSubSeq(<<2, 3>>, <<1, 2, 3, 2, 3>>)', '2'],
  ['ReplaceFirstSubSeq', 'ReplaceFirstSubSeq(<<9>>, <<2, 3>>, <<1, 2, 3, 2, 3>>)', '<<1, 9, 2, 3>>'],
  ['ReplaceFirstSubSeq of strings', 'ReplaceFirstSubSeq("x", "ab", "abab")', '"xab"'],
  ['ReplaceFirstSubSeq of an empty string prepends', 'ReplaceFirstSubSeq("x", "", "ab")', '"xab"'],
  ['ReplaceAllSubSeqs', 'ReplaceAllSubSeqs(<<9>>, <<2, 3>>, <<1, 2, 3, 2, 3>>)', '<<1, 9, 9>>'],
  ['ReplaceAllSubSeqs: overlaps taken from the left', 'ReplaceAllSubSeqs(<<2, 2>>, <<1, 1>>, <<1, 1, 1>>)', '<<2, 2, 1>>'],
  ['ReplaceAllSubSeqs of strings', 'ReplaceAllSubSeqs("x", "ab", "abcab")', '"xcx"'],
  ['ReplaceAllSubSeqs of an empty string: before every character', 'ReplaceAllSubSeqs("x", "", "ab")', '"xaxb"'],
  ['ReplaceAllSubSeqs with s = t', 'ReplaceAllSubSeqs(<<4>>, <<>>, <<>>)', '<<4>>'],
  // SequencesExt EXTENDS FiniteSetsExt and Functions (the current module does): their
  // operators are visible to a spec that extends SequencesExt only
  ['Max through SequencesExt', 'Max({4, 9, 2})', '9'],
  ['Range through SequencesExt', 'Range(<<1, 1, 2>>)', '{1, 2}'],
];

describe('SequencesExt', () => {
  let got: Map<string, string>;
  beforeAll(async () => {
    got = await evalAll('SequencesExt, TLCExt', cases.map(([name, lhs]) => [name, lhs] as const));
  });
  it.each(cases)('%s: %s = %s', (name, _lhs, want) => {
    expect(got.get(name)).toBe(want);
  });
});
