// Module-level units: declarations, every form of definition, INSTANCE, ASSUME, proofs
// (skipped) and nested modules, read from units/Units.tla. Expected values are read off
// the fixture by hand.
import { describe, expect, it } from 'vitest';
import { ParseError, UnsupportedError } from '../../../engine/errors.js';
import { loadSpec } from '../../../engine/frontend/load.js';
import { app, body, def, FIXTURES, moduleOf, num, ref, shape } from './helpers.js';

const spec = () => loadSpec(`${FIXTURES}units/Units.tla`);

describe('declarations', () => {
  it('CONSTANT(S) with operator declarations of each fixity', async () => {
    const { root } = await spec();
    expect(shape(root.constants)).toEqual([
      { name: 'N', arity: 0 },
      { name: 'F', arity: 2 },
      { name: '-.', arity: 1 },
      { name: '**', arity: 2 },
    ]);
  });
  it('VARIABLE(S), with locations', async () => {
    const { root } = await spec();
    expect(root.variables.map((v) => [v.name, v.loc.line, v.loc.col])).toEqual([
      ['x', 5, 10],
      ['y', 6, 11],
      ['z', 6, 14],
    ]);
  });
});

describe('definitions', () => {
  it('keeps source order and skips THEOREM/LEMMA with their proofs', async () => {
    const { root } = await spec();
    expect(root.definitions.map((d) => d.name ?? `INSTANCE ${d.kind === 'instance' ? d.module : ''}`)).toEqual([
      'Plain', 'Op', 'High', '++', '^+', 'f', 'g', 'Hidden', 'Fact', 'INSTANCE Counter', 'C', 'P', 'I', 'Uses',
    ]);
  });
  it('parameters, higher-order parameters and infix/postfix definitions', async () => {
    const { root } = await spec();
    expect(shape(def(root, 'Op'))).toMatchObject({ kind: 'operator', params: [{ name: 'a', arity: 0 }, { name: 'b', arity: 0 }] });
    expect(shape(def(root, 'High'))).toMatchObject({ params: [{ name: 'G', arity: 2 }, { name: 'v', arity: 0 }], body: app('G', ref('v'), ref('v')) });
    expect(shape(def(root, '++'))).toMatchObject({ params: [{ name: 'a', arity: 0 }, { name: 'b', arity: 0 }], body: app('+', ref('a'), ref('b')) });
    expect(shape(def(root, '^+'))).toMatchObject({ params: [{ name: 'a', arity: 0 }], body: ref('a') });
  });
  it('function definitions with one and several bound variables', async () => {
    const { root } = await spec();
    const f = def(root, 'f');
    expect(f.kind).toBe('function');
    expect(shape(f)).toMatchObject({ bindings: [{ pattern: { kind: 'name', name: 'i' }, domain: app('..', num(0), ref('N')) }] });
    expect(shape(def(root, 'g'))).toMatchObject({ bindings: [{ pattern: { name: 'i' } }, { pattern: { name: 'j' } }], body: app('+', ref('i'), ref('j')) });
  });
  it('LOCAL and RECURSIVE mark the definition they apply to', async () => {
    const { root } = await spec();
    expect(def(root, 'Hidden')).toMatchObject({ local: true, recursive: false });
    expect(def(root, 'Fact')).toMatchObject({ local: false, recursive: true });
    expect(def(root, 'Plain')).toMatchObject({ local: false, recursive: false });
  });
  it('INSTANCE unnamed, named and parameterised', async () => {
    const { root } = await spec();
    const instances = root.definitions.filter((d) => d.kind === 'instance');
    expect(shape(instances)).toEqual([
      { kind: 'instance', params: [], module: 'Counter', substitutions: [{ name: 'count', expr: ref('x') }], local: false },
      { kind: 'instance', name: 'C', params: [], module: 'Counter', substitutions: [{ name: 'count', expr: ref('y') }], local: false },
      { kind: 'instance', name: 'P', params: [{ name: 'v', arity: 0 }], module: 'Counter', substitutions: [{ name: 'count', expr: ref('v') }], local: false },
      { kind: 'instance', name: 'I', params: [], module: 'Inner', substitutions: [{ name: 'w', expr: ref('z') }], local: false },
    ]);
  });
  it('qualified references through instances', async () => {
    const { root } = await spec();
    const uses = body(root, 'Uses');
    expect(uses.kind).toBe('and');
    if (uses.kind !== 'and') return;
    expect(shape(uses.args[0])).toEqual({ kind: 'ref', name: 'Incr', prefix: [{ name: 'C', args: [] }] });
    expect(shape(uses.args[1])).toEqual({ kind: 'ref', name: 'Incr', prefix: [{ name: 'P', args: [ref('z')] }] });
    expect(shape(uses.args[2])).toEqual(app('=', app('High', ref('Op'), num(1)), num(2)));
  });
});

describe('assumptions and modules', () => {
  it('ASSUME and named ASSUMPTION', async () => {
    const { root } = await spec();
    expect(shape(root.assumptions)).toEqual([{ expr: app('\\in', ref('N'), ref('Nat')) }, { name: 'Big', expr: app('>', ref('N'), num(0)) }]);
  });
  it('nested modules are parsed into submodules and registered by name', async () => {
    const { root, modules } = await spec();
    expect(root.submodules.map((m) => m.name)).toEqual(['Inner']);
    expect(shape(root.submodules[0]!.definitions)).toEqual([{ kind: 'operator', name: 'InnerOp', params: [], body: ref('w'), recursive: false, local: false }]);
    expect(root.submodules[0]!.loc).toMatchObject({ line: 31, col: 1, module: 'Inner' });
    // EXTENDS Lib and INSTANCE Counter are read from the same folder; Naturals is native
    expect([...modules.keys()].sort()).toEqual(['Counter', 'Inner', 'Lib', 'Units']);
  });
});

