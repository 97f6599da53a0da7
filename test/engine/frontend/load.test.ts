import { describe, expect, it } from 'vitest';
import { ParseError, TlaError } from '../../../engine/errors.js';
import { delimiter } from 'node:path';
import { LIBRARY_DIR, loadSpec, tlaPathFolders } from '../../../engine/frontend/load.js';
import { STANDARD_MODULES, standardExports } from '../../../engine/frontend/standard.js';
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

  it('ends locations at the last character, inclusive, as TLC prints them', async () => {
    const { root } = await loadSpec(`${FIX}basic/Basic.tla`);
    // "Inc(a) == a + 1" is line 8, 15 characters
    expect(def(root, 'Inc').loc).toMatchObject({ line: 8, col: 1, endLine: 8, endCol: 15 });
    // Next spans lines 11-15; line 15 is 11 spaces and the 9 characters of the last conjunct
    expect(def(root, 'Next').loc).toMatchObject({ endLine: 15, endCol: 20 });
  });
});

async function loadError(path: string): Promise<TlaError> {
  try {
    await loadSpec(`${FIX}${path}`);
  } catch (e) {
    if (e instanceof TlaError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('loading modules', () => {
  it('a missing EXTENDS module is a ParseError where it is named', async () => {
    const e = await loadError('missing/Missing.tla');
    expect(e).toBeInstanceOf(ParseError);
    // "        Nowhere" on line 3: the name starts at column 9
    expect(e.loc).toMatchObject({ line: 3, col: 9 });
    expect(e.message).toMatch(/Cannot find source file for module Nowhere/);
  });
  it('a missing INSTANCE module is a ParseError at the INSTANCE', async () => {
    const e = await loadError('missing/MissingInstance.tla');
    expect(e).toBeInstanceOf(ParseError);
    expect(e.loc).toMatchObject({ line: 3, col: 1 });
    expect(e.message).toMatch(/module Absent/);
  });
  it('a file whose module has another name', async () => {
    const e = await loadError('missing/Renamed.tla');
    expect(e.message).toBe("File name 'Renamed' does not match the name 'WrongName' of the top level module it contains");
  });
  it('a cycle of EXTENDS', async () => {
    const e = await loadError('cycle/CycA.tla');
    expect(e).toBeInstanceOf(ParseError);
    expect(e.message).toBe('Circular dependency among modules: CycA -> CycB -> CycA');
    expect(e.loc).toMatchObject({ file: `${FIX}cycle/CycB.tla`, line: 2, col: 19 });
  });
  it('Json is no longer refused: it is the bundled engine/library/Json.tla (natives in engine/eval)', async () => {
    const { modules } = await loadSpec(`${FIX}json/UsesJson.tla`);
    expect(modules.get('Json')?.loc.file).toBe(`${LIBRARY_DIR}Json.tla`);
    expect(STANDARD_MODULES.has('Json')).toBe(false);
  });
  it('a nonexistent root file', async () => {
    const e = await loadError('nope/Nope.tla');
    expect(e.message).toMatch(/Cannot read/);
  });
});

describe('the library path (TLC: spec folder, then library folders; ours: engine/library)', () => {
  it('EXTENDS TLAPS finds the bundled TLAPS.tla, whose pragmas are TRUE-valued operators', async () => {
    const { modules } = await loadSpec(`${FIX}library/UsesTlaps.tla`);
    const tlaps = modules.get('TLAPS');
    expect(tlaps?.loc.file).toBe(`${LIBRARY_DIR}TLAPS.tla`);
    // the names and arities TLAPS users cite (tlapm library/TLAPS.tla)
    const arity = (name: string): number | undefined => {
      const d = tlaps?.definitions.find((x) => x.name === name);
      return d?.kind === 'operator' ? d.params.length : undefined;
    };
    expect(['SMT', 'Zenon', 'Isa', 'PTL', 'LS4', 'CVC3', 'Yices', 'Z3', 'Auto', 'Force', 'Blast', 'SimpleArithmetic', 'SlowZenon', 'SlowestZenon', 'AllProvers', 'AllSMT', 'AllIsa', 'IsaWithSetExtensionality', 'PropositionalTemporalLogic'].map(arity)).toEqual(Array(19).fill(0));
    expect(['SMTT', 'ZenonT', 'IsaT', 'IsaM', 'AllProversT'].map(arity)).toEqual([1, 1, 1, 1, 1]);
    expect(arity('IsaMT')).toBe(2);
  });
  it("a module of the same name in the spec's folder wins over the bundled one", async () => {
    const { modules } = await loadSpec(`${FIX}libshadow/Shadow.tla`);
    expect(modules.get('TLAPS')?.loc.file).toBe(`${FIX}libshadow/TLAPS.tla`);
    expect(modules.get('TLAPS')?.definitions.map((d) => d.name)).toEqual(['Mine']);
  });
  it("libraryPath folders (TLC's -DTLA-Library) come after the spec's folder and before the bundled library", async () => {
    const { modules } = await loadSpec(`${FIX}libpath/spec/UsesExtra.tla`, { libraryPath: [`${FIX}libpath/extra`] });
    expect(modules.get('Extra')?.loc.file).toBe(`${FIX}libpath/extra/Extra.tla`);
    expect(modules.get('TLAPS')?.definitions.map((d) => d.name)).toEqual(['FromExtra']);
    // without it, Extra is nowhere; the message lists every folder looked in
    await expect(loadSpec(`${FIX}libpath/spec/UsesExtra.tla`)).rejects.toThrow(/Cannot find source file for module Extra/);
    await expect(loadSpec(`${FIX}libpath/spec/UsesExtra.tla`, { libraryPath: ['/nonexistent'] })).rejects.toThrow(
      `Cannot find source file for module Extra (looked for ${FIX}libpath/spec/Extra.tla, then in /nonexistent, rdsib's bundled library)`,
    );
  });
  it('TLA_PATH folders (PATH syntax) are searched after libraryPath, as TLC does', async () => {
    expect(tlaPathFolders({ TLA_PATH: `/a${delimiter}${delimiter}/b` })).toEqual(['/a', '/b']);
    expect(tlaPathFolders({})).toEqual([]);
    const saved = process.env.TLA_PATH;
    process.env.TLA_PATH = `${FIX}libpath/extra`;
    try {
      const { modules } = await loadSpec(`${FIX}libpath/spec/UsesExtra.tla`);
      expect(modules.get('Extra')?.loc.file).toBe(`${FIX}libpath/extra/Extra.tla`);
    } finally {
      if (saved === undefined) delete process.env.TLA_PATH;
      else process.env.TLA_PATH = saved;
    }
  });
  it('a module in neither folder is reported at its name, with the file the user would write', async () => {
    const e = await loadError('missing/Missing.tla');
    expect(e.message).toBe(`Cannot find source file for module Nowhere (looked for ${FIX}missing/Nowhere.tla, then in rdsib's bundled library)`);
  });
});

describe('INSTANCE of a module whose parameters come from a module it EXTENDS', () => {
  it('may substitute the inherited CONSTANT and VARIABLE', async () => {
    const { modules } = await loadSpec(`${FIX}inherit/MC.tla`);
    expect([...modules.keys()].sort()).toEqual(['Algo', 'MC', 'Params']);
  });
});

describe('STANDARD_MODULES', () => {
  it('lists each standard module with the operators and arities the resolver needs', () => {
    expect(STANDARD_MODULES.get('Sequences')?.operators).toMatchObject({ Seq: 1, Len: 1, '\\o': 2, Append: 2, Head: 1, Tail: 1, SubSeq: 3, SelectSeq: 2 });
    expect(STANDARD_MODULES.get('FiniteSets')?.operators).toEqual({ IsFiniteSet: 1, Cardinality: 1 });
    expect(STANDARD_MODULES.get('TLC')?.operators).toMatchObject({ Print: 2, Assert: 2, ':>': 2, '@@': 2, Permutations: 1, SortSeq: 2, ToString: 1, TLCGet: 1, TLCSet: 2 });
    expect(STANDARD_MODULES.get('Bags')?.operators).toMatchObject({ EmptyBag: 0, '(+)': 2, '(-)': 2, BagIn: 2, CopiesIn: 2, '\\sqsubseteq': 2 });
    // Integers re-exports Naturals (it EXTENDS it); Sequences only LOCAL INSTANCEs it
    expect([...standardExports('Integers').keys()]).toEqual(expect.arrayContaining(['Nat', '+', 'Int', '-.']));
    expect(standardExports('Sequences').has('+')).toBe(false);
  });
});
