// Trace validation against a small refcount spec (test/fixtures/trace/RefToy.tla, N = 4):
// every expected verdict below is worked out by hand from the spec's four actions.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadModel, validateEvents } from '../../../engine/trace/run.js';
import { parseNdjson } from '../../../engine/trace/events.js';
import { TraceFormatError } from '../../../engine/trace/errors.js';

const SPEC = join(import.meta.dirname, '../../fixtures/trace/RefToy.tla');
const model = await loadModel(SPEC);
const events = (lines: object[]) => parseNdjson(lines.map((l) => JSON.stringify(l)).join('\n'), 'log.ndjson', model.decode);

describe('global log', () => {
  test('a log the spec explains is accepted, and coverage counts each action once per event', () => {
    // ref: 1 -Get-> 2 -Bump(2)-> 4 -Put-> 3
    const r = validateEvents(model, events([
      { action: 'Get', vars: { ref: 2 } },
      { action: 'Bump', params: { k: 2 }, vars: { ref: 4 } },
      { action: 'Put', vars: { ref: 3, freed: false } },
    ]));
    expect(r.accepted).toBe(true);
    expect(r.matched).toBe(3);
    expect(Object.fromEntries(r.coverage)).toEqual({ Get: 1, Bump: 1, Put: 1 });
  });

  test('a log that skips variables is completed by the model (partial logs)', () => {
    // without vars, Put from ref = 1 must free: the last event then constrains freed only
    const r = validateEvents(model, events([{ action: 'Put' }, { action: 'Tick', vars: { freed: true } }]));
    expect(r.accepted).toBe(true);
  });

  test('the split parameter of Bump is checked: Bump(k = 1) cannot give ref = 3 from 1', () => {
    const r = validateEvents(model, events([{ action: 'Bump', params: { k: 1 }, vars: { ref: 3 } }]));
    expect(r.accepted).toBe(false);
    expect(r.rejection!.index).toBe(0);
    expect(r.rejection!.explanations[0]!.reasons[0]).toContain('Bump(k = 1) can be taken (1 successor(s)) but none agrees with the log; first: ref: model 2, log 3');
  });

  test('a rejected event names the conjunct of the action that is false, with the candidate state and the enabled actions', () => {
    // ref: 1 -Bump(2)-> 3 -Get-> 4; a second Get needs ref < N = 4: conjunct 3 fails
    const r = validateEvents(model, events([
      { action: 'Bump', params: { k: 2 }, vars: { ref: 3 } },
      { action: 'Get' },
      { action: 'Get' },
    ]));
    expect(r.accepted).toBe(false);
    const rej = r.rejection!;
    expect(rej.index).toBe(2);
    expect(rej.event.line).toBe(3);
    expect(rej.candidateCount).toBe(1);
    expect(rej.candidates[0]).toBe('/\\ ref = 4\n/\\ freed = FALSE');
    expect(rej.explanations[0]!.reasons).toEqual([
      expect.stringMatching(/^Get is not enabled: conjunct 3 of 5 is false — ref < N \(line 12, col 11 of module RefToy\)$/),
    ]);
    expect([...rej.enabled].sort()).toEqual(['Put', 'Tick']);
  });

  test('an action the spec does not have is named as such', () => {
    const r = validateEvents(model, events([{ action: 'Free' }]));
    expect(r.rejection!.explanations[0]!.reasons[0]).toMatch(/^the spec has no action named Free/);
  });

  test('silent actions may fill gaps between events, up to the bound', () => {
    // 1 -Get-> 2 -Get-> 3 is logged as only the second step
    const log = events([{ action: 'Get', vars: { ref: 3 } }]);
    expect(validateEvents(model, log).accepted).toBe(false);
    expect(validateEvents(model, log, { silent: ['Get'] }).accepted).toBe(true);
    expect(validateEvents(model, log, { silent: ['Get'], maxSilent: 0 }).accepted).toBe(false);
  });

  test('a composed event (Get \\cdot Put) matches two steps with the variables after both', () => {
    expect(validateEvents(model, events([{ action: ['Get', 'Put'], vars: { ref: 1 } }])).accepted).toBe(true);
    expect(validateEvents(model, events([{ action: ['Get', 'Put'], vars: { ref: 2 } }])).accepted).toBe(false);
  });

  test('an Init event constrains the initial state', () => {
    expect(validateEvents(model, events([{ action: 'Init', vars: { ref: 1 } }, { action: 'Get' }])).accepted).toBe(true);
    const r = validateEvents(model, events([{ action: 'Init', vars: { ref: 2 } }]));
    expect(r.accepted).toBe(false);
    expect(r.rejection!.index).toBe(0);
  });
});

describe('per-task logs with intervals', () => {
  // Task A does Get (ref 1 -> 2), task B does Put. Logged values make only one order work:
  // B's Put logs ref = 1, which is only true after A's Get (1 -> 2 -> 1).
  const a = { task: 'A', action: 'Get' };
  const b = { task: 'B', action: 'Put', vars: { ref: 1 } };

  test('overlapping intervals allow either order, and the one the values fit is found', () => {
    const r = validateEvents(model, events([{ ...b, start: 1, end: 5 }, { ...a, start: 2, end: 6 }]), { perTask: true });
    expect(r.accepted).toBe(true);
  });

  test('disjoint intervals fix the order: B ended before A started, so B must go first, and fails', () => {
    const r = validateEvents(model, events([{ ...b, start: 1, end: 2 }, { ...a, start: 3, end: 4 }]), { perTask: true });
    expect(r.accepted).toBe(false);
    expect(r.rejection!.event.actions).toEqual(['Put']);
  });
});

describe('malformed input', () => {
  test('a line that is not JSON is reported with its line number', () => {
    expect(() => parseNdjson('{"action":"Get"}\n{oops', 'bad.ndjson')).toThrowError(TraceFormatError);
    try {
      parseNdjson('{"action":"Get"}\n\n{oops', 'bad.ndjson');
    } catch (e) {
      expect((e as TraceFormatError).describe()).toMatch(/^bad\.ndjson:3: not valid JSON/);
    }
  });

  test('an event without an action, or with a variable the spec lacks, is rejected at its line', () => {
    expect(() => parseNdjson('{"vars":{}}', 't')).toThrowError(/"action" must be/);
    expect(() => parseNdjson('{"action":"Get","vars":{"refs":1}}', 't', model.decode)).toThrowError(/no variable "refs"/);
  });
});

describe('candidate states are kept apart by their whole value', () => {
  test('a VIEW that hides y does not merge the y = 0 and y = 1 candidates: a later event may pin y', async () => {
    // after one Next the candidates are (x = 1, y = 0) and (x = 1, y = 1); the VIEW gives both
    // the fingerprint of x = 1, but the second event logs y = 1, which only the second explains
    const hidden = await loadModel(join(import.meta.dirname, '../../fixtures/trace/Hidden.tla'));
    const log = parseNdjson('{"action":"Next"}\n{"action":"Next","vars":{"y":1}}', 'h.ndjson', hidden.decode);
    expect(validateEvents(hidden, log).accepted).toBe(true);
    expect(validateEvents(hidden, log, { perTask: true }).accepted).toBe(true);
  });
});
