// Reading TLC's output into `check --json`'s result. The fixtures in test/fixtures/tlc are
// hand-written from the message formats of tlc2/output/MP.java (framing, texts) and EC.java
// (codes); they are parser inputs, not recorded TLC runs. Expected values below are read off
// the fixture text by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTlcOutput } from '../../../engine/tlc/parse.js';
import { exitStatusOf, plainMessages, toolMessages } from '../../../engine/tlc/messages.js';
import { TlcOutputError } from '../../../engine/tlc/errors.js';

const dir = join(import.meta.dirname, '../../fixtures/tlc');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const parse = (f: string) => parseTlcOutput(read(f), { source: f, specDir: '/work', cfgPath: 'M.cfg' });

describe('message framing', () => {
  it('-tool: code, class and body of each framed message; unframed SANY lines kept as code 0', () => {
    const msgs = toolMessages('@!@!@STARTMSG 2199:0 @!@!@\n6 states generated, 5 distinct states found, 0 states left on queue.\n@!@!@ENDMSG 2199 @!@!@\nParsing file X.tla\n');
    expect(msgs).toEqual([
      { code: 2199, cls: 0, text: '6 states generated, 5 distinct states found, 0 states left on queue.', line: 2 },
      { code: 0, cls: 0, text: 'Parsing file X.tla\n', line: 4 },
    ]);
  });
  it('plain: a state runs to the blank line, the prefix "State " is dropped', () => {
    const msgs = plainMessages('State 2: <A line 1, col 1 to line 1, col 2 of module M>\n/\\ x = 1\n/\\ y = 2\n\nnext');
    expect(msgs[0]).toEqual({ code: 2217, cls: 4, text: '2: <A line 1, col 1 to line 1, col 2 of module M>\n/\\ x = 1\n/\\ y = 2', line: 1 });
  });
  it("exit statuses follow EC.ExitStatus.errorConstantToExitStatus", () => {
    expect([2110, 2107, 2114, 2116, 2112, 2104, 2132, 2111, 2103, 3002, 2171, 2222, 1000].map(exitStatusOf)).toEqual([12, 12, 11, 13, 13, 10, 14, 76, 75, 150, 150, 151, 255]);
  });
});

