// childExprs lists every direct subexpression, so a pass over the tree misses nothing.
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../engine/frontend/ast.js';
import { dependencies } from '../../../engine/frontend/load.js';
import { childExprs } from '../../../engine/frontend/walk.js';
import { body, moduleOf } from './helpers.js';

/** Every `num` literal reachable through childExprs, in walk order. */
function numbers(e: Expr): bigint[] {
  return e.kind === 'num' ? [e.value] : childExprs(e).flatMap(numbers);
}

describe('childExprs', () => {
  it('reaches every literal of an expression that uses each kind of node once', async () => {
    // numbers 1..55 each appear exactly once, in every position an Expr can take
    const text = [
      'E == <<',
      '  I(1)!Op(2), F(3, LAMBDA a : 4), (5)\', ~6, UNCHANGED 7, ENABLED 8, []9, <>10,',
      '  11 /\\ 12, 13 => 14, 15 <=> 16, 17 ~> 18,',
      '  IF 19 THEN 20 ELSE 21, CASE 22 -> 23 [] OTHER -> 24,',
      '  LET g[i \\in 25] == 26 IN 27,',
      '  \\A x \\in 28 : 29, CHOOSE y \\in 30 : 31, {z \\in 32 : 33}, {34 : w \\in 35}, [v \\in 36 |-> 37],',
      '  {38}, [a |-> 39], [a : 40], [41 -> 42], 43[44], [b |-> 45].b,',
      '  [46 EXCEPT ![47] = 48], [49]_(50), WF_(51)(52), \\EE q : 53, 54 \\cdot 55>>',
    ].join('\n');
    const m = await moduleOf(text);
    const found = numbers(body(m, 'E')).map(Number).sort((a, b) => a - b);
    expect(found).toEqual(Array.from({ length: 55 }, (_, i) => i + 1));
  });
});

describe('dependencies', () => {
  it('lists EXTENDS, module-level INSTANCE and INSTANCE inside LET, each once', async () => {
    const m = await moduleOf('EXTENDS Naturals, A\nINSTANCE B\nC == INSTANCE C0\nD == LET L == INSTANCE E IN L!x');
    expect(dependencies(m).map((d) => d.name)).toEqual(['Naturals', 'A', 'B', 'C0', 'E']);
  });
});
