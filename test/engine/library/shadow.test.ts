// A module of the spec's own folder wins over the bundled one of the same name (the loader's
// search order), and TLC's overrides follow the module NAME: a user's copy of FiniteSetsExt still
// folds in TLC's order, while a definition whose arity differs from the override's is the user's
// (TLC too ignores an override whose signature does not match, with a warning).
import { describe, expect, it } from 'vitest';
import { compile } from '../eval/helpers.js';
import { format } from '../../../engine/values/print.js';

const at = { file: 'test', module: 'M', line: 1, col: 1, endLine: 1, endCol: 1 };

describe('a user module named like a bundled one', () => {
  it("is the one loaded, with TLC's override of a same-arity operator and its own other definitions", async () => {
    const spec = await compile(
      {
        M: 'EXTENDS FiniteSetsExt, Sequences\nVARIABLE v\nInit == v = 0\nA == FoldSet(LAMBDA x, acc : Append(acc, x), <<>>, {2, 1})\nB == Max(3, 4)\nC == Mine',
        // the user's FiniteSetsExt: a FoldSet of the override's arity, a Max with one argument
        // more than the override's, and an operator of its own
        FiniteSetsExt: 'EXTENDS Naturals\nFoldSet(op(_,_), base, set) == "the user\'s"\nMax(a, b) == IF a > b THEN a ELSE b\nMine == "mine"',
      },
      'INIT Init\n',
    );
    const ev = (name: string) => format(spec.evaluate({ kind: 'ref', name, prefix: [], loc: at }, null));
    // overridden: base <<>>, then 1, then 2 appended
    expect(ev('A')).toBe('<<1, 2>>');
    // not overridden (arity 2, the override's Max takes 1): the user's definition
    expect(ev('B')).toBe('4');
    expect(ev('C')).toBe('"mine"');
  });
});