describe('more module forms', () => {
  it('a second top-level module in the same file can be INSTANCEd; LOCAL INSTANCE is local', async () => {
    const { root, modules } = await loadSpec(`${FIXTURES}multi/Multi.tla`);
    expect([...modules.keys()]).toEqual(['Multi', 'Helper']);
    expect(shape(root.definitions[0])).toEqual({ kind: 'instance', params: [], module: 'Helper', substitutions: [], local: true });
    expect(shape(body(root, 'Two'))).toEqual(app('Double', num(1)));
  });
  it('a prefix operator definition is named -.', async () => {
    const m = await moduleOf('-. a == 0\nB == -1');
    expect(shape(m.definitions[0])).toEqual({ kind: 'operator', name: '-.', params: [{ name: 'a', arity: 0 }], body: num(0), recursive: false, local: false });
    expect(shape(body(m, 'B'))).toEqual(app('-.', num(1)));
  });
  it('Nat and Int may be redefined (as the standard modules do)', async () => {
    const m = await moduleOf('Nat == {0, 1}');
    expect(m.definitions[0]?.name).toBe('Nat');
  });
});

describe('RECURSIVE declarations', () => {
  it('a declared operator that is never defined is an error at its declaration', async () => {
    // "RECURSIVE F(_), G" on line 2: G is at column 17
    await expect(moduleOf('RECURSIVE F(_), G\nF(n) == F(n)')).rejects.toThrow('Operator G is declared RECURSIVE but never defined');
    const e = await moduleOf('RECURSIVE F(_), G\nF(n) == F(n)').catch((x: unknown) => x as ParseError);
    expect(e.loc).toMatchObject({ line: 2, col: 17 });
  });
  it('the definition must have the declared number of arguments', async () => {
    await expect(moduleOf('RECURSIVE F(_)\nF(a, b) == F(a)')).rejects.toThrow('Operator F is declared RECURSIVE with 1 arguments but defined with 2');
  });
  it('inside LET too', async () => {
    await expect(moduleOf('A == LET RECURSIVE H(_) IN 1')).rejects.toThrow('Operator H is declared RECURSIVE but never defined');
  });
});

describe('unsupported constructs name themselves and their location', () => {
  it('real numbers', async () => {
    const e = await moduleOf('A == 1.5').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnsupportedError);
    expect((e as UnsupportedError).describe()).toBe('M.tla:2:6: Unsupported construct: real number 1.5 (TLC does not evaluate Reals)');
  });
  it('subexpression selectors other than labels and positions (Op!1 and Op!lbl: subexpr.test.ts)', async () => {
    const e = await moduleOf('Op == \\A i \\in 1..3 : i > 0\nA == Op!@').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnsupportedError);
    expect((e as UnsupportedError).describe()).toBe('M.tla:3:9: Unsupported construct: subexpression selector @ in Op!@');
  });
  it('unknown string escapes are parse errors', async () => {
    const e = await moduleOf('A == "a\\qb"').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).describe()).toBe('M.tla:2:6: Unknown escape \\q in string');
  });
});

describe('a PlusCal spec', () => {
  it('ignores the algorithm in the comment and reads its translation', async () => {
    const { root } = await loadSpec(`${FIXTURES}pluscal/Counter2.tla`);
    expect(root.variables.map((v) => v.name)).toEqual(['x', 'pc', 't']);
    expect(root.definitions.map((d) => d.name)).toEqual(['vars', 'ProcSet', 'Init', 'a', 'b', 'P', 'Terminating', 'Next', 'Spec', 'Termination']);
    // comments between the bullets of Init do not split or end the list
    const init = body(root, 'Init');
    expect(init.kind === 'and' && init.args.length).toBe(3);
    expect(shape(body(root, 'Next'))).toEqual({
      kind: 'or',
      args: [
        { kind: 'exists', bindings: [{ pattern: { kind: 'name', name: 'self' }, domain: app('..', num(1), num(2)) }], body: app('P', ref('self')) },
        ref('Terminating'),
      ],
    });
  });
});

describe('an assortment of valid forms', () => {
  it('text around the module, multi-line declarations, ---- separators, nested EXCEPT and @', async () => {
    const { root } = await loadSpec(`${FIXTURES}assorted/Assorted.tla`);
    expect(root.constants.map((c) => c.name)).toEqual(['N', 'Procs']);
    expect(root.assumptions).toHaveLength(1);
    expect(root.definitions.map((d) => d.name).join('')).toBe('ABCDEFGHIJKLMOPQ');
    expect(shape(body(root, 'C'))).toEqual({
      kind: 'except',
      fn: ref('f'),
      updates: [
        {
          path: [{ kind: 'index', args: [num(1)] }],
          value: { kind: 'except', fn: { kind: 'at' }, updates: [{ path: [{ kind: 'index', args: [num(2)] }], value: num(1) }] },
        },
      ],
    });
    // field access (precedence 17) binds tighter than prime (15): r.a' is (r.a)'
    const d = body(root, 'D');
    expect(d.kind === 'and' && shape(d.args[0])).toEqual(app('=', { kind: 'prime', expr: { kind: 'field', record: ref('r'), field: 'a' } }, num(1)));
  });
});
