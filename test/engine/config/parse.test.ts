// The cfg grammar of tlc2/tool/impl/ModelConfig.java, one behaviour per test; every snippet is
// written here by hand and the expected parse is read off the snippet.
import { describe, expect, it } from 'vitest';
import { ConfigError, ExitCode } from '../../../engine/errors.js';
import { parseConfig } from '../../../engine/config/parse.js';

const F = 'MC.cfg';

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, F);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('cfg values on the right of =', () => {
  it('reads numbers, negative numbers, strings, booleans, model values and nested sets', () => {
    const c = parseConfig(
      `CONSTANTS
         N = 3  M = -2  S = "a\\"b"  B = TRUE  C = FALSE  p = p1
         Procs = {p1, p2}  Nested = {{1, 2}, {}, {"x"}}`,
      F,
    );
    const v = Object.fromEntries(c.constants.map((e) => [e.name, e.kind === 'value' ? e.value : e.op]));
    expect(v).toEqual({
      N: { kind: 'int', value: 3n },
      M: { kind: 'int', value: -2n },
      S: { kind: 'str', value: 'a"b' },
      B: { kind: 'bool', value: true },
      C: { kind: 'bool', value: false },
      p: { kind: 'modelValue', name: 'p1' },
      Procs: { kind: 'set', elems: [{ kind: 'modelValue', name: 'p1' }, { kind: 'modelValue', name: 'p2' }] },
      Nested: {
        kind: 'set',
        elems: [
          { kind: 'set', elems: [{ kind: 'int', value: 1n }, { kind: 'int', value: 2n }] },
          { kind: 'set', elems: [] },
          { kind: 'set', elems: [{ kind: 'str', value: 'x' }] },
        ],
      },
    });
  });

  it('reads substitutions, module-specific forms, instance paths and arguments', () => {
    const c = parseConfig('CONSTANT Op <- MyOp\n Max <- [Naturals] Lim\n K = [Inner] 4\n A!B!C = 1\n F(1, x) = 2', F);
    expect(c.constants.map(({ loc: _l, ...e }) => e)).toEqual([
      { kind: 'substitute', name: 'Op', instancePath: [], op: 'MyOp' },
      { kind: 'substitute', name: 'Max', instancePath: [], module: 'Naturals', op: 'Lim' },
      { kind: 'value', name: 'K', instancePath: [], module: 'Inner', value: { kind: 'int', value: 4n } },
      { kind: 'value', name: 'C', instancePath: ['A', 'B'], value: { kind: 'int', value: 1n } },
      { kind: 'value', name: 'F', instancePath: [], value: { kind: 'int', value: 2n }, args: [{ kind: 'int', value: 1n }, { kind: 'modelValue', name: 'x' }] },
    ]);
    expect(c.constants[3]!.loc).toMatchObject({ file: F, line: 4, col: 2 });
  });
});

describe('sections', () => {
  it('collects every keyword, list sections in file order across repeated headers', () => {
    const c = parseConfig(
      `INIT Init NEXT Next
       INVARIANT TypeOK Safe INVARIANTS Other
       PROPERTY P PROPERTIES Q R
       CONSTRAINT Bound CONSTRAINTS Bound2
       ACTION_CONSTRAINT AC ACTION_CONSTRAINTS AC2
       SYMMETRY Sym VIEW V ALIAS Al
       POSTCONDITION Post POSTCONDITIONS Post2
       CHECK_DEADLOCK FALSE`,
      F,
    );
    const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name);
    expect(c.init?.name).toBe('Init');
    expect(c.next?.name).toBe('Next');
    expect(c.specification).toBeUndefined();
    expect(names(c.invariants)).toEqual(['TypeOK', 'Safe', 'Other']);
    expect(names(c.properties)).toEqual(['P', 'Q', 'R']);
    expect(names(c.constraints)).toEqual(['Bound', 'Bound2']);
    expect(names(c.actionConstraints)).toEqual(['AC', 'AC2']);
    expect(names(c.postconditions)).toEqual(['Post', 'Post2']);
    expect([c.symmetry?.name, c.view?.name, c.alias?.name]).toEqual(['Sym', 'V', 'Al']);
    expect(c.checkDeadlock).toBe(false);
    expect(c.invariants[1]!.loc).toMatchObject({ line: 2, col: 25 });
  });

  it('leaves CHECK_DEADLOCK undefined when absent (TLC default TRUE is applied later)', () => {
    expect(parseConfig('SPECIFICATION Spec', F).checkDeadlock).toBeUndefined();
  });

  it('skips \\* line comments and nested (* *) comments', () => {
    const c = parseConfig('\\* header\n(* outer (* inner *) still comment INIT Bad *)\nSPECIFICATION Spec \\* trailing\n', F);
    expect(c.specification).toMatchObject({ name: 'Spec', loc: { line: 3, col: 15 } });
    expect(c.init).toBeUndefined();
  });
});

describe('errors carry file:line:col and exit 151', () => {
  it.each([
    ['INIT A\nINIT B', 2, 1, 'the keyword INIT appeared twice'],
    ['SPECIFICATION S\nNEXT N', 2, 1, 'cannot specify both INIT/NEXT and SPECIFICATION'],
    ['INIT I\n  SPECIFICATION S', 2, 3, 'cannot specify both INIT/NEXT and SPECIFICATION'],
    ['CHECK_DEADLOCK TRUE CHECK_DEADLOCK FALSE', 1, 21, 'CHECK_DEADLOCK appeared twice'],
    ['CHECK_DEADLOCK maybe', 1, 16, 'expected TRUE or FALSE'],
    ['VIEW V\nVIEW W', 2, 1, 'VIEW appeared twice'],
    ['CONSTANT N 3', 1, 12, "expected '=' or '<-'"],
    ['CONSTANT S = {1, 2', 1, 19, "expected '}'"],
    ['INIT', 1, 5, 'was not followed by an identifier'],
    ['Init', 1, 1, 'expected a keyword'],
    ['INIT I (* open', 1, 8, 'never closed'],
    ['CONSTANT N = 1 ;', 1, 16, "unexpected character ';'"],
  ])('%j → %i:%i', (text, line, col, msg) => {
    const e = errorOf(text);
    expect(e.exitCode).toBe(ExitCode.configError);
    expect(e.loc).toMatchObject({ file: F, line, col });
    expect(e.message).toContain(msg);
    expect(e.describe()).toMatch(new RegExp(`^MC\\.cfg:${line}:${col}: `));
  });
});
