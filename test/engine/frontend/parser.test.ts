// The parser stage: tab expansion, locations mapped back to the original text, and syntax
// errors reported as ParseError at `file:line:col`.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../engine/errors.js';
import { parseModuleText } from '../../../engine/frontend/load.js';
import { expandTabs, tlaParser } from '../../../engine/frontend/parser.js';
import { body, FIXTURES, moduleOf, ref, shape } from './helpers.js';

async function parseError(text: string, file = 'M.tla'): Promise<ParseError> {
  try {
    await parseModuleText(file, text);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError');
}

describe('tab expansion', () => {
  it('expands each tab to the next multiple of 8 columns', () => {
    expect(expandTabs('a\tb')).toBe('a       b'); // a at col 0, tab fills 1..7
    expect(expandTabs('\t\tx')).toBe(' '.repeat(16) + 'x');
    expect(expandTabs('1234567\tx')).toBe('1234567 x');
    expect(expandTabs('12345678\tx')).toBe('12345678' + ' '.repeat(8) + 'x');
    expect(expandTabs('no tabs')).toBe('no tabs');
  });

  it('keeps a junction list aligned with tabs and reports original columns', async () => {
    // Tabs.tla line 3 is "Init ==<TAB>/\ x = 0": "Init ==" fills columns 1-7, the tab is
    // column 8 and widens to reach 0-based column 8, so the bullet is at column 9 both in the
    // original and expanded text; line 4's "<TAB>/\ x = 1" puts its bullet at expanded column
    // 9 too (original column 2), so both bullets belong to one list.
    const text = await readFile(`${FIXTURES}Tabs.tla`, 'utf8');
    const [m] = await parseModuleText(`${FIXTURES}Tabs.tla`, text.replace(/^Bad.*$/m, ''));
    const init = body(m!, 'Init');
    expect(init.kind).toBe('and');
    if (init.kind !== 'and') return;
    expect(init.args).toHaveLength(2);
    expect(init.loc).toMatchObject({ line: 3, col: 9 });
    // the second conjunct "x = 1 \/ x = 2" starts at x: original column 5 (tab 1, bullet 2-3)
    expect(init.args[1]!.loc).toMatchObject({ line: 4, col: 5 });
  });
});

describe('syntax errors', () => {
  it('reports file:line:col of the first error and what was found', async () => {
    const e = await parseError('---- MODULE M ----\nA == 1\nB == ) 2\n====\n');
    expect(e.loc).toMatchObject({ file: 'M.tla', line: 3, col: 6 });
    expect(e.describe()).toMatch(/^M\.tla:3:6: Syntax error: unexpected '\)'/);
  });

  it('names the bracket that is never closed', async () => {
    const e = await parseError('---- MODULE M ----\nA == (1 + 2\nB == 3\n====\n');
    expect(e.message).toContain("'(' at line 2, col 6 is never closed");
    // like SANY's parser, stop at the first token that cannot continue the expression: B
    expect(e.loc).toMatchObject({ line: 3, col: 1 });
    // [A]_v and <<A>>_v are closed by their subscript markers, so the culprit is the (
    const sub = await parseError('---- MODULE M ----\nA == [][x]_y /\\ <<x>>_y /\\ (1 +\n====\n');
    expect(sub.message).toContain("'(' at line 2, col 28 is never closed");
  });

  it('a missing ELSE is found at the next line, a mid-line error where it is', async () => {
    const ifError = await parseError('---- MODULE M ----\nA == IF TRUE THEN 1\nB == 3\n====\n');
    expect(ifError.describe()).toBe("M.tla:3:1: Syntax error: unexpected 'B' (the text before it is incomplete)");
    // "A == \\E y \\in {1} y = 1": the `:` is missing before the second y, at column 19
    const colonError = await parseError('---- MODULE M ----\nA == \\E y \\in {1} y = 1\nB == 3\n====\n');
    expect(colonError.loc).toMatchObject({ line: 2, col: 19 });
  });

  it('an incomplete definition is reported where the next line starts', async () => {
    // "Bad ==<TAB><TAB>x +" on line 6 lacks the right operand of +; the parser only finds
    // out at the `====` line (7), where SANY too reports "Encountered ====".
    const text = await readFile(`${FIXTURES}Tabs.tla`, 'utf8');
    const e = await parseError(text, 'Tabs.tla');
    expect(e.describe()).toBe("Tabs.tla:7:1: Syntax error: unexpected '====' (the text before it is incomplete)");
  });

  it('columns after tabs are those of the original text', async () => {
    // "A ==<TAB>)": A 1, space 2, == 3-4, tab 5 (expands to 0-based column 8), ) at column 6
    const e = await parseError('---- MODULE M ----\nA ==\t)\n====\n');
    expect(e.loc).toMatchObject({ line: 2, col: 6 });
  });

  it('a module without its ==== line says so, at the end of the file', async () => {
    const e = await parseError('---- MODULE M ----\nVARIABLE x\nInit == x = 0\n\n');
    expect(e.describe()).toBe('M.tla:3:1: Syntax error: module M is not ended by a line of ==== (at least four =)');
    // a nested module's ==== closes only the nested module
    const nested = await parseError('---- MODULE M ----\n---- MODULE Inner ----\n====\nA == 1\n');
    expect(nested.describe()).toBe('M.tla:4:1: Syntax error: module M is not ended by a line of ==== (at least four =)');
  });

  it('an expression cut short by the next definition points at its ==', async () => {
    // line 2 "Init == x = 1 +" lacks an operand; line 4 "Next == x" has == at column 6
    const e = await parseError('---- MODULE M ----\nInit == x = 1 +\n\nNext == x\n====\n');
    expect(e.describe()).toBe("M.tla:4:6: Syntax error: unexpected '==' (a definition starts here, so the expression before it is incomplete)");
  });

  it('a missing element is reported as an expected expression', async () => {
    // "A == {1, 2,}": the element after the last comma is missing at column 12
    const e = await parseError('---- MODULE M ----\nA == {1, 2,}\n====\n');
    expect(e.describe()).toBe('M.tla:2:12: Syntax error: expected an expression');
  });

  it('an unclosed block comment is reported where it opens', async () => {
    const e = await parseError('---- MODULE M ----\nA == 1 \\* (* in a line comment does not count\n  (* open (* nested *) still open\nB == "(*"\n====\n');
    expect(e.describe()).toBe('M.tla:3:3: Syntax error: this comment (* is never closed by *)');
  });

  it('a file without a module header is an error, not a crash', async () => {
    const e = await parseError('A == 1\n');
    expect(e.message).toMatch(/No module found/);
  });

  it('a malformed PlusCal algorithm inside a comment is ignored, as TLC ignores it', async () => {
    const m = await moduleOf('(* --algorithm broken { while ( } *)\nA == 1');
    expect(shape(body(m, 'A'))).toEqual({ kind: 'num', value: '1n' });
  });

  it('comments anywhere between tokens are skipped', async () => {
    const m = await moduleOf('A == (* one *) B \\* two\n  (* three *)');
    expect(shape(body(m, 'A'))).toEqual(ref('B'));
  });
});

describe('the parser is created once', () => {
  it('returns the same parser object every time', async () => {
    expect(await tlaParser()).toBe(await tlaParser());
  });
});

describe('line endings', () => {
  it('a CRLF file gives the same AST and locations as its LF original', async () => {
    const lf = await readFile(`${FIXTURES}basic/Basic.tla`, 'utf8');
    const [a] = await parseModuleText('Basic.tla', lf);
    const [b] = await parseModuleText('BasicCRLF.tla', lf.replace(/\n/g, '\r\n'));
    expect(shape(b)).toEqual({ ...(shape(a) as object), file: 'BasicCRLF.tla' });
    expect(b!.definitions.map((d) => [d.loc.line, d.loc.col, d.loc.endLine, d.loc.endCol])).toEqual(
      a!.definitions.map((d) => [d.loc.line, d.loc.col, d.loc.endLine, d.loc.endCol]),
    );
  });
});
