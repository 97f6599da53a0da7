// INSTANCE inside LET (SANY accepts `LET M == INSTANCE Mod WITH ... IN M!Op`; TLC evaluates it
// like a named instance whose substitutions are read where the LET is).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../engine/check/pipeline.js';

const DIR = join(import.meta.dirname, '../../fixtures/eval/letinstance');

describe('INSTANCE inside LET', () => {
  it('steps by k in {1, 2} through the instance while x < 5: states 0..6, 1 + 5 x 2 generated, depth 4', async () => {
    const { result } = await checkFile(join(DIR, 'LetInstance.tla'));
    expect(result.outcome.kind).toBe('ok');
    expect(result).toMatchObject({ distinct: 7, generated: 11, depth: 4 });
  });

  it('an invariant read through a LET instance fails at x = 4, reached shortest as 0 -> 2 -> 4', async () => {
    const { spec, result } = await checkFile(join(DIR, 'LetInstance.tla'), { cfgPath: join(DIR, 'LetInstanceSmall.cfg') });
    expect(result.outcome).toMatchObject({ kind: 'invariant', name: 'Small' });
    const trace = result.outcome.kind === 'invariant' ? result.outcome.trace : [];
    expect(trace.map((s) => spec.formatState(s.state))).toEqual(['x = 0', 'x = 2', 'x = 4']);
  });
});
