// The Json module's conversions (library-json.ts), after Json.java: what TLC writes for each kind
// of value and reads back. Expected JSON texts by hand. (The module itself is still refused by
// the front end's standard-module table; these are the natives it will use.)
import { beforeEach, describe, expect, it } from 'vitest';
import { fromJson, toJson } from '../../../engine/eval/library-json.js';
import * as C from '../../../engine/values/construct.js';
import { equals } from '../../../engine/values/compare.js';

const text = (v: Parameters<typeof toJson>[0]) => JSON.stringify(toJson(v));

describe('values to JSON', () => {
  beforeEach(() => {
    C.resetValueTables();
    C.str('a'); // interned first: the record's first field
    C.str('b');
  });
  it('a record is an object in record order, a sequence an array', () => {
    expect(text(C.record(['b', 'a'], [C.tuple([C.TRUE, C.str('x')]), C.int(1)]))).toBe('{"a":1,"b":[true,"x"]}');
  });
  it('a set is an array of its elements in TLC order', () => {
    expect(text(C.setOf([C.int(3), C.int(1), C.int(2)]))).toBe('[1,2,3]');
    expect(text(C.interval(2, 4))).toBe('[2,3,4]');
  });
  it('a function not on 1..n is an object keyed by the domain values', () => {
    expect(text(C.fcnOf([C.int(1), C.int(3)], [C.str('x'), C.str('y')]))).toBe('{"1":"x","3":"y"}');
  });
  it('a function on 1..n is an array; a model value its name', () => {
    expect(text(C.fcnOf([C.int(1), C.int(2)], [C.modelValue('m'), C.FALSE]))).toBe('["m",false]');
  });
});

describe('JSON to values', () => {
  it('objects are records, arrays sequences, numbers integers', () => {
    const v = fromJson(JSON.parse('{"b":[1,2.7],"a":"s"}'));
    expect(equals(v, C.record(['a', 'b'], [C.str('s'), C.tuple([C.int(1), C.int(2)])]))).toBe(true);
  });
  it('null cannot be converted', () => {
    expect(() => fromJson(null)).toThrow('Cannot convert the JSON value null');
  });
  it('a round trip keeps a nested value', () => {
    const v = C.tuple([C.record(['a'], [C.setOf([C.str('u')])]), C.int(-5)]);
    // the set comes back as a sequence: JSON has no sets
    expect(equals(fromJson(toJson(v)), C.tuple([C.record(['a'], [C.tuple([C.str('u')])]), C.int(-5)]))).toBe(true);
  });
});
