// Randomization (TLC's Randomization.java) and TLCExt's PickSuccessor / TLCDefer. The sets drawn
// are random: what is asserted is what holds for every draw (sizes, membership, the extreme
// probabilities 0 and 1) and TLC's argument errors.
import { describe, expect, it } from 'vitest';
import { evalAll, group } from './helpers.js';
import { compile } from '../eval/helpers.js';
import { search } from '../../../engine/check/bfs.js';

group('Randomization: what every draw satisfies', 'Randomization, TLCExt, FiniteSets, Naturals, Sequences', [
  ['RandomSubset has k elements of S', '\\A i \\in 1..20 : LET T == RandomSubset(3, 1..5) IN Cardinality(T) = 3 /\\ T \\subseteq 1..5', 'TRUE'],
  ['RandomSubset(0, S) = {}', 'RandomSubset(0, 1..5)', '{}'],
  ['RandomSubset(|S|, S) = S', 'RandomSubset(3, {7, 8, 9})', '{7, 8, 9}'],
  ['RandomSetOfSubsets: at most k subsets of S', '\\A i \\in 1..20 : LET T == RandomSetOfSubsets(4, 2, 1..6) IN Cardinality(T) \\in 1..4 /\\ \\A U \\in T : U \\subseteq 1..6', 'TRUE'],
  // probability n / |S| = 1: every draw is S itself; 0: every draw is {}
  ['RandomSetOfSubsets with n = |S|', 'RandomSetOfSubsets(3, 2, {1, 2})', '{{1, 2}}'],
  ['RandomSetOfSubsets with n = 0', 'RandomSetOfSubsets(3, 0, {1, 2})', '{{}}'],
  ['RandomSetOfSubsets with k = 0', 'RandomSetOfSubsets(0, 1, {1, 2})', '{}'],
  ['RandomSubsetSet with probability "1.0"', 'RandomSubsetSet(3, "1.0", {1, 2})', '{{1, 2}}'],
  ['RandomSubsetSet with probability "0"', 'RandomSubsetSet(3, "0", {1, 2})', '{{}}'],
  ['TestRandomSetOfSubsets: five sizes', 'TestRandomSetOfSubsets(2, 1, {1})', '<<1, 1, 1, 1, 1>>'],
  ['PickSuccessor of a true guard', 'PickSuccessor(TRUE)', 'TRUE'],
  ['PickSuccessor of a false guard: the step is taken (no one to ask)', 'PickSuccessor(FALSE)', 'TRUE'],
  ['TLCDefer is TRUE', 'TLCDefer(1 + 1 = 2)', 'TRUE'],
]);

describe('Randomization: argument errors as in Randomization.java', () => {
  const errors: [string, string, string][] = [
    ['RandomSubset of more than |S|', 'RandomSubset(6, 1..5)', 'The first argument of RandomSubset should be an integer in 0..5'],
    ['RandomSubset of an infinite set', 'RandomSubset(1, Nat)', 'The second argument of RandomSubset should be a finite set, but instead it is:\nNat'],
    ['RandomSetOfSubsets with n > |S|', 'RandomSetOfSubsets(1, 3, {1})', 'The second argument of RandomSetOfSubsets should be a nonnegative integer in range 0..Cardinality(S)'],
    ['more draws than subsets', 'RandomSetOfSubsets(5, 1, {1})', "smaller than the subset's size of 2^1"],
    ['RandomSubsetSet with a probability that is no number', 'RandomSubsetSet(1, "half", {1})', 'The second argument of RandomSubsetSetProbability should be a string literal that represents a parsable probability'],
    ['RandomSubsetSet with a probability above 1', 'RandomSubsetSet(1, "1.5", {1})', 'parsable probability'],
    ['PickSuccessor of a non-boolean', 'PickSuccessor(1)', 'a non-boolean expression (1)'],
  ];
  it.each(errors)('%s', async (name, expr, message) => {
    const got = await evalAll('Randomization, TLCExt, Naturals', [[name, expr]]);
    expect(got.get(name)).toContain(message);
  });
});

describe('model checking with random initial states', () => {
  // whatever two elements are drawn, there are two initial states and each only stutters:
  // 2 initial + 2 successors generated, 2 distinct, depth 1
  it('x \\in RandomSubset(2, 1..5): 4 generated, 2 distinct, depth 1', async () => {
    const spec = await compile(
      { R: "EXTENDS Randomization, Naturals\nVARIABLE x\nInit == x \\in RandomSubset(2, 1..5)\nNext == x' = x" },
      'INIT Init\nNEXT Next\n',
    );
    const r = search(spec, {});
    expect(r.outcome).toEqual({ kind: 'ok' });
    expect([r.generated, r.distinct, r.depth]).toEqual([4, 2, 1]);
  });
});

describe('random draws are a function of the state explored', () => {
  // every state draws a new x and y from 1..20: which states are reached depends on the draws,
  // but two runs draw the same (the generator restarts from each state's fingerprint), so they
  // give the same counts, as repeated TLC runs do
  const spec = () =>
    compile(
      { R: "EXTENDS Randomization, Naturals\nVARIABLE x\nInit == x \\in RandomSubset(3, 1..20)\nNext == x < 15 /\\ x' \\in RandomSubset(2, 1..20)" },
      'INIT Init\nNEXT Next\n',
    );
  it('two runs of a spec with random steps give the same counts', async () => {
    const a = search(await spec(), { checkDeadlock: false });
    const b = search(await spec(), { checkDeadlock: false });
    expect([b.generated, b.distinct, b.depth]).toEqual([a.generated, a.distinct, a.depth]);
    expect(a.distinct).toBeGreaterThanOrEqual(3);
  });
});
