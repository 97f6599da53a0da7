// ENABLED of an action reached through INSTANCE ... WITH (Tool.enabled sees the instance's
// action with its substitutions applied): WF of an instance's action inside a property, through
// a parameterised instance and through two levels of instances. Inner counts y from 0 to N;
// the outer spec maps y to its own x. Verdicts worked out by hand: with WF on Next the counter
// reaches 2, so every property holds; without it the behaviour may stutter at x = 0 while IInc
// is enabled, which violates WF of IInc.
import { describe, expect, test } from 'vitest';
import { search } from '../../../engine/check/bfs.js';
import { compile } from './helpers.js';

const INNER = `EXTENDS Naturals
CONSTANT N
VARIABLE y
IInit == y = 0
IInc == y < N /\\ y' = y + 1
ISpec == IInit /\\ [][IInc]_y /\\ WF_y(IInc)`;
const MID = `CONSTANT M
VARIABLE z
B == INSTANCE Inner WITH N <- M, y <- z
MSpec == B!IInit /\\ [][B!IInc]_z /\\ WF_z(B!IInc)`;
const outer = (fair: boolean) => `EXTENDS Naturals
VARIABLE x
A == INSTANCE Inner WITH N <- 2, y <- x
I(c) == INSTANCE Inner WITH N <- c, y <- x
C == INSTANCE Mid WITH M <- 2, z <- x
Init == x = 0
Next == A!IInc
Spec == Init /\\ [][Next]_x ${fair ? '/\\ WF_x(Next)' : ''}
P1 == A!ISpec
P2 == WF_x(I(2)!IInc)
P3 == C!MSpec
P4 == C!B!ISpec`;

describe('ENABLED through INSTANCE ... WITH', () => {
  for (const p of ['P1', 'P2', 'P3', 'P4']) {
    test(`${p} holds when Next is weakly fair`, async () => {
      const spec = await compile({ O: outer(true), Inner: INNER, Mid: MID }, `SPECIFICATION Spec\nPROPERTY ${p}\nCHECK_DEADLOCK FALSE\n`);
      const r = search(spec);
      expect(r.outcome).toEqual({ kind: 'ok' });
      expect([r.distinct, r.depth]).toEqual([3, 3]);
    });
    test(`${p} is violated by stuttering when Next is not fair`, async () => {
      const spec = await compile({ O: outer(false), Inner: INNER, Mid: MID }, `SPECIFICATION Spec\nPROPERTY ${p}\nCHECK_DEADLOCK FALSE\n`);
      expect(search(spec).outcome.kind).toBe('liveness');
    });
  }
});
