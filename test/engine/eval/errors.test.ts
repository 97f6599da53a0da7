// Evaluation errors: each is an EvalError (or AssertionFailure) naming the line and column of
// the expression that failed. Lines count from the module header the helper writes (line 1 is
// `---- MODULE M ----`, line 2 the EXTENDS, the definitions start on line 3).
import { describe, expect, test } from 'vitest';
import { EvalError, AssertionFailure, ExitCode } from '../../../engine/errors.js';
import { compile, show, thrown } from './helpers.js';

describe('evaluation errors carry the location of the expression', () => {
  test('a function applied outside its domain', async () => {
    const err = await thrown(() => show('f[3]', 'f == [i \\in 1..2 |-> i]'));
    expect(err).toBeInstanceOf(EvalError);
    expect(err.message).toMatch(/out of bounds|not in the domain/);
    // defs on line 3, `VARIABLE v` 4, `Init` 5, `X == f[3]` on line 6, f[3] starts at column 6
    expect(err.loc).toMatchObject({ line: 6, col: 6 });
  });
  test('CHOOSE with nothing to choose', async () => {
    const err = await thrown(() => show('CHOOSE x \\in {1, 2} : x > 5'));
    expect(err).toBeInstanceOf(EvalError);
    expect(err.message).toMatch(/CHOOSE/);
    expect(err.loc).toMatchObject({ line: 6, col: 6 });
  });
  test('CASE with no true arm and no OTHER', async () => {
    const err = await thrown(() => show('CASE 1 = 2 -> 0 [] 2 = 3 -> 1'));
    expect(err.message).toMatch(/CASE/);
    expect(err.loc).toMatchObject({ line: 6, col: 6 });
  });
  test('a non-boolean IF condition', async () => {
    const err = await thrown(() => show('IF 1 THEN 2 ELSE 3'));
    expect(err.message).toMatch(/condition of IF is not a boolean/);
    expect(err.loc).toMatchObject({ line: 6, col: 9 });
  });
  test('comparing an integer with a string', async () => {
    const err = await thrown(() => show('1 = "a"'));
    expect(err).toBeInstanceOf(EvalError);
    expect(err.loc).toMatchObject({ line: 6, col: 6 });
  });
  test('enumerating an infinite set', async () => {
    const err = await thrown(() => show('\\E n \\in Nat : n = 1'));
    expect(err.message).toMatch(/infinite set Nat/);
    expect(err.loc?.line).toBe(6);
  });
  test('Assert failing is an AssertionFailure with TLC exit code 14', async () => {
    const err = await thrown(() => show('Assert(1 = 2, "boom")'));
    expect(err).toBeInstanceOf(AssertionFailure);
    expect(err.exitCode).toBe(ExitCode.assertFailed);
    expect(err.message).toMatch(/boom/);
  });
  test('arithmetic overflow beyond 2^31 - 1', async () => {
    const err = await thrown(() => show('2147483647 + 1'));
    expect(err.message).toMatch(/[Oo]verflow/);
  });
});

describe('errors while generating states', () => {
  test('a successor that leaves a variable unassigned', async () => {
    const spec = await compile({ M: 'VARIABLES x, y\nInit == x = 0 /\\ y = 0\nNext == x\' = 1' }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    const err = await thrown(async () => [...spec.successors(s0!)]);
    expect(err.message).toMatch(/not completely specified.*y/);
    // Next's body `x' = 1` is on line 4, column 9
    expect(err.loc).toMatchObject({ line: 4, col: 9 });
  });
  test('an initial predicate that leaves a variable unassigned', async () => {
    const spec = await compile({ M: 'VARIABLES x, y\nInit == x = 0' }, 'INIT Init');
    const err = await thrown(async () => [...spec.initStates()]);
    expect(err.message).toMatch(/y/);
  });
  test('a constant the cfg does not assign', async () => {
    const err = await thrown(() => compile({ M: 'CONSTANT N\nVARIABLE x\nInit == x = N' }, 'INIT Init'));
    expect(err.message).toMatch(/N is not assigned/);
    expect(err.loc).toMatchObject({ line: 2, col: 10 });
  });
});
