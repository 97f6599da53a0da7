// Memos of state predicates (engine/eval/memo.ts): an answer is given again only for a state
// with the same values in the variables its evaluation read, and only when that evaluation
// depended on nothing else. The checker's answers with memos are the corpus' (test/specs);
// here the rules themselves, on states built by hand.
import { describe, expect, test } from 'vitest';
import { Memo } from '../../../engine/eval/memo.js';
import { type Ctx, markImpure, markKeptRead, markStateRead } from '../../../engine/eval/context.js';
import { int, str, tuple, setOf } from '../../../engine/values/construct.js';
import { fingerprint } from '../../../engine/values/hash.js';
import type { Value } from '../../../engine/values/value.js';
import { search } from '../../../engine/check/bfs.js';
import { compile } from './helpers.js';

const STABLE: Ctx = { state: [], next: null, stable: true };
const PARTIAL: Ctx = { state: [], next: null };

/** Evaluate "reading" the given slots of s in cx, answering `answer`, through the memo. */
function run(m: Memo, s: readonly Value[], slots: readonly number[], answer: boolean, cx: Ctx = STABLE): boolean {
  const kept = m.lookup(s);
  if (kept !== undefined) return kept;
  m.begin();
  for (const k of slots) markStateRead(cx, k);
  m.end(s, answer);
  return answer;
}

describe('Memo', () => {
  test('gives the kept answer for a state with the same objects in the slots read, whatever the others hold', () => {
    const m = new Memo();
    const pc = str('idle');
    expect(run(m, [pc, int(1)], [0], false)).toBe(false);
    // slot 1 was not read: its value does not matter
    expect(m.lookup([pc, int(7)])).toBe(false);
    // slot 0 differs: no answer
    expect(m.lookup([str('busy'), int(1)])).toBeUndefined();
  });

  test('an equal value built again counts as the same (fingerprints, then TLC equality)', () => {
    const m = new Memo();
    const a = tuple([str('idle'), str('up')]);
    const b = tuple([str('idle'), str('up')]);
    const c = tuple([str('up'), str('idle')]);
    // the checker fingerprints every state before asking; so do we
    for (const v of [a, b, c]) fingerprint(v);
    expect(a).not.toBe(b);
    run(m, [a], [0], true);
    expect(m.lookup([b])).toBe(true);
    expect(m.lookup([c])).toBeUndefined();
  });

  test('sets with the same fingerprint cache but different elements are not the same: only equal values are', () => {
    const m = new Memo();
    const s1 = setOf([int(1), int(2)]);
    const s2 = setOf([int(1), int(3)]);
    fingerprint(s1);
    fingerprint(s2);
    run(m, [s1], [0], true);
    expect(m.lookup([s2])).toBeUndefined();
  });

  test('an evaluation that read a partial assignment is not kept', () => {
    const m = new Memo();
    run(m, [int(1)], [0], true, PARTIAL);
    expect(m.lookup([int(1)])).toBeUndefined();
  });

  test('an evaluation with a side effect (Print) is not kept', () => {
    const m = new Memo();
    m.lookup([int(1)]);
    m.begin();
    markStateRead(STABLE, 0);
    markImpure();
    m.end([int(1)], true);
    expect(m.lookup([int(1)])).toBeUndefined();
  });

  test('an evaluation that used a value kept for its Ctx (whose variables were not logged) is not kept', () => {
    const m = new Memo();
    m.lookup([int(1)]);
    m.begin();
    markKeptRead();
    m.end([int(1)], true);
    expect(m.lookup([int(1)])).toBeUndefined();
  });

  test('a memo that hits less than a quarter of its first 512 tries turns itself off', () => {
    const m = new Memo();
    for (let i = 0; i < 512; i++) run(m, [int(i)], [0], true);
    expect(m.active).toBe(false);
    const n = new Memo();
    for (let i = 0; i < 512; i++) run(n, [int(i < 256 ? 0 : 1)], [0], true);
    // one memo keeps one answer: all tries but two (the first of each value) hit
    expect(n.active).toBe(true);
  });
});

describe('memos in the checker', () => {
  test('a guard read on a variable that comes back to an earlier value: counts by hand', async () => {
    // x cycles 0 -> 1 -> 2 -> 0 and y counts 0..3; Tick is enabled when x = 0, so the guard's
    // answer for x = 0 is used again in later states with other y
    const spec = await compile(
      { M: 'EXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\nStep == /\\ x # 0 /\\ x\' = (x + 1) % 3 /\\ y\' = y\nTick == /\\ x = 0 /\\ y < 3 /\\ x\' = 1 /\\ y\' = y + 1\nNext == Step \\/ Tick\nInv == /\\ x \\in 0..2 /\\ y <= 3' },
      'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
    );
    const r = search(spec);
    // states: (0,0) (1,1) (2,1) (0,1) (1,2) (2,2) (0,2) (1,3) (2,3) (0,3): 10 distinct; each
    // has one successor except (0,3): 1 initial + 9 generated = 10; depth 10
    expect(r.outcome.kind).toBe('ok');
    expect([r.distinct, r.generated, r.depth]).toEqual([10, 10, 10]);
  });

  test('an invariant conjunct failing on a later state with other values is reported', async () => {
    const spec = await compile(
      { M: 'EXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\nNext == x < 5 /\\ x\' = x + 1 /\\ y\' = y\nInv == /\\ y = 0 /\\ x < 4' },
      'INIT Init\nNEXT Next\nINVARIANT Inv',
    );
    const r = search(spec);
    // y = 0 is answered from the memo after the first state; x < 4 fails at x = 4
    expect(r.outcome).toMatchObject({ kind: 'invariant', name: 'Inv' });
    expect(r.outcome.kind === 'invariant' ? r.outcome.trace.length : 0).toBe(5);
  });
});
