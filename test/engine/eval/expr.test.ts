// Expression evaluation: one TLA+ rule per test. Expected values are worked out by hand from
// Specifying Systems and TLC's sources (cited per test).
import { describe, expect, test } from 'vitest';
import { show } from './helpers.js';

describe('equality of functions, records and tuples', () => {
  test('a tuple equals the function on 1..n with the same values', async () => {
    expect(await show('<<1, 2>> = [i \\in 1..2 |-> i]')).toBe('TRUE');
  });
  test('a record equals the string-domain function built with :>', async () => {
    expect(await show('[a |-> 1] = ("a" :> 1)')).toBe('TRUE');
  });
  test('DOMAIN of a record is its set of field names', async () => {
    expect(await show('DOMAIN [a |-> 1, b |-> 2]')).toBe('{"a", "b"}');
  });
});

describe('CHOOSE', () => {
  test('picks the first element in TLC order that satisfies the predicate', async () => {
    // {3, 1, 2} normalises to {1, 2, 3}; the first element > 1 is 2
    expect(await show('CHOOSE x \\in {3, 1, 2} : x > 1')).toBe('2');
  });
});

describe('operators', () => {
  test('a higher-order parameter takes a LAMBDA', async () => {
    expect(await show('Twice(LAMBDA y : y * 3, 2)', 'Twice(F(_), x) == F(F(x))')).toBe('18');
  });
  test('a higher-order parameter takes a defined operator', async () => {
    expect(await show('Twice(Inc, 2)', 'Twice(F(_), x) == F(F(x))\nInc(n) == n + 1')).toBe('4');
  });
  test('RECURSIVE operators recurse', async () => {
    // 1 + 2 + 3 = 6
    const defs = 'RECURSIVE Sum(_)\nSum(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \\in S : TRUE IN x + Sum(S \\ {x})';
    expect(await show('Sum({1, 2, 3})', defs)).toBe('6');
  });
  test('a recursive function over Nat is evaluated lazily', async () => {
    // 5! = 120; the domain Nat is never enumerated
    expect(await show('fact[5]', 'fact[n \\in Nat] == IF n = 0 THEN 1 ELSE n * fact[n - 1]')).toBe('120');
  });
  test('LET defines operators and functions, each seeing the previous ones', async () => {
    expect(await show('LET sq(n) == n * n\n       f[i \\in 1..3] == sq(i)\n   IN <<f[3], sq(4)>>')).toBe('<<9, 16>>');
  });
});

describe('integers (Integers.java)', () => {
  test('\\div rounds towards negative infinity', async () => {
    // (-7) / 2 = -3.5 -> -4 ; 7 / (-2) = -3.5 -> -4 ; 7 / 2 = 3.5 -> 3. Unparenthesised,
    // -7 \div 2 is -(7 \div 2) = -3: \div (13) binds tighter than prefix - (12).
    expect(await show('<<(-7) \\div 2, 7 \\div (-2), 7 \\div 2, -7 \\div 2>>')).toBe('<<-4, -4, 3, -3>>');
  });
  test('% is in 0..n-1 for a positive divisor', async () => {
    // -7 = 2 * -4 + 1
    expect(await show('<<-7 % 2, 7 % 3>>')).toBe('<<1, 1>>');
  });
  test('^ and unary minus', async () => {
    expect(await show('<<2 ^ 10, -(3)>>')).toBe('<<1024, -3>>');
  });
  test('an interval with lo > hi is empty', async () => {
    expect(await show('3..1 = {}')).toBe('TRUE');
  });
});

describe('sets', () => {
  test('set difference from an infinite set keeps membership', async () => {
    expect(await show('<<3 \\in Nat \\ {0}, 0 \\in Nat \\ {0}>>')).toBe('<<TRUE, FALSE>>');
  });
  test('a filter of Nat answers membership without enumerating', async () => {
    expect(await show('<<2 \\in {n \\in Nat : n < 3}, 5 \\in {n \\in Nat : n < 3}>>')).toBe('<<TRUE, FALSE>>');
  });
  test('SUBSET of a 3-element set has 8 elements', async () => {
    expect(await show('Cardinality(SUBSET {1, 2, 3})')).toBe('8');
  });
  test('set map and filter', async () => {
    expect(await show('<<{x * x : x \\in {-1, 1, 2}}, {x \\in 1..5 : x % 2 = 0}>>')).toBe('<<{1, 4}, {2, 4}>>');
  });
  test('UNION flattens', async () => {
    expect(await show('UNION {{1}, {2, 3}}')).toBe('{1, 2, 3}');
  });
  test('quantifiers over tuples of bound variables', async () => {
    expect(await show('\\E <<a, b>> \\in {1, 2} \\X {3} : a + b = 5')).toBe('TRUE');
  });
});

