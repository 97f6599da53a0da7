// String order restarts with each run, as each TLC run is a fresh JVM with a fresh intern table.
import { expect, test } from 'vitest';
import { format, intern, modelValue, resetValueTables, setOf, str } from '../../../engine/values/index.js';

test('after resetValueTables, strings and model values are ordered by the new run alone', () => {
  resetValueTables();
  intern('b');
  expect(format(setOf([str('a'), str('b')]))).toBe('{"b", "a"}');
  expect(modelValue('p').index).toBe(0);
  resetValueTables();
  expect(format(setOf([str('a'), str('b')]))).toBe('{"a", "b"}'); // "a" was built first this time
  expect(modelValue('q').index).toBe(0); // creation order restarts too
});
