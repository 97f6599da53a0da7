// TLC's pretty-printer (Values.ppr = PrettyPrint.mypp(toString, 80)); expected layouts worked
// out by hand from Format.java: a value that fits stays on one line; otherwise
// "{ " / "<< " / "[ " / "( " open it, each element or pair goes on its own line indented by
// the opener's width, the separator ("," or " @@") ends each line but the last, and " }"
// / " >>" / " ]" / " )" close it.
import { describe, expect, test } from 'vitest';
import {
  fcnOf, formatStateLines, int, interval, modelValue, pretty, prettyText, record, setOf, str, tuple,
} from '../../../engine/values/index.js';

const xs = 'x'.repeat(30);
const ys = 'y'.repeat(30);

describe('Values.ppr', () => {
  test('a value that fits in 80 columns is printed as toString prints it', () => {
    expect(pretty(record(['a', 'b'], [int(1), setOf([int(1), int(2)])]))).toBe('[a |-> 1, b |-> {1, 2}]');
  });

  test('a long record: one field per line', () => {
    const r = record(['a', 'b', 'c'], [str(xs), str(ys), int(1)]);
    expect(pretty(r)).toBe(`[ a |-> "${xs}",\n  b |-> "${ys}",\n  c |-> 1 ]`);
  });

  test('a long set of tuples: one element per line, inner values kept whole when they fit', () => {
    const s = setOf([tuple([int(1), str(xs)]), tuple([int(2), str(ys)])]);
    expect(pretty(s)).toBe(`{ <<1, "${xs}">>,\n  <<2, "${ys}">> }`);
  });

  test('a long sequence nests its padding ("<< " is three wide)', () => {
    const t = tuple([record(['a', 'b', 'c'], [str(xs), str(ys), int(1)]), int(7)]);
    expect(pretty(t)).toBe(`<< [ a |-> "${xs}",\n     b |-> "${ys}",\n     c |-> 1 ],\n   7 >>`);
  });

  test('a long function: " @@" ends each pair line', () => {
    const [x40, y40] = ['x'.repeat(40), 'y'.repeat(40)];
    const f = fcnOf([int(0), int(5)], [str(x40), str(y40)]);
    expect(pretty(f)).toBe(`( 0 :> "${x40}" @@\n  5 :> "${y40}" )`);
  });

  test('a pair that does not fit puts the value under the key, indented by 4 more', () => {
    const long = 'z'.repeat(90);
    expect(pretty(record(['a'], [str(long)]))).toBe(`[ a |->\n      "${long}" ]`);
  });

  test('intervals are constants to the parser', () => {
    // the two-element set sorts before the three-element interval (cardinality first)
    const [x40, y40] = ['x'.repeat(40), 'y'.repeat(40)];
    const s = setOf([interval(1, 3), setOf([str(x40), str(y40)])]);
    expect(pretty(s)).toBe(`{ { "${x40}",\n    "${y40}" },\n  1..3 }`);
  });

  test('text the parser cannot read comes back unchanged (mypp catches and returns it)', () => {
    // '_' is not a letter or digit to Parse.parseConstant, so a typed model value stops it
    const s = setOf([modelValue('A_1'), modelValue('A_2'), ...Array.from({ length: 30 }, (_, i) => modelValue(`A_${i + 3}`))]);
    expect(pretty(s)).toBe(`{${Array.from({ length: 32 }, (_, i) => `A_${i + 1}`).join(', ')}}`);
    expect(prettyText('<<1, 2')).toBe('<<1, 2');
  });
});

describe('states (TLCStateMut.toString)', () => {
  test('one variable: "x = v"; several: one "/\\ x = v" line each', () => {
    expect(formatStateLines(['x'], [int(1)])).toBe('x = 1');
    expect(formatStateLines(['x', 'y'], [int(1), setOf([])])).toBe('/\\ x = 1\n/\\ y = {}');
  });

  test('values are laid out by Values.ppr on their own (the "/\\ x = " prefix is not counted)', () => {
    const r = record(['a', 'b', 'c'], [str(xs), str(ys), int(1)]);
    expect(formatStateLines(['v', 'w'], [r, int(0)])).toBe(`/\\ v = [ a |-> "${xs}",\n  b |-> "${ys}",\n  c |-> 1 ]\n/\\ w = 0`);
  });
});
