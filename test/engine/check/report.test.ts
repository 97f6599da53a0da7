// TLC's text (tlc2/output/MP.java wording) for the outcomes of tiny hand-checked searches.
import { describe, expect, it } from 'vitest';
import { search } from '../../../engine/check/bfs.js';
import { itfTrace } from '../../../engine/check/itf.js';
import { traceDot } from '../../../engine/check/dot.js';
import { actionText, durationText, initDoneText, progressText, resultText } from '../../../engine/check/report.js';
import type { Value } from '../../../engine/values/value.js';
import { EvalError } from '../../../engine/errors.js';
import { fakeSpec, loc } from './fake.js';

const at = new Date(2026, 0, 2, 3, 4, 5);

/** x: 0 -> 1 -> 2, invariant x < 2 (lines 4 and 10 of module Fake, see fake.ts's loc()). */
const spec = fakeSpec({
  variables: ['x'],
  init: () => [[0]],
  actions: [{ name: 'Inc', line: 4, next: ([x]) => [[x! + 1]] }],
  invariants: [['Small', ([x]) => x! < 2]],
});

describe('TLC-style report', () => {
  it('prints an invariant violation with the numbered behaviour and the counts', () => {
    const r = search(spec);
    const lines = resultText(spec, { ...r, elapsedMs: 1200 }, at);
    expect(lines).toEqual([
      'Error: Invariant Small is violated.',
      'Error: The behavior up to this point is:',
      'State 1: <Initial predicate>',
      '/\\ x = 0',
      '',
      'State 2: <Inc line 4, col 1 to line 4, col 20 of module Fake>',
      '/\\ x = 1',
      '',
      'State 3: <Inc line 4, col 1 to line 4, col 20 of module Fake>',
      '/\\ x = 2',
      '',
      // 1 initial + 2 successors generated; all 3 inserted; nothing left; 3 levels.
      '3 states generated, 3 distinct states found, 0 states left on queue.',
      'The depth of the complete state graph search is 3.',
      'Finished in 01s at (2026-01-02 03:04:05)',
    ]);
  });

  it('prints an evaluation error with the behaviour up to the failing state and where it failed', () => {
    const bad = fakeSpec({
      variables: ['x'],
      init: () => [[0]],
      actions: [
        {
          name: 'Inc',
          line: 4,
          next: ([x]) => {
            if (x === 1) throw new EvalError('f applied outside its domain', loc(9));
            return [[x! + 1]];
          },
        },
      ],
    });
    const lines = resultText(bad, search(bad), at);
    expect(lines.slice(0, 8)).toEqual([
      'Error: Fake.tla:9:1: f applied outside its domain',
      'Error: The behavior up to this point is:',
      'State 1: <Initial predicate>',
      '/\\ x = 0',
      '',
      'State 2: <Inc line 4, col 1 to line 4, col 20 of module Fake>',
      '/\\ x = 1',
      '',
    ]);
    expect(lines.slice(8, 10)).toEqual([
      'Error: The error occurred when TLC was evaluating the nested\nexpressions at the following positions:',
      '0. Line 9, column 1 to line 9, column 20 in Fake',
    ]);
  });

  it('says so on success, and names temporal properties it did not check', () => {
    const ok = fakeSpec({ variables: ['x'], init: () => [[0]], actions: [{ name: 'Stay', line: 4, next: (s) => [s] }], temporal: ['EventuallyDone'] });
    const lines = resultText(ok, search(ok), at);
    expect(lines[0]).toMatch(/^Warning: the temporal property EventuallyDone was NOT checked: the evaluator gave no temporal formula for the liveness checker/);
    expect(lines[1]).toBe('Model checking completed. No error has been found.');
    expect(lines[2]).toBe('2 states generated, 1 distinct states found, 0 states left on queue.');
    expect(lines[3]).toBe('The depth of the complete state graph search is 1.');
    // one expanded state with no new successor: all statistics 0
    expect(lines[4]).toBe('The average outdegree of the complete state graph is 0 (minimum is 0, the maximum 0 and the 95th percentile is 0).');
  });

  it('labels a step with the action and the values of its parameters, as Action.getLocation does', () => {
    const params = new Map<string, Value>([
      ['i', { kind: 'int', n: 2 }],
      ['b', { kind: 'bool', b: true }],
    ]);
    expect(actionText({ name: 'Send', loc: loc(7), params })).toBe('<Send(2,TRUE) line 7, col 1 to line 7, col 20 of module Fake>');
    expect(actionText({ name: 'Tick', loc: loc(8), params: new Map() })).toBe('<Tick line 8, col 1 to line 8, col 20 of module Fake>');
  });

  it('uses TLC_INIT_GENERATED1 or 2 depending on duplicates', () => {
    expect(initDoneText(1, 1, at)).toBe('Finished computing initial states: 1 distinct state generated at 2026-01-02 03:04:05.');
    expect(initDoneText(3, 2, at)).toBe('Finished computing initial states: 3 states generated, with 2 of them distinct at 2026-01-02 03:04:05.');
  });

  it('prints progress with per-minute rates over the last interval', () => {
    // 120,000 generated and 60,000 distinct in the 30 s since the previous line: 240,000 s/min, 120,000 ds/min.
    expect(progressText({ generated: 130000, distinct: 70000, queued: 5, depth: 7 }, 40000, { generated: 10000, distinct: 10000, ms: 10000 }, at)).toBe(
      'Progress(7) at 2026-01-02 03:04:05: 130,000 states generated (240,000 s/min), 70,000 distinct states found (120,000 ds/min), 5 states left on queue.',
    );
  });

  it('formats durations like TLC', () => {
    expect([durationText(999), durationText(61000), durationText(3723000)]).toEqual(['00s', '01min 01s', '01h 02min']);
  });
});

