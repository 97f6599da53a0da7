// Bad input must end in a located TlaError, never in a crash: the front end is fed mutated
// versions of real fixtures (characters deleted, inserted, or swapped for TLA+ punctuation).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TlaError } from '../../../engine/errors.js';
import { parseModuleText } from '../../../engine/frontend/load.js';
import { resolveSpec } from '../../../engine/frontend/resolve.js';
import { FIXTURES } from './helpers.js';

const SOURCES = ['basic/Basic.tla', 'pluscal/Counter2.tla', 'unicode/Uni.tla', 'subexpr/Labels.tla'].map((f) => readFileSync(`${FIXTURES}${f}`, 'utf8'));
const PIECES = ['(', ')', '[', ']', '{', '}', '<<', '>>', '/\\', '\\/', '==', '\t', '\n', '"', '\\', '!', '@', ':', ',', 'EXCEPT', 'LET', 'IN', 'x', '1', '(*', '*)', '\\*', '′', '─', '═', '⟨', '⟩', '≜', '∀', '😀', '!1', '!<<', '!lbl', '::'];

const mutation = fc.record({
  source: fc.integer({ min: 0, max: SOURCES.length - 1 }),
  at: fc.nat(),
  drop: fc.integer({ min: 0, max: 6 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }),
});

describe('mutated specs', () => {
  it('either load or fail with a TlaError that has a location', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async ({ source, at, drop, insert }) => {
        const text = SOURCES[source]!;
        const pos = at % text.length;
        const mutated = text.slice(0, pos) + insert.join(' ') + text.slice(pos + drop);
        try {
          const [root] = await parseModuleText('Mut.tla', mutated);
          resolveSpec({ root: root!, modules: new Map([[root!.name, root!]]) });
        } catch (e) {
          expect(e).toBeInstanceOf(TlaError);
          const loc = (e as TlaError).loc;
          expect(loc?.line).toBeGreaterThanOrEqual(1);
          expect(loc?.col).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
