import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../engine/frontend/load.js';
import { app, body, def, FIXTURES, num, ref, shape } from './helpers.js';

const FIX = FIXTURES;

describe('loadSpec on a small spec', () => {
  it('reads the header, EXTENDS, declarations in order', async () => {
    const { root, modules } = await loadSpec(`${FIX}basic/Basic.tla`);
    expect(root.name).toBe('Basic');
    expect(root.extends).toEqual(['Naturals', 'Sequences', 'FiniteSets', 'TLC']);
    expect(shape(root.constants)).toEqual([
      { name: 'N', arity: 0 },
      { name: 'F', arity: 2 },
    ]);
    expect(root.variables.map((v) => v.name)).toEqual(['x', 'y']);
    expect(root.definitions.map((d) => d.name)).toEqual(['Inc', 'Init', 'Next', 'Spec', 'TypeOK']);
    // standard modules are not files: only the root is loaded
    expect([...modules.keys()]).toEqual(['Basic']);
  });

  it('turns bulleted lists into and/or with one argument per bullet', async () => {
    const { root } = await loadSpec(`${FIX}basic/Basic.tla`);
    expect(shape(body(root, 'Init'))).toEqual({
      kind: 'and',
      args: [app('=', ref('x'), num(0)), app('\\in', ref('y'), { kind: 'setEnum', elems: [num(1), num(2)] })],
    });
    const next = body(root, 'Next');
    expect(next.kind).toBe('or');
    if (next.kind !== 'or') return;
    expect(next.args.map((a) => a.kind)).toEqual(['and', 'and']);
    expect(shape(next.args[1])).toEqual({
      kind: 'and',
      args: [
        app(
          '=',
          { kind: 'prime', expr: ref('y') },
          { kind: 'except', fn: ref('y'), updates: [{ path: [{ kind: 'index', args: [num(1)] }], value: app('+', { kind: 'at' }, num(1)) }] },
        ),
        app('=', { kind: 'prime', expr: ref('x') }, ref('x')),
      ],
    });
  });

  it('keeps exact 1-based locations', async () => {
    const { root } = await loadSpec(`${FIX}basic/Basic.tla`);
    // `Next == \/ /\ x < N` is line 11 (header 1, comment 2-3, EXTENDS 4, .., Init 9-10); the disjunction list starts at its first `\/`, column 9
    const next = body(root, 'Next');
    expect([next.loc.line, next.loc.col]).toEqual([11, 9]);
    expect(def(root, 'Next').loc).toMatchObject({ line: 11, col: 1, module: 'Basic' });
  });
});
