// Micro-benchmark of engine/values (a plain script, not a test): fingerprints per second of
// checker-like states, and set construction per second. Run: npx tsx bench/values.bench.ts
import {
  fcnOf, fingerprint, int, member, record, setOf, stateFingerprint, stateFingerprintInto, stateKey, str, tuple, type Value,
} from '../engine/values/index.js';

function rate(name: string, unit: string, n: number, body: (i: number) => void): number {
  for (let i = 0; i < Math.min(n, 2000); i++) body(i); // warm up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) body(i);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const r = n / secs;
  console.log(`${name.padEnd(58)} ${Math.round(r).toLocaleString('en-US').padStart(12)} ${unit}/s`);
  return r;
}

// A state shaped like the RDS model's: a few scalars, a per-device record, a function from
// devices to sets, and a queue (sequence). Each state is built fresh, so nothing is cached
// except shared sub-values, as in a real successor computation.
const devs = ['d1', 'd2', 'd3'].map(str);
const states: Value[][] = [];
for (let i = 0; i < 5000; i++) {
  const dev = record(['refcnt', 'freed', 'state'], [int(i % 7), int((i >> 3) % 2), str(['alive', 'dying', 'dead'][i % 3]!)]);
  const owners = fcnOf(devs, devs.map((_, k) => setOf([int((i + k) % 4), int((i * k) % 5)])));
  const queue = tuple([int(i % 3), int((i >> 2) % 3)].slice(0, i % 3));
  states.push([int(i % 11), dev, owners, queue, setOf([int(i % 5), int(i % 13)])]);
}

const N = 200_000;
const fresh = (i: number): Value[] => {
  // rebuild the changed parts of a state, reusing the rest, as an action does
  const s = states[i % states.length]!;
  return [int((i * 7) % 101), s[1]!, record(['refcnt', 'freed', 'state'], [int(i % 9), int(i % 2), str('alive')]), s[3]!, s[4]!];
};

rate('stateFingerprint (5 vars, 2 rebuilt per state)', 'states', N, (i) => {
  stateFingerprint(fresh(i));
});
rate('stateFingerprint (all sub-values cached)', 'states', N, (i) => {
  stateFingerprint(states[i % states.length]!);
});
rate('stateKey (4-char key; sub-values cached)', 'states', N, (i) => {
  stateKey(states[i % states.length]!);
});
const out = new Int32Array(2);
rate('stateFingerprintInto (no string; sub-values cached)', 'states', N, (i) => {
  stateFingerprintInto(states[i % states.length]!, out, 0);
});
rate('fingerprint of a fresh 10-element set of pairs', 'values', N / 4, (i) => {
  const xs: Value[] = [];
  for (let k = 0; k < 10; k++) xs.push(tuple([int((i + k) % 17), int(k)]));
  fingerprint(setOf(xs));
});
rate('setOf 10 shuffled ints (sort + dedupe)', 'sets', N, (i) => {
  setOf([int(i % 10), int(3), int(7), int((i * 3) % 10), int(1), int(9), int(0), int(5), int(2), int(i % 4)]);
});
rate('setOf 10 sorted ints (already normalised)', 'sets', N, () => {
  setOf([int(0), int(1), int(2), int(3), int(4), int(5), int(6), int(7), int(8), int(9)]);
});
rate('setOf 5 records (compare by names, then values)', 'sets', N / 4, (i) => {
  const rs: Value[] = [];
  for (let k = 0; k < 5; k++) rs.push(record(['refcnt', 'state'], [int((i + k * 3) % 5), str('alive')]));
  setOf(rs);
});
const S = setOf([int(1), int(5), int(9), int(12), int(20), int(33)]);
rate('member (int in a 6-element set, binary search)', 'tests', N * 5, (i) => {
  member(int(i % 40), S);
});
