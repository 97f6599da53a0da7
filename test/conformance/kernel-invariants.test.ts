// The validator's invariant report along an accepted log (engine/trace/validate.ts, option
// `invariants`), which the kernel traces use to show that the real kernel reaches the model's
// S12 state. A small spec written here; every expected value is worked out by hand.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, validateEvents } from '../../engine/trace/run.js';
import { parseNdjson } from '../../engine/trace/events.js';

const dir = mkdtempSync(join(tmpdir(), 'kernel-invariants-'));
const SPEC = join(dir, 'Counter.tla');
writeFileSync(SPEC, `---- MODULE Counter ----
EXTENDS Naturals
VARIABLES ref, freed
Init == ref = 1 /\\ freed = FALSE
Get == ~freed /\\ ref' = ref + 1 /\\ UNCHANGED freed
Bump(k) == ~freed /\\ ref' = ref + k /\\ UNCHANGED freed
Put == ref > 0 /\\ ref' = ref - 1 /\\ freed' = (ref = 1)
Next == Get \\/ Put \\/ (\\E k \\in 1..2 : Bump(k))
Small == ref < 3
Alive == ~freed
====
`);
const model = await loadModel(SPEC, undefined, 'INIT Init\nNEXT Next\nINVARIANTS Small Alive\n');
const log = (lines: object[]) => parseNdjson(lines.map((l) => JSON.stringify(l)).join('\n'), 'log.ndjson', model.decode);

describe('invariants along an accepted global log', () => {
  test('the first event after which a consistent state violates each invariant, in log order', () => {
    // ref 1 -Get-> 2 -Get-> 3 (Small false) -Put-> 2 -Put-> 1 -Put-> 0, freed (Alive false)
    const r = validateEvents(model, log([{ action: 'Get' }, { action: 'Get' }, { action: 'Put' }, { action: 'Put' }, { action: 'Put' }]), { invariants: true });
    expect(r.accepted).toBe(true);
    expect(r.violations!.map((v) => [v.invariant, v.index, v.event.line, v.violating, v.of])).toEqual([
      ['Small', 1, 2, 1, 1],
      ['Alive', 4, 5, 1, 1],
    ]);
    expect(r.violations![0]!.state).toBe('/\\ ref = 3\n/\\ freed = FALSE');
  });

  test('when the log leaves a choice, the count says in how many of the consistent states the invariant fails', () => {
    // Bump with k unlogged: ref 2 or 3; only ref = 3 violates Small
    const r = validateEvents(model, log([{ action: 'Bump' }]), { invariants: true });
    expect(r.violations).toEqual([expect.objectContaining({ invariant: 'Small', index: 0, violating: 1, of: 2 })]);
  });

  test('a log that keeps every invariant reports none; without the option nothing is evaluated', () => {
    const events = log([{ action: 'Get' }, { action: 'Put' }]);
    expect(validateEvents(model, events, { invariants: true }).violations).toEqual([]);
    expect(validateEvents(model, events).violations).toBeUndefined();
  });
});