describe('sequences (Sequences.java)', () => {
  test('Append, Head, Tail, Len, \\o, SubSeq', async () => {
    expect(await show('<<Append(<<1>>, 2), Head(<<3, 4>>), Tail(<<3, 4>>), Len(<<1, 2, 3>>), <<1>> \\o <<2>>, SubSeq(<<1, 2, 3, 4>>, 2, 3)>>'))
      .toBe('<<<<1, 2>>, 3, <<4>>, 3, <<1, 2>>, <<2, 3>>>>');
  });
  test('SelectSeq keeps the elements passing the test, in order', async () => {
    expect(await show('SelectSeq(<<1, 2, 3, 4>>, IsEven)', 'IsEven(n) == n % 2 = 0')).toBe('<<2, 4>>');
  });
  test('membership in Seq(S), also inside a set of records', async () => {
    expect(await show('<<<<1, 2>> \\in Seq({1, 2}), <<3>> \\in Seq({1, 2}), [log |-> <<1>>] \\in [log : Seq({1})]>>'))
      .toBe('<<TRUE, FALSE, TRUE>>');
  });
});

describe('EXCEPT', () => {
  test('@ is the old value, paths nest through records and functions', async () => {
    expect(await show('[r EXCEPT !.a[2] = @ + 10, !.b = "y"]', 'r == [a |-> <<1, 2>>, b |-> "x"]')).toBe('[a |-> <<1, 12>>, b |-> "y"]');
  });
  test('an argument outside the domain leaves the function unchanged (FcnRcdValue.takeExcept)', async () => {
    expect(await show('[<<1, 2>> EXCEPT ![5] = 0]')).toBe('<<1, 2>>');
  });
});

describe('TLC module', () => {
  test(':> and @@ build functions, the left one winning', async () => {
    expect(await show('(1 :> "a" @@ 1 :> "b" @@ 2 :> "c")[1]')).toBe('"a"');
  });
  test('ToString prints as TLC does', async () => {
    expect(await show('ToString(<<1, "a", {}>>)')).toBe('"<<1, \\"a\\", {}>>"');
  });
  test('Permutations of a 3-element set has 3! = 6 elements', async () => {
    expect(await show('Cardinality(Permutations({1, 2, 3}))')).toBe('6');
  });
  test('SortSeq sorts with the given order', async () => {
    expect(await show('SortSeq(<<3, 1, 2>>, LAMBDA a, b : a > b)')).toBe('<<3, 2, 1>>');
  });
});

describe('Bags', () => {
  test('(+) adds multiplicities', async () => {
    // {1, 2} + {2} = 1 once, 2 twice
    expect(await show('SetToBag({1, 2}) (+) SetToBag({2}) = (1 :> 1 @@ 2 :> 2)')).toBe('TRUE');
  });
  test('BagCardinality counts copies', async () => {
    expect(await show('BagCardinality((1 :> 2 @@ 2 :> 3))')).toBe('5');
  });
});

describe('cfg constants', () => {
  test('model values from the cfg are bare names and sets of them', async () => {
    expect(await show('<<Procs, p1 \\in Procs>>', 'CONSTANT Procs, p1', 'CONSTANT Procs = {p1, p2}\nCONSTANT p1 = p1')).toBe('<<{p1, p2}, TRUE>>');
  });
  test('C <- Op substitutes a definition for a constant operator', async () => {
    expect(await show('F(4)', 'CONSTANT F(_)\nDouble(n) == 2 * n', 'CONSTANT F <- Double')).toBe('8');
  });
  test('a definition can be overridden by a value', async () => {
    expect(await show('N + 1', 'N == 100', 'CONSTANT N = 2')).toBe('3');
  });
});

describe('TLCExt', () => {
  test('AssertEq is TRUE on equal values, FALSE otherwise; TLCNoOp is the identity', async () => {
    expect(await show('<<AssertEq(1, 1), TLCNoOp(3)>>')).toBe('<<TRUE, 3>>');
  });
});

describe('string order (UniqueString tokens, seeded as TLC interns: cfg, identifiers, literals)', () => {
  test('strings are ordered by first appearance in the spec, not alphabetically', async () => {
    // "b" appears in the source before "a", so TLC gives it the smaller token
    expect(await show('{"a", "b"}', 'First == "b"')).toBe('{"b", "a"}');
  });
  test('an identifier interns its text before any string literal', async () => {
    // `zz` is an identifier (a definition name) and so precedes the literal "aa"
    expect(await show('CHOOSE s \\in {"aa", "zz"} : TRUE', 'zz == 1\nLit == "aa"')).toBe('"zz"');
  });
  test('record fields print in the order their names were interned', async () => {
    expect(await show('[a |-> 1, b |-> 2]', 'Order == [b |-> 0]')).toBe('[b |-> 2, a |-> 1]');
  });
});

describe('set filters over sets TLC keeps lazy (SetPredValue)', () => {
  test('membership in a filter of SUBSET tests only the element, not all 2^20 subsets', async () => {
    expect(await show('{1, 2} \\in {s \\in SUBSET (1..20) : Cardinality(s) = 2}')).toBe('TRUE');
  });
  test('the filter still enumerates in TLC order when needed', async () => {
    expect(await show('{s \\in SUBSET {1, 2, 3} : Cardinality(s) = 2}')).toBe('{{1, 2}, {1, 3}, {2, 3}}');
  });
});