describe('trace writers', () => {
  const r = search(spec);
  const trace = r.outcome.kind === 'invariant' ? r.outcome.trace : [];

  it('ITF: vars and one state object per step with #meta.index (ADR-015)', () => {
    const itf = itfTrace(spec, trace, { source: 'Fake.tla', status: 'violation', description: 'Small' });
    expect(itf.vars).toEqual(['x']);
    expect(itf['#meta']).toMatchObject({ format: 'ITF', source: 'Fake.tla', status: 'violation' });
    expect(itf.states.map((s) => [(s['#meta'] as { index: number }).index, s['x']])).toEqual([
      [0, { '#bigint': '0' }],
      [1, { '#bigint': '1' }],
      [2, { '#bigint': '2' }],
    ]);
  });

  it('DOT: after the first state, a node shows only the variables its step changed', () => {
    // x counts 0 -> 1 -> 2 until Small (x < 2) fails; y stays 7 throughout
    const two = fakeSpec({ variables: ['x', 'y'], init: () => [[0, 7]], actions: [{ name: 'Inc', line: 4, next: ([x, y]) => [[x! + 1, y!]] }], invariants: [['Small', ([x]) => x! < 2]] });
    const r2 = search(two);
    const t2 = r2.outcome.kind === 'invariant' ? r2.outcome.trace : [];
    const dot = traceDot(two, t2, 'Small');
    expect(dot).toContain('s1 [label="State 1\\l/\\\\ x = 0\\l/\\\\ y = 7\\l"]');
    expect(dot).toContain('s2 [label="State 2\\l/\\\\ x = 1\\l(1 of 2 unchanged)\\l"]');
    expect(dot).toContain('s3 [label="State 3\\l/\\\\ x = 2\\l(1 of 2 unchanged)\\l"]');
  });

  it('DOT: one node per state, one labelled edge per step', () => {
    const dot = traceDot(spec, trace, 'Small');
    expect(dot.match(/^ {2}s\d+ \[label=/gm)).toHaveLength(3);
    expect(dot).toContain('s1 -> s2 [label="Inc"]');
    expect(dot).toContain('s2 -> s3 [label="Inc"]');
  });
});
