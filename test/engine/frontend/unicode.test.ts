// Unicode TLA+ (SANY since tlaplus/tlaplus PR #896): a spec written with Unicode symbols is the
// same module as its ASCII spelling, strings and comments keep their characters, and errors
// point at the user's own line and column.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../engine/errors.js';
import { parseModuleText } from '../../../engine/frontend/load.js';
import { asciiSymbols, UNICODE_TO_ASCII } from '../../../engine/frontend/unicode.js';
import { body, FIXTURES, shape, str } from './helpers.js';

async function parseError(text: string): Promise<ParseError> {
  try {
    await parseModuleText('U.tla', text);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError');
}

describe('asciiSymbols: the symbols the grammar lacks, spelled in ASCII', () => {
  it('replaces prime and box-drawing lines one character for one', () => {
    expect(asciiSymbols("x′ = x + 1")).toBe("x' = x + 1");
    expect(asciiSymbols('──── MODULE M ────\n════')).toBe('---- MODULE M ----\n====');
    for (const [u, a] of UNICODE_TO_ASCII) expect([u.length, a.length]).toEqual([1, 1]); // columns never move
  });
  it('leaves strings, line comments and nested block comments as written', () => {
    const text = 'a′ = "x′\\"′" \\* b′\n(* c′ (* d′ *) e′ *) f′';
    expect(asciiSymbols(text)).toBe('a\' = "x′\\"′" \\* b′\n(* c′ (* d′ *) e′ *) f\'');
  });
  it('ends a string at the end of its line (a stray quote before the module header)', () => {
    expect(asciiSymbols('say "hi\n──── MODULE M ────')).toBe('say "hi\n---- MODULE M ----');
  });
  it('returns text without any of the symbols unchanged', () => {
    const text = "---- MODULE M ----\nx' ≜ ⟨1⟩\n====";
    expect(asciiSymbols(text)).toBe(text);
  });
});

describe('a Unicode spec is the module of its ASCII spelling', () => {
  it('Uni.tla (≜ ∈ ∀ ∃ ↦ → ⟨⟩ □ ◇ ↝ ∧ ∨ ¬ ⇒ ≡ ⇔ ≠ ≤ ≥ ⊆ ∪ ∩ × ∘ ⋅ ∷ ‥ ′ ─ ═) and Ascii.tla have the same AST', async () => {
    const read = async (name: string) => (await parseModuleText(`${FIXTURES}unicode/${name}`, await readFile(`${FIXTURES}unicode/${name}`, 'utf8')))[0]!;
    const uni = await read('Uni.tla');
    const ascii = await read('Ascii.tla');
    expect({ ...(shape(uni) as object), file: '' }).toEqual({ ...(shape(ascii) as object), file: '' });
    // the string keeps its Unicode characters in both files
    const next = body(uni, 'Next');
    expect(JSON.stringify(shape(next))).toContain(JSON.stringify(str('a′─b')));
  });
  it('keeps columns: a definition after Unicode symbols starts where the user wrote it', async () => {
    const [m] = await parseModuleText('U.tla', '──── MODULE U ────\nVARIABLE x\nN ≜ x′ = ⟨x⟩\n════\n');
    // "N ≜ x′ = ⟨x⟩": the tuple's ⟨ is the 10th character of line 3
    const n = body(m!, 'N');
    expect(n.kind === 'apply' && n.args[1]!.loc).toMatchObject({ line: 3, col: 10, endLine: 3, endCol: 12 });
  });
});

describe('errors in Unicode text are at the original line:col', () => {
  it('an unknown symbol after Unicode symbols and a tab', async () => {
    // line 3 "Init ≜<TAB>x ∈ {1} ∧ x ⊰ 2": the tab is column 7, so ⊰ is column 20
    const e = await parseError('──── MODULE Bad ────\nVARIABLE x\nInit ≜\tx ∈ {1} ∧ x ⊰ 2\n════\n');
    expect(e.describe()).toBe("U.tla:3:20: Syntax error: unexpected '⊰'");
  });
  it('an unclosed ⟨ is named as the user wrote it', async () => {
    const e = await parseError('──── MODULE Bad ────\nVARIABLE x\nInit ≜ x′ = ⟨1, 2\n════\n');
    expect(e.describe()).toBe("U.tla:4:1: Syntax error: unexpected '════' ('⟨' at line 3, col 13 is never closed; the text before it is incomplete)");
  });
});

describe("every infix symbol of the TLA+ Unicode table (tlaplus/rfcs unicode/tla-unicode.csv) is its ASCII operator", () => {
  // Unicode → the first ASCII spelling of the same row
  const table: readonly (readonly [string, string])[] = [
    ['≔', ':='], ['⩴', '::='], ['≈', '\\approx'], ['⊢', '|-'], ['⊨', '|='], ['⊣', '-|'], ['⫤', '=|'], ['≍', '\\asymp'],
    ['≅', '\\cong'], ['≐', '\\doteq'], ['≫', '\\gg'], ['≪', '\\ll'], ['≺', '\\prec'], ['≻', '\\succ'], ['⪯', '\\preceq'],
    ['⪰', '\\succeq'], ['∝', '\\propto'], ['∼', '\\sim'], ['≃', '\\simeq'], ['⊏', '\\sqsubset'], ['⊐', '\\sqsupset'],
    ['⊑', '\\sqsubseteq'], ['⊒', '\\sqsupseteq'], ['⊂', '\\subset'], ['⊃', '\\supset'], ['⊇', '\\supseteq'], ['…', '...'],
    ['⊕', '(+)'], ['⊖', '(-)'], ['‖', '||'], ['⊙', '(.)'], ['⊘', '(/)'], ['⊗', '(\\X)'], ['◯', '\\bigcirc'], ['●', '\\bullet'],
    ['÷', '\\div'], ['⋆', '\\star'], ['⁇', '??'], ['⊓', '\\sqcap'], ['⊔', '\\sqcup'], ['⊎', '\\uplus'], ['≀', '\\wr'], ['‼', '!!'], ['⇸', '-+->'],
    ['≤', '<='], ['≥', '>='], ['≠', '/='], ['∈', '\\in'], ['∉', '\\notin'], ['⊆', '\\subseteq'], ['∪', '\\cup'], ['∩', '\\cap'], ['‥', '..'], ['∘', '\\o'],
  ];
  it.each(table)('%s is %s', async (u, a) => {
    const [m] = await parseModuleText('U.tla', `---- MODULE U ----\nX == 1 ${u} 2\nY == 1 ${a} 2\n====\n`);
    expect(shape(body(m!, 'X'))).toEqual(shape(body(m!, 'Y')));
  });
});
