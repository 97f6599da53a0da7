// A location ends at the last character of the node's last token, as SANY's do (TLC prints
// "line 5, col 1 to line 6, col 18 of module L"): not at the start of the next line where a
// bulleted list is closed, not on trailing blanks, not inside a trailing comment. The expected
// columns are counted by hand on the module below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../engine/frontend/load.js';

const TEXT = [
  '---- MODULE L ----', // 1
  'EXTENDS Naturals', // 2
  'VARIABLE x', // 3
  'Init == x = 0', // 4
  "A == /\\ x < 3", // 5
  "     /\\ x' = x + 1", // 6: 18 characters
  '', // 7
  '  ', // 8: blanks only
  "B == \\/ x = 3 /\\ x' = 0  ", // 9: 23 characters then two blanks
  '   \\* trailing comment', // 10
  "C == x' = x   ", // 11: 11 characters then three blanks
  "D == x' = x (* a block comment *)", // 12: 11 characters
  '====',
].join('\n');

async function defLocs(): Promise<Record<string, [number, number, number, number]>> {
  const dir = mkdtempSync(join(tmpdir(), 'rdsib-locs-'));
  writeFileSync(join(dir, 'L.tla'), TEXT);
  const { root } = await loadSpec(join(dir, 'L.tla'));
  return Object.fromEntries(root.definitions.map((d) => [d.name, [d.loc.line, d.loc.col, d.loc.endLine, d.loc.endCol]]));
}

describe('locations end at the last character of the last token', () => {
  it('a bulleted list followed by blank lines ends on its last line', async () => {
    expect((await defLocs()).A).toEqual([5, 1, 6, 18]);
  });
  it('trailing blanks and a comment on the next line are not part of it', async () => {
    expect((await defLocs()).B).toEqual([9, 1, 9, 23]);
  });
  it('trailing blanks on the same line and a trailing block comment are not part of it', async () => {
    const l = await defLocs();
    expect(l.C).toEqual([11, 1, 11, 11]);
    expect(l.D).toEqual([12, 1, 12, 11]);
  });
});
