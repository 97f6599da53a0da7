// Subexpression references (`Op!lbl`, `Op(a)!lbl`, `Op!lbl(a)`, `Op!1`, `Op!<<`, `Op!>>`): the
// selected subexpression becomes a LOCAL operator named after the reference, with Op's
// parameters followed by the labels', and the reference an application of it.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../engine/errors.js';
import { app, body, def, moduleOf, num, ref, shape } from './helpers.js';

const A = 'A(p) == lbl1:: (p + 1) * (p + 2)';

async function error(units: string): Promise<string> {
  try {
    await moduleOf(units);
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
  throw new Error('expected a ParseError');
}

describe('label references', () => {
  it('Op(a)!lbl is the labelled expression with Op applied: a LOCAL operator A!lbl1(p)', async () => {
    const m = await moduleOf(`${A}\nC == A(1)!lbl1`);
    expect(shape(body(m, 'C'))).toEqual(app('A!lbl1', num(1)));
    const made = def(m, 'A!lbl1');
    expect(made).toMatchObject({ kind: 'operator', local: true, params: [{ name: 'p', arity: 0 }] });
    expect(shape(body(m, 'A!lbl1'))).toEqual(app('*', app('+', ref('p'), num(1)), app('+', ref('p'), num(2))));
    // "A(p) == lbl1:: (p + 1) * (p + 2)": "A(p) == lbl1:: " is 15 characters, so the labelled expression starts at column 16 of line 2
    expect(made.loc).toMatchObject({ line: 2, col: 16 });
  });
  it("Op!lbl(a) gives Op's arguments after the label; one definition serves both spellings", async () => {
    const m = await moduleOf(`${A}\nC == A(1)!lbl1\nE == A!lbl1(2)`);
    expect(shape(body(m, 'E'))).toEqual(app('A!lbl1', num(2)));
    expect(m.definitions.filter((d) => d.name === 'A!lbl1')).toHaveLength(1);
  });
  it("a label's own parameters (the bound names in its scope) follow Op's", async () => {
    const m = await moduleOf('B(k) == \\A i \\in 1..3 : lb(i):: i > k\nC == B(0)!lb(2)');
    expect(shape(body(m, 'C'))).toEqual(app('B!lb', num(0), num(2)));
    expect(def(m, 'B!lb')).toMatchObject({ params: [{ name: 'k' }, { name: 'i' }] });
  });
});

describe('positional selectors', () => {
  it('!1 and !<< select the left operand, !2 and !>> the right one, through labels and parentheses', async () => {
    const m = await moduleOf(`${A}\nF == A(1)!1\nG == A(1)!>>\nH == A(1)!lbl1!<<`);
    expect(shape(body(m, 'A!1'))).toEqual(app('+', ref('p'), num(1)));
    expect(shape(body(m, 'A!2'))).toEqual(app('+', ref('p'), num(2)));
    expect(shape(body(m, 'A!lbl1!1'))).toEqual(app('+', ref('p'), num(1)));
    expect(shape(body(m, 'G'))).toEqual(app('A!2', num(1)));
  });
  it('!n selects the n-th item of a bulleted list', async () => {
    const m = await moduleOf('VARIABLE x\nD == /\\ x = 1\n     /\\ x = 2\n     /\\ x = 3\nI == D!3');
    expect(shape(body(m, 'I'))).toEqual(ref('D!3'));
    expect(shape(body(m, 'D!3'))).toEqual(app('=', ref('x'), num(3)));
  });
});

describe('errors are located at the reference', () => {
  it('an unknown label', async () => {
    expect(await error(`${A}\nC == A(1)!lbl2`)).toBe('No label lbl2 in A');
  });
  it('a position past the last operand', async () => {
    expect(await error(`${A}\nC == A(1)!3`)).toBe('A has no subexpression number 3 here (it has 2)');
  });
  it('missing arguments', async () => {
    expect(await error(`${A}\nC == A!lbl1`)).toBe('A!lbl1 needs 1 argument (p), not 0');
  });
});
