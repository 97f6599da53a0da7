// cfg left sides ModelConfig accepts beyond `C = v` / `C <- Op`:
// - `F(a, b) = v`: the lines of one operator make TLC's OpRcdValue, a table from argument lists
//   to values (SpecProcessor.processConstantDefns); other arguments are an error;
// - `A!B!D = v` / `A!D <- Op`: ModelConfig joins the left side into "A!B!D" (its Bug44 fix); the
//   definition D is replaced in the name space of the instance A!B, so the instance's own
//   definitions that use D see the new one.
// Expected values are computed by hand from the modules below.
import { describe, expect, test } from 'vitest';
import type { Expr } from '../../../engine/frontend/ast.js';
import { format } from '../../../engine/values/print.js';
import { compile, thrown } from './helpers.js';

const ref = (name: string): Expr => ({ kind: 'ref', name, prefix: [], loc: { file: 't', module: 'M', line: 1, col: 1, endLine: 1, endCol: 1 } });

describe('F(a, b) = v (OpRcdValue)', () => {
  const M = 'EXTENDS Naturals\nCONSTANT F(_, _), G(_), c\nVARIABLE v\nInit == v = F(1, 2) + F(2, 2)\nX == <<G("s"), G(c)>>\nY == F(3, 3)\n';
  const CFG = 'CONSTANTS\n  F(1, 2) = 3\n  F(2, 2) = 5\n  G("s") = b\n  G(b) = {1, 2}\n  c = b\nINIT Init\n';
  test('each listed argument list gives its value: v = F(1, 2) + F(2, 2) = 3 + 5', async () => {
    const spec = await compile({ M }, CFG);
    expect([...spec.initStates()].map((s) => s.map(format))).toEqual([['8']]);
    expect(format(spec.evaluate(ref('X'), null))).toBe('<<b, {1, 2}>>');
  });
  test('an argument list the cfg does not list is an error', async () => {
    const spec = await compile({ M }, CFG);
    expect(() => spec.evaluate(ref('Y'), null)).toThrow();
  });
  test('a wrong number of arguments is a located cfg error', async () => {
    const err = await thrown(() => compile({ M }, 'CONSTANTS\n  F(1) = 3\n  G("s") = 1\n  c = 1\nINIT Init\n'));
    expect(err.message).toContain('F takes 2 argument(s)');
    expect(err.loc?.line).toBe(2);
  });
});

describe('instance-qualified left sides', () => {
  const mods = {
    M: 'EXTENDS Naturals\nVARIABLE v\nA == INSTANCE Mid\nInit == v = 0\nX == <<A!Lim, A!Twice, A!B!K, A!B!KK>>\nTen == 10\n',
    Mid: 'EXTENDS Naturals\nLim == 1\nTwice == 2 * Lim\nB == INSTANCE Leaf\n',
    Leaf: 'EXTENDS Naturals\nK == 5\nKK == K + 1\n',
  };
  test('without overrides: <<1, 2, 5, 6>>', async () => {
    expect(format((await compile(mods, 'INIT Init\n')).evaluate(ref('X'), null))).toBe('<<1, 2, 5, 6>>');
  });
  test('A!Lim = 4 and A!B!K <- Ten replace the definitions inside the instances: <<4, 8, 10, 11>>', async () => {
    const spec = await compile(mods, 'CONSTANTS\n  A!Lim = 4\n  A!B!K <- Ten\nINIT Init\n');
    expect(format(spec.evaluate(ref('X'), null))).toBe('<<4, 8, 10, 11>>');
  });
  test('a path that is not an instance, or a name the instance does not define, is a cfg error', async () => {
    expect((await thrown(() => compile(mods, 'CONSTANT Z!Lim = 1\nINIT Init\n'))).message).toContain('Z is not an instance');
    expect((await thrown(() => compile(mods, 'CONSTANT A!Nope = 1\nINIT Init\n'))).message).toContain('Nope is not a definition of module Mid');
  });
});