describe('results', () => {
  it('success (-tool and plain alike): counts from TLC_STATS and TLC_SEARCH_DEPTH, exit 0', () => {
    // Counter.tla: x = 0, x' = (x+1) % 5: 5 distinct states, 1 initial + 5 successors generated, depth 5
    const expected = { result: 'ok', distinctStates: 5, generatedStates: 6, depth: 5, exitCode: 0 };
    expect(parse('counter-success.tool.out')).toEqual(expected);
    expect(parse('counter-success.plain.out')).toEqual(expected);
  });

  const mailboxTrace = [
    { '#meta': { index: 0, action: '<Initial predicate>' }, box: [], seen: { '#set': [] } },
    { '#meta': { index: 1, action: '<Send line 9, col 3 to line 11, col 22 of module Mailbox>' }, box: [{ from: 'p1', body: 'hi "there"' }], seen: { '#set': ['p1'] } },
    {
      '#meta': { index: 2, action: '<Send line 9, col 3 to line 11, col 22 of module Mailbox>' },
      box: [{ from: 'p1', body: 'hi "there"' }, { from: 'p2', body: 'a\\b' }],
      seen: { '#set': ['p1', 'p2'] },
    },
  ];
  it('invariant violation with a three-state trace, a value broken across lines (-tool)', () => {
    expect(parse('mailbox-invariant.tool.out')).toEqual({
      result: 'violation', distinctStates: 7, generatedStates: 9, depth: 3, property: 'Bounded', trace: mailboxTrace, exitCode: 12,
    });
  });
  it('the same violation printed without -tool gives the same result', () => {
    expect(parse('mailbox-invariant.plain.out')).toEqual(parse('mailbox-invariant.tool.out'));
  });

  it('deadlock: the trace ends in the state without successors; functions on 1..n are sequences', () => {
    const r = parse('stop-deadlock.tool.out');
    expect(r.result).toBe('deadlock');
    expect(r.exitCode).toBe(11);
    expect(r.property).toBeUndefined();
    expect(r.trace?.map((s) => [s.n, s.f])).toEqual([
      [{ '#bigint': '0' }, [false, false]],
      [{ '#bigint': '1' }, [true, false]],
    ]);
  });

  it('liveness, lasso back to state 1 (-tool "1: Back to state: ..." and plain "Back to state 1: ...")', () => {
    const tool = parse('toggle-liveness-back.tool.out');
    expect(tool).toMatchObject({ result: 'liveness', property: 'EventuallyOne', loop: 1, exitCode: 13, distinctStates: 2, generatedStates: 3, depth: 2 });
    // a lone variable is printed without "/\ " (TLCStateMut.toString)
    expect(tool.trace?.map((s) => s.b)).toEqual([false, true]);
    expect(parse('toggle-liveness-back.plain.out')).toEqual(tool);
  });

  it('liveness ending in stuttering', () => {
    const r = parse('wait-stuttering.tool.out');
    expect(r).toMatchObject({ result: 'liveness', property: 'Done', loop: 'stuttering', exitCode: 13 });
    expect(r.trace?.map((s) => [s.pc, s.k])).toEqual([
      ['start', { '#bigint': '0' }],
      ['wait', { '#bigint': '-1' }],
    ]);
  });

  it("parse error: exit 150, SANY's report as the message, its line and column in DIR/Module.tla", () => {
    const r = parse('bad-parse.tool.out');
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(150);
    expect(r.error).toMatchObject({ file: '/work/Bad.tla', line: 4, col: 9 });
    expect(r.error?.message).toContain('Encountered "==" at line 4, column 9');
  });

  it('configuration error: a constant without a value is TLC_CONFIG_VALUE_NOT_ASSIGNED_TO_CONSTANT_PARAM, exit 151', () => {
    expect(parse('cfg-constant.tool.out')).toEqual({
      result: 'error', distinctStates: 0, generatedStates: 0, depth: 0,
      error: { message: 'The constant parameter N is not assigned a value by the configuration file.' }, exitCode: 151,
    });
  });

  it('cfg syntax error: the cfg line is the location; CFG_GENERAL has no exit status of its own in EC (255)', () => {
    expect(parse('cfg-syntax.tool.out')).toMatchObject({ result: 'error', error: { file: 'M.cfg', line: 3, col: 1 }, exitCode: 255 });
  });

  it('evaluation error: exit 75 (nested expression), the innermost position, the trace to the failing state', () => {
    const r = parse('apply-eval-error.tool.out');
    expect(r).toMatchObject({ result: 'error', exitCode: 75, distinctStates: 2, generatedStates: 3, depth: 2 });
    expect(r.error).toMatchObject({ file: '/work/Apply.tla', line: 6, col: 15 });
    expect(r.error?.message).toContain('to argument 3, which is not in the domain of the function.');
    expect(r.trace).toHaveLength(2);
  });

  it('the process exit status, when known, wins over the inferred one', () => {
    expect(parseTlcOutput(read('cfg-syntax.tool.out'), { exitCode: 151 }).exitCode).toBe(151);
  });

  it('no verdict at all (TLC cut short) is an error, not a success', () => {
    expect(parseTlcOutput('@!@!@STARTMSG 2185:0 @!@!@\nStarting... (2026-11-27 21:00:00)\n@!@!@ENDMSG 2185 @!@!@\n')).toMatchObject({ result: 'error', exitCode: 255 });
  });

  it('an unreadable trace value is a TlcOutputError at its line in the output', () => {
    const out = '@!@!@STARTMSG 2110:1 @!@!@\nInvariant I is violated.\n@!@!@ENDMSG 2110 @!@!@\n@!@!@STARTMSG 2217:4 @!@!@\n1: <Initial predicate>\n/\\ x = {1,\n@!@!@ENDMSG 2217 @!@!@\n';
    expect(() => parseTlcOutput(out, { source: 'o.txt' })).toThrow(TlcOutputError);
    expect(() => parseTlcOutput(out, { source: 'o.txt' })).toThrow(/expected a value/);
    try {
      parseTlcOutput(out, { source: 'o.txt' });
    } catch (e) {
      expect((e as TlcOutputError).describe()).toMatch(/^o\.txt:6:/);
    }
  });
});

describe('runs cut short', () => {
  it('a run stopped mid-search keeps the last progress report (MP TLC_PROGRESS_STATS, 6 parameters)', () => {
    const out = [
      '@!@!@STARTMSG 2200:0 @!@!@',
      'Progress(7) at 2026-11-27 21:00:00: 1,204 states generated (72,240 s/min), 311 distinct states found (18,660 ds/min), 40 states left on queue.',
      '@!@!@ENDMSG 2200 @!@!@',
    ].join('\n');
    expect(parseTlcOutput(out)).toMatchObject({ result: 'error', generatedStates: 1204, distinctStates: 311, depth: 7 });
  });
});
