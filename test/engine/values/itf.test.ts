// ITF (Apalache ADR-015) encoding and decoding.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  BOOLEAN, equals, fcnOf, format, fromItf, int, interval, modelValue, record, setOf, str, toItf, tuple, ValueError,
} from '../../../engine/values/index.js';
import { anyValue } from './arbitraries.js';

describe('encoding', () => {
  test('each kind as ADR-015 prescribes', () => {
    expect(toItf(int(-5))).toEqual({ '#bigint': '-5' });
    expect(toItf(BOOLEAN)).toEqual({ '#set': [false, true] });
    expect(toItf(str('x'))).toEqual('x');
    expect(toItf(modelValue('p1'))).toEqual('p1');
    expect(toItf(tuple([int(1), str('a')]))).toEqual([{ '#bigint': '1' }, 'a']);
    expect(toItf(record(['a'], [int(1)]))).toEqual({ a: { '#bigint': '1' } });
    expect(toItf(fcnOf([int(0)], [str('z')]))).toEqual({ '#map': [[{ '#bigint': '0' }, 'z']] });
    expect(toItf(interval(1, 2))).toEqual({ '#set': [{ '#bigint': '1' }, { '#bigint': '2' }] });
  });
});

describe('decoding', () => {
  test.prop([anyValue])('round-trips through JSON text', (v) => {
    const back = fromItf(JSON.parse(JSON.stringify(toItf(v))));
    expect(equals(back, v)).toBe(true);
    // ITF has one empty function ([]), which decodes as <<>>; the empty function built as a
    // function prints << >> (FcnRcdValue), so only values without one print back the same
    if (!JSON.stringify(v).includes('"emptyFcn":true')) expect(format(back)).toBe(format(v));
  });

  test('#tup, model values by name, plain JSON integers', () => {
    expect(format(fromItf({ '#tup': [1, 'a'] }))).toBe('<<1, "a">>');
    expect(format(fromItf({ '#set': ['p1', 'x'] }, { modelValues: new Set(['p1']) }))).toBe('{p1, "x"}');
  });

  test('bad input names the position', () => {
    expect(() => fromItf({ a: [{ '#bigint': '1.5' }] })).toThrow(/\$\.a\[0\]: bad #bigint/);
    expect(() => fromItf({ '#bigint': '9999999999' })).toThrow(/Overflow/);
    expect(() => fromItf(null)).toThrow(ValueError);
    expect(() => fromItf({ '#map': [[1]] })).toThrow(/\$: .*|\$\.#map\[0\]/);
  });
});
