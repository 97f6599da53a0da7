// Bounded quantifiers over several bound names (\A x, y \in S / \E x \in S, y \in T), which
// binders.ts evaluates as nested loops: the first name varies slowest, every domain is
// evaluated before the body, and the answer short-circuits at the first witness. Expected
// values are worked out by hand.
import { describe, expect, test } from 'vitest';
import { show, thrown, value } from './helpers.js';

describe('quantifiers over several names', () => {
  test('\\A x, y \\in 1..3 : x + y <= 6 holds; x + y < 6 fails at x = y = 3', async () => {
    expect(await show('\\A x, y \\in 1..3 : x + y <= 6')).toBe('TRUE');
    expect(await show('\\A x, y \\in 1..3 : x + y < 6')).toBe('FALSE');
  });
  test('\\E x \\in 1..3, y \\in 4..5 : x * y = 10 (x = 2, y = 5); no pair gives 7', async () => {
    expect(await show('\\E x \\in 1..3, y \\in 4..5 : x * y = 10')).toBe('TRUE');
    expect(await show('\\E x \\in 1..3, y \\in 4..5 : x * y = 7')).toBe('FALSE');
  });
  test('an empty domain anywhere: \\E is FALSE and \\A is TRUE, the body never evaluated', async () => {
    expect(await show('\\E x \\in 1..3, y \\in {} : 1 \\div 0 = 0')).toBe('FALSE');
    expect(await show('\\A x \\in {}, y \\in 1..3 : 1 \\div 0 = 0')).toBe('TRUE');
  });
  test('the first name varies slowest: the first witness of \\E stops before the body fails on a later pair', async () => {
    // pairs in order (1,1) (1,2) (2,1) (2,2): (1,2) is a witness, (2,1) would divide by 0
    expect(await show('\\E x, y \\in 1..2 : IF x = 2 THEN 1 \\div 0 = 0 ELSE y = 2')).toBe('TRUE');
    // with the names swapped, (2,1) comes before any witness: the division fails
    const err = await thrown(() => value('\\E y, x \\in 1..2 : IF x = 2 THEN 1 \\div 0 = 0 ELSE y = 2'));
    expect(err.message).toMatch(/\\div is 0/);
  });
  test('a non-boolean body is the error TLC gives for \\A', async () => {
    const err = await thrown(() => value('\\A x, y \\in 1..2 : x + y'));
    expect(err.message).toBe('the body of \\A is not a boolean: 2');
  });
});
