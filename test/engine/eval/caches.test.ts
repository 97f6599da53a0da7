// The evaluator keeps values it has computed (engine/eval/constcache.ts and the per-Ctx
// caches of names.ts): a constant expression is built once per name space, a state-level
// definition once per state. These caches must be invisible: every value, every Print and
// every error stays what evaluating afresh gives. Expected values below are worked out by hand.
import { afterEach, describe, expect, test } from 'vitest';
import { search } from '../../../engine/check/bfs.js';
import { tlcRuntime } from '../../../engine/eval/runtime.js';
import type { CompiledSpecExt } from '../../../engine/eval/index.js';
import type { Loc } from '../../../engine/frontend/ast.js';
import type { Value } from '../../../engine/values/value.js';
import { compile, states } from './helpers.js';

const LOC: Loc = { file: 'test', module: 'M', line: 1, col: 1, endLine: 1, endCol: 1 };
const ref = (name: string) => ({ kind: 'ref' as const, name, prefix: [], loc: LOC });
const evalIn = (spec: CompiledSpecExt, name: string, s: readonly Value[] | null): Value => spec.evaluate(ref(name), s);

const printer = tlcRuntime.print;
afterEach(() => {
  tlcRuntime.print = printer;
});

describe('constant subexpressions', () => {
  test('a constant set inside a state-level definition is built once: the same value object each time', async () => {
    const spec = await compile({ M: 'VARIABLE x\nInit == x \\in {"p", "q"}\nNext == UNCHANGED x\nS == {x} \\cup {"a", "b"}\nT == {"a", "b"}' }, 'INIT Init\nNEXT Next');
    const [s1, s2] = [...spec.initStates()];
    // S reads x, so it is evaluated in each state; its constant part {"a", "b"} is not rebuilt
    expect(evalIn(spec, 'S', s1!)).not.toBe(evalIn(spec, 'S', s2!));
    expect(evalIn(spec, 'T', null)).toBe(evalIn(spec, 'T', null));
  });

  test('the same expression in two instances with different constants keeps one value per instance', async () => {
    const inner = 'EXTENDS Naturals\nCONSTANT N\nS == {N, N + 1}\nT == [i \\in 1..N |-> i * N]';
    const spec = await compile(
      { M: 'VARIABLE x\nA == INSTANCE Inner WITH N <- 1\nB == INSTANCE Inner WITH N <- 2\nInit == x = 0\nX == <<A!S, B!S, A!S, A!T, B!T, A!T>>', Inner: inner },
      'INIT Init',
    );
    // A!S = {1, 2}, B!S = {2, 3}; A!T = <<1>>, B!T = [i \in 1..2 |-> 2i] = <<2, 4>>
    const v = evalIn(spec, 'X', null);
    expect(JSON.stringify(v, (k, x) => (k === 'h1' || k === 'h2' || k === 'tok' ? undefined : x))).toBe(
      JSON.stringify({
        kind: 'tuple',
        elems: [
          { kind: 'set', elems: [{ kind: 'int', n: 1 }, { kind: 'int', n: 2 }] },
          { kind: 'set', elems: [{ kind: 'int', n: 2 }, { kind: 'int', n: 3 }] },
          { kind: 'set', elems: [{ kind: 'int', n: 1 }, { kind: 'int', n: 2 }] },
          { kind: 'tuple', elems: [{ kind: 'int', n: 1 }] },
          { kind: 'tuple', elems: [{ kind: 'int', n: 2 }, { kind: 'int', n: 4 }] },
          { kind: 'tuple', elems: [{ kind: 'int', n: 1 }] },
        ],
      }),
    );
  });

  test('a set built from a bound name is not kept: {i, 2} for i in 1..3', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals, FiniteSets\nVARIABLE x\nInit == x = 0\nX == {Cardinality({i, 2}) : i \\in 1..3}' }, 'INIT Init');
    // {1, 2} has 2 elements, {2, 2} = {2} has 1, {3, 2} has 2: the set {1, 2}
    expect(evalIn(spec, 'X', null)).toMatchObject({ kind: 'set', elems: [{ n: 1 }, { n: 2 }] });
  });

  test('Print inside a constant expression of an invariant prints every time the invariant is checked', async () => {
    const lines: string[] = [];
    tlcRuntime.print = (l) => lines.push(l);
    const spec = await compile(
      { M: 'EXTENDS Naturals, TLC\nVARIABLE x\nInit == x = 0\nNext == x < 2 /\\ x\' = x + 1\nInv == x >= 0 /\\ {PrintT("inv")} = {TRUE}' },
      'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
    );
    const r = search(spec);
    expect(r.outcome.kind).toBe('ok');
    // three distinct states (x = 0, 1, 2), the invariant checked once on each: three prints
    expect(lines).toEqual(['"inv"', '"inv"', '"inv"']);
  });

  test('a constant primed expression still needs a next state: c\' in an invariant is an error every time', async () => {
    const spec = await compile(
      { M: 'CONSTANT c\nVARIABLE x\nInit == x = 0\nNext == x\' = {c\'}\nInv == x = {c\'}' },
      'CONSTANT c = 1\nINIT Init\nNEXT Next\nINVARIANT Inv',
    );
    // Init gives x = 0 and the invariant evaluates {c'} in a state with no next state
    const r = search(spec);
    expect(r.outcome.kind).toBe('evalError');
  });
});

describe('state-level values kept for one state', () => {
  test('a definition read several times while a state is expanded has its value in that state', async () => {
    // Blank is read four times per action; successors from two different states must each see
    // their own state's Blank
    const spec = await compile(
      {
        M: 'EXTENDS Integers\nVARIABLE b\nBlank == CHOOSE p \\in 1..3 : b[p] = 0\nInit == b = <<1, 0, 2>>\nMove(d) == LET n == Blank + d IN n \\in 1..3 /\\ b\' = [b EXCEPT ![Blank] = b[n], ![n] = 0]\nNext == Move(-1) \\/ Move(1)',
      },
      'INIT Init\nNEXT Next',
    );
    const [s0] = [...spec.initStates()];
    // blank at 2: moving left swaps with 1, moving right swaps with 2
    const next = [...spec.successors(s0!)].map((x) => x.state);
    expect(states(spec, next)).toEqual(['b=<<0, 1, 2>>', 'b=<<1, 2, 0>>']);
    // from <<0, 1, 2>> (blank at 1) only the move right applies
    expect(states(spec, [...spec.successors(next[0]!)].map((x) => x.state))).toEqual(['b=<<1, 0, 2>>']);
    // from <<1, 2, 0>> (blank at 3) only the move left applies
    expect(states(spec, [...spec.successors(next[1]!)].map((x) => x.state))).toEqual(['b=<<1, 0, 2>>']);
  });

  test('a LET value that reads a primed variable sees each assignment being tried', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x\' \\in {1, 2, 3} /\\ LET d == x\' - x IN d # 2' }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    expect(states(spec, [...spec.successors(s0!)].map((x) => x.state))).toEqual(['x=1', 'x=3']);
  });

  test('a definition using TLCGet("level") is evaluated afresh: no state-level caching of run-time values', async () => {
    const spec = await compile(
      { M: 'EXTENDS Naturals, TLC\nVARIABLE x\nL == TLCGet("level")\nInit == x = 0\nNext == x\' = IF x < 3 THEN x + 1 ELSE x\nInv == L = x + 1' },
      'INIT Init\nNEXT Next\nINVARIANT Inv',
    );
    // the level of the state x = k is k + 1 (initial states are level 1)
    const r = search(spec);
    expect(r.outcome.kind).toBe('ok');
    expect(r.distinct).toBe(4);
  });
});
