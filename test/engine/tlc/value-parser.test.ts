// TLC's printed values read back: every shape TLC's Value.toString writes in a trace state.
// Expected values are written with the constructors by hand from the text, and compared with
// `equals` (TLA+ equality) and ITF, so a parser that drops or reorders anything fails.
import { describe, expect, it } from 'vitest';
import { parseTlcValue } from '../../../engine/tlc/value-parser.js';
import { TlcOutputError } from '../../../engine/tlc/errors.js';
import { EMPTY_SET, EMPTY_TUPLE, FALSE, TRUE, equals, fcnOf, int, interval, modelValue, record, setOf, str, toItf, tuple } from '../../../engine/values/index.js';

const cases: [string, string, ReturnType<typeof parseTlcValue>][] = [
  ['a positive integer', '42', int(42)],
  ['a negative integer', '-7', int(-7)],
  ['TRUE and FALSE', 'FALSE', FALSE],
  ['a model value (bare name)', 'p1', modelValue('p1')],
  ['a string with escapes', '"say \\"hi\\"\\\\ \\n\\t"', str('say "hi"\\ \n\t')],
  ['the empty set', '{}', EMPTY_SET],
  ['a set, duplicates merged', '{3, 1, 3}', setOf([int(1), int(3)])],
  ['the empty sequence', '<<>>', EMPTY_TUPLE],
  ["FcnRcdValue's empty sequence", '<< >>', EMPTY_TUPLE],
  ['a sequence', '<<1, "a", TRUE>>', tuple([int(1), str('a'), TRUE])],
  ['a record', '[b |-> 2, a |-> 1]', record(['a', 'b'], [int(1), int(2)])],
  ['a function', '(1 :> "x" @@ 5 :> "y")', fcnOf([int(1), int(5)], [str('x'), str('y')])],
  ['a function on 1..2 is a sequence', '(1 :> 10 @@ 2 :> 20)', tuple([int(10), int(20)])],
  ['an interval', '2..4', interval(2, 4)],
  [
    'nesting, across lines as Values.ppr breaks them',
    '{ [from |-> p1, msgs |-> << {1}, (m :> <<>>) >>],\n  [from |-> p2, msgs |-> <<>>] }',
    setOf([
      record(['from', 'msgs'], [modelValue('p1'), tuple([setOf([int(1)]), fcnOf([modelValue('m')], [EMPTY_TUPLE])])]),
      record(['from', 'msgs'], [modelValue('p2'), EMPTY_TUPLE]),
    ]),
  ],
];

describe('parseTlcValue reads what TLC prints', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const v = parseTlcValue(text);
      expect(equals(v, expected)).toBe(true);
      expect(toItf(v)).toEqual(toItf(expected));
    });
  }

  it('encodes as ITF: integers as #bigint, model values as names, sets as #set', () => {
    expect(toItf(parseTlcValue('[n |-> -3, s |-> {a}]'))).toEqual({ n: { '#bigint': '-3' }, s: { '#set': ['a'] } });
  });
});

describe('parseTlcValue refuses what TLC does not print, with the place', () => {
  const bad: [string, string, string][] = [
    ['an unterminated set', '{1, 2', '<tlc output>:1:6'],
    ['an unterminated string', '"abc', '<tlc output>:1:5'],
    ['an unknown escape', '"a\\qb"', '<tlc output>:1:3'],
    ['trailing text', '1 2', '<tlc output>:1:3'],
    ['an integer beyond 32 bits', '2147483648', '<tlc output>:1:1'],
  ];
  for (const [name, text, where] of bad) {
    it(name, () => {
      let err: unknown;
      try {
        parseTlcValue(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TlcOutputError);
      expect((err as TlcOutputError).describe().startsWith(where + ': ')).toBe(true);
    });
  }

  it('reports the line and column of the original output for a value spanning lines', () => {
    expect(() => parseTlcValue('<<1,\n   ?>>', { file: 'out.txt', line: 7, col: 10 })).toThrow(TlcOutputError);
    try {
      parseTlcValue('<<1,\n   ?>>', { file: 'out.txt', line: 7, col: 10 });
    } catch (e) {
      expect((e as TlcOutputError).describe()).toMatch(/^out\.txt:8:4: /);
    }
  });
});
