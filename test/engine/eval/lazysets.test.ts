// Sets TLC keeps lazy because they cannot be enumerated: Seq(S) (a UserValue over
// tlc2/module/Sequences.java), ANY (tlc2/module/AnySet.java) and S \cup T with an infinite
// side (tlc2/value/impl/SetCupValue.java). Expected values follow those classes' member(),
// toString() and elements() by hand.
import { describe, expect, test } from 'vitest';
import { show, thrown } from './helpers.js';

describe('Seq(S) is a value (Sequences.member / toString)', () => {
  test('membership: a tuple whose elements are all in S; <<>> always', async () => {
    expect(await show('<<<<1, 2, 1>> \\in Seq({1, 2}), <<>> \\in Seq({}), <<3>> \\in Seq({1, 2}), <<1>> \\in Seq({})>>'))
      .toBe('<<TRUE, TRUE, FALSE, FALSE>>');
  });
  test('a function on 1..n built another way is a sequence (toTuple)', async () => {
    expect(await show('(1 :> "a" @@ 2 :> "b") \\in Seq({"a", "b"})')).toBe('TRUE');
  });
  test('named, nested and combined: Seq(Seq(S)), [f : Seq(S)], Seq(S) \\X Nat, [D -> Seq(S)]', async () => {
    expect(await show('<<<<<<1>>, <<>> >> \\in Seq(Seq({1})), [f |-> <<2>>] \\in [f : Q], <<<<1>>, 5>> \\in Q \\X Nat, [i \\in {7} |-> <<1>>] \\in [{7} -> Seq({1})]>>', 'Q == Seq({1, 2})'))
      .toBe('<<TRUE, TRUE, TRUE, TRUE>>');
  });
  test('prints as Seq(S), as Sequences.toString does', async () => {
    expect(await show('ToString(Seq({1, 2}))')).toBe('"Seq({1, 2})"');
    expect(await show('<<Seq(Nat)>>')).toBe('<<Seq(Nat)>>');
  });
  test('Seq(S) = Seq(S) compares the ranges (Sequences.compareTo)', async () => {
    expect(await show('<<Seq({1}) = Seq({1}), Seq({1}) = Seq({2})>>')).toBe('<<TRUE, FALSE>>');
  });
  test('a non-sequence is an error (EC.TLC_MODULE_CHECK_MEMBER_OF), not FALSE', async () => {
    const err = await thrown(() => show('3 \\in Seq({1})'));
    expect(err.message).toContain('Attempted to check if the value:\n3\nis an element of Seq({1}).');
  });
  test('enumerating it is an error: \\E, Cardinality, SUBSET', async () => {
    expect((await thrown(() => show('\\E s \\in Seq({1}) : TRUE'))).message).toContain('Attempted to enumerate the infinite set Seq({1})');
    expect((await thrown(() => show('Cardinality(Seq({1}))'))).message).toContain('Seq({1})');
    expect(await show('IsFiniteSet(Seq({1}))')).toBe('FALSE');
  });
});

describe('ANY (AnySet)', () => {
  test('every value is a member; prints as ANY; infinite', async () => {
    expect(await show('<<7 \\in Any, {} \\in Any, "x" \\in Any, [a |-> 1] \\in [a : Any] \\cup {<<1>>}, IsFiniteSet(Any)>>'))
      .toBe('<<TRUE, TRUE, TRUE, TRUE, FALSE>>');
    expect(await show('ToString(Any)')).toBe('"ANY"');
  });
  test('a user definition named Any wins over the built-in', async () => {
    expect(await show('Any', 'Any == 3', '')).toBe('3');
  });
});

describe('S \\cup T with an infinite side stays lazy (SetCupValue)', () => {
  test('membership asks each side', async () => {
    expect(await show('<<-1 \\in Nat \\cup {-1}, -2 \\in Nat \\cup {-1}, 5 \\in {-1} \\cup Nat, <<1>> \\in Seq(Nat) \\cup {2}, 2 \\in {2} \\cup Seq(Nat)>>'))
      .toBe('<<TRUE, FALSE, TRUE, TRUE, TRUE>>');
  });
  test('the left side is asked first, so its error is not hidden by the right (set1.member || set2.member)', async () => {
    expect((await thrown(() => show('2 \\in Seq(Nat) \\cup {2}'))).message).toContain('is an element of Seq(Nat)');
  });
  test('\\cap and \\ over it keep membership without enumeration (SetCapValue, SetDiffValue)', async () => {
    expect(await show('<<3 \\in (Nat \\cup {-1}) \\ {4}, 4 \\in (Nat \\cup {-1}) \\ {4}, -1 \\in (Int \\cap (Nat \\cup {-1}))>>'))
      .toBe('<<TRUE, FALSE, TRUE>>');
  });
  test('prints as S \\cup T (SetCupValue.toString)', async () => {
    expect(await show('ToString(Nat \\cup {-1})')).toBe('"Nat \\\\cup {-1}"');
  });
  test('enumerating it is SetCupValue.Enumerator\'s error', async () => {
    const err = await thrown(() => show('\\A x \\in Nat \\cup {-1} : x > -5'));
    expect(err.message).toContain('Attempted to enumerate S \\cup T when S:\nNat\nand T:\n{-1}\nare not both enumerable');
  });
  test('finite unions are still enumerated sets, in TLC order', async () => {
    expect(await show('{3, 1} \\cup 2..4')).toBe('{1, 2, 3, 4}');
  });
});

describe('CHOOSE enumerates its domain only as far as the first witness (TLC\'s ValueEnumeration)', () => {
  test('a filter over SUBSET (kept lazy, SetPredValue) whose predicate fails on a later element', async () => {
    // SUBSET (1..3) in TLC order: {}, {1}, {2}, {3}, {1, 2}, ...; the predicate divides by
    // Cardinality(t) - 2, so it fails on {1, 2}; {} passes it but not the body, {1} passes both
    expect(await show('CHOOSE s \\in {t \\in SUBSET (1..3) : 1 \\div (Cardinality(t) - 2) # 7} : Cardinality(s) = 1')).toBe('{1}');
    // enumerating the whole filter does meet the error
    expect((await thrown(() => show('Cardinality({t \\in SUBSET (1..3) : 1 \\div (Cardinality(t) - 2) # 7})'))).message).toContain('\\div');
  });
  test('over SUBSET and [D -> R], the first witness in TLC order', async () => {
    expect(await show('CHOOSE s \\in SUBSET (1..20) : Cardinality(s) = 1')).toBe('{1}');
    expect(await show('CHOOSE f \\in [1..12 -> {0, 1}] : f[12] = 1')).toBe('<<0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1>>');
  });
  test('no witness is still TLC\'s error', async () => {
    expect((await thrown(() => show('CHOOSE x \\in 1..3 : x > 5'))).message).toContain('no element of S satisfied P');
  });
});
