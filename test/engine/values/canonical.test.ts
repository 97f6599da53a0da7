// Equality and fingerprints depend only on the value, never on how it was built: element
// order, duplicates, record vs function of strings, tuple vs function on 1..n, lazy vs
// enumerated sets (TLC: normalize() before fingerPrint; TupleValue hashes as a function).
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  BOOLEAN, equals, fcnOf, fcnSetOf, fingerprint, format, int, interval, productOf, rcdSetOf, record, setOf,
  setElems, stateFingerprint, stateFingerprintInto, stateKey, str, valueKey, subsetOf, tuple, type Value,
} from '../../../engine/values/index.js';
import { anyValue, typed } from './arbitraries.js';

const sameType = fc.oneof(...typed.map((g) => fc.array(g, { maxLength: 6 })));

describe('sets are normalised on construction', () => {
  test.prop([sameType, fc.array(fc.nat(), { maxLength: 6 })])(
    'order and duplicates do not matter',
    (xs, dupIdx) => {
      const withDups = xs.concat(dupIdx.filter((i) => i < xs.length).map((i) => xs[i]!));
      const shuffled = withDups.slice().reverse();
      const a = setOf(xs);
      const b = setOf(shuffled);
      expect(equals(a, b)).toBe(true);
      expect(fingerprint(a)).toBe(fingerprint(b));
      expect(format(a)).toBe(format(b));
    },
  );

  test.prop([sameType])('a set has as many elements as distinct fingerprints among its inputs', (xs) => {
    expect(setOf(xs).elems.length).toBe(new Set(xs.map(fingerprint)).size);
  });
});

describe('one function, one fingerprint, whatever its shape', () => {
  test.prop([fc.array(anyValue, { minLength: 1, maxLength: 4 })])('tuple = function on 1..n', (vals) => {
    const dom = vals.map((_, i) => int(i + 1));
    const f = fcnOf(dom.slice().reverse(), vals.slice().reverse());
    expect(f.kind).toBe('tuple');
    expect(equals(tuple(vals), f)).toBe(true);
    expect(fingerprint(tuple(vals))).toBe(fingerprint(f));
  });

  test.prop([fc.subarray(['a', 'b', 'c'], { minLength: 1 }), fc.array(anyValue, { minLength: 3, maxLength: 3 })])(
    'record = function on strings',
    (names, vals) => {
      const r = record(names, vals.slice(0, names.length));
      const f = fcnOf(names.map(str).reverse(), vals.slice(0, names.length).reverse());
      expect(f.kind).toBe('record');
      expect(equals(r, f)).toBe(true);
      expect(fingerprint(r)).toBe(fingerprint(f));
    },
  );

  test('[a |-> 1] = ("a" :> 1) and <<1, 2>> = (1 :> 1 @@ 2 :> 2)', () => {
    expect(equals(record(['a'], [int(1)]), fcnOf([str('a')], [int(1)]))).toBe(true);
    expect(equals(tuple([int(1), int(2)]), fcnOf([int(1), int(2)], [int(1), int(2)]))).toBe(true);
  });

  test('different functions hash differently even with equal value lists', () => {
    expect(fingerprint(tuple([int(1), int(2)]))).not.toBe(fingerprint(fcnOf([int(0), int(1)], [int(1), int(2)])));
    expect(fingerprint(tuple([int(1), int(2)]))).not.toBe(fingerprint(setOf([int(1), int(2)])));
    expect(fingerprint(tuple([]))).not.toBe(fingerprint(setOf([])));
  });
});

describe('lazy sets hash and compare as their enumeration', () => {
  const cases: [string, Value, Value][] = [
    ['1..3', interval(1, 3), setOf([int(1), int(2), int(3)])],
    ['SUBSET {1, 2}', subsetOf(setOf([int(1), int(2)])), setOf([setOf([]), setOf([int(1)]), setOf([int(2)]), setOf([int(1), int(2)])])],
    [
      '[{1, 2} -> BOOLEAN]', fcnSetOf(setOf([int(1), int(2)]), BOOLEAN),
      setOf([BOOLEAN.elems, [BOOLEAN.elems[0]!, BOOLEAN.elems[0]!], [BOOLEAN.elems[1]!, BOOLEAN.elems[1]!], [BOOLEAN.elems[1]!, BOOLEAN.elems[0]!]].map((p) => tuple(p))),
    ],
    ['[a : {1}]', rcdSetOf(['a'], [setOf([int(1)])]), setOf([record(['a'], [int(1)])])],
    ['{1} \\X {2, 3}', productOf([setOf([int(1)]), setOf([int(2), int(3)])]), setOf([tuple([int(1), int(2)]), tuple([int(1), int(3)])])],
  ];
  for (const [name, lazy, eager] of cases) {
    test(name, () => {
      expect(equals(lazy, eager)).toBe(true);
      expect(equals(eager, lazy)).toBe(true);
      expect(fingerprint(lazy)).toBe(fingerprint(eager));
    });
  }
});

describe('state fingerprints', () => {
  test.prop([fc.array(anyValue, { minLength: 1, maxLength: 4 })])('depend on position', (vals) => {
    const rev = vals.slice().reverse();
    const same = vals.every((v, i) => fingerprint(v) === fingerprint(rev[i]!));
    expect(stateFingerprint(vals) === stateFingerprint(rev)).toBe(same);
  });

  test('the typed-array form carries the same 64 bits as the hex form', () => {
    const s = [int(1), record(['a'], [setOf([int(2)])])];
    const out = new Int32Array(4);
    stateFingerprintInto(s, out, 2);
    const hex = [...out.slice(2)].map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
    expect(hex).toBe(stateFingerprint(s));
  });

  test('the compact key carries the same 64 bits, high half first', () => {
    const s = [str('x'), tuple([int(3)])];
    const key = stateKey(s);
    expect(key.length).toBe(4);
    const hex = [...key].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    expect(hex).toBe(stateFingerprint(s));
    expect(valueKey(setOf([int(1), int(2)]))).toBe(valueKey(interval(1, 2)));
  });

  test('are 16 hex digits and differ from the tuple of the same values', () => {
    const s = [int(1), str('a')];
    expect(stateFingerprint(s)).toMatch(/^[0-9a-f]{16}$/);
    expect(stateFingerprint(s)).not.toBe(fingerprint(tuple(s)));
  });

  test('no collisions among 100 000 distinct small states', () => {
    // all <<x, y, S>> with x, y in 0..9 and S a subset of 0..9: 10 * 10 * 1024 = 102 400
    const seen = new Set<string>();
    const all = setElems(subsetOf(interval(0, 9)));
    for (let x = 0; x < 10; x++) for (let y = 0; y < 10; y++) for (const S of all) seen.add(stateFingerprint([int(x), int(y), S]));
    expect(seen.size).toBe(102_400);
  });
});
