// TLC prints the empty function two ways: TupleValue.toString gives "<<>>" (<<>>, Tail(<<1>>),
// SubSeq, Append's results), FcnRcdValue.toString gives "<< >>" (its `len == 0` case), which is
// what [x \in {} |-> e], [i \in 1..0 |-> e] and the element of [{} -> S] become. Both are the
// same value: equal, and one fingerprint.
import { describe, expect, test } from 'vitest';
import { EMPTY_FCN, EMPTY_TUPLE, fcnOf, record } from '../../../engine/values/construct.js';
import { equals } from '../../../engine/values/compare.js';
import { fingerprint } from '../../../engine/values/hash.js';
import { format } from '../../../engine/values/print.js';
import { pretty } from '../../../engine/values/pretty.js';
import { show } from '../eval/helpers.js';

describe('the empty function prints as TLC holds it', () => {
  test('built as a function: << >>; as a tuple: <<>>', () => {
    expect(format(fcnOf([], []))).toBe('<< >>');
    expect(format(EMPTY_TUPLE)).toBe('<<>>');
    expect(pretty(record(['a', 'b'], [EMPTY_FCN, EMPTY_TUPLE]))).toBe('[a |-> << >>, b |-> <<>>]');
  });
  test('one value: equal and the same fingerprint', () => {
    expect(equals(EMPTY_FCN, EMPTY_TUPLE)).toBe(true);
    expect(fingerprint(EMPTY_FCN)).toBe(fingerprint(EMPTY_TUPLE));
  });
  test('from TLA+ expressions', async () => {
    expect(await show('<<[x \\in {} |-> 1], [i \\in 1..0 |-> i], <<>>, Tail(<<1>>), Append([x \\in {} |-> 1], 2)>>'))
      .toBe('<<<< >>, << >>, <<>>, <<>>, <<2>>>>');
    expect(await show('[{} -> {1}]')).toBe('{<< >>}');
    expect(await show('[x \\in {} |-> 1] = <<>>')).toBe('TRUE');
  });
});
