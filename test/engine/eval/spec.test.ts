// The cfg entries compileSpec turns into checker hooks (Spec.java processConfig*): each one on
// a tiny spec whose expected answer is worked out by hand.
import { describe, expect, test } from 'vitest';
import { compile } from './helpers.js';

const counter = 'EXTENDS Naturals\nVARIABLE x\nInit == x \\in {0, 5}\nNext == x\' = x + 1\n';

describe('cfg hooks', () => {
  test('CONSTRAINT entries are conjoined state predicates', async () => {
    const spec = await compile({ M: `${counter}Small == x < 3\nEven == x % 2 = 0` }, 'INIT Init\nNEXT Next\nCONSTRAINT Small Even');
    const [s0, s5] = [...spec.initStates()];
    // 0 is small and even; 5 is neither
    expect([spec.stateConstraint(s0!), spec.stateConstraint(s5!)]).toEqual([true, false]);
  });
  test('ACTION_CONSTRAINT sees both states of a step', async () => {
    const spec = await compile({ M: `${counter}Step == x' - x = 1 /\\ x < 5` }, 'INIT Init\nNEXT Next\nACTION_CONSTRAINT Step');
    const [s0, s5] = [...spec.initStates()];
    const t0 = [...spec.successors(s0!)][0]!.state;
    const t5 = [...spec.successors(s5!)][0]!.state;
    expect([spec.actionConstraint(s0!, t0), spec.actionConstraint(s5!, t5)]).toEqual([true, false]);
  });
  test('ALIAS replaces the printed variables by the fields of a record', async () => {
    const spec = await compile({ M: `${counter}Al == [double |-> 2 * x, x |-> x]` }, 'INIT Init\nNEXT Next\nALIAS Al');
    const [, s5] = [...spec.initStates()];
    expect(spec.formatState(s5!)).toBe('/\\ double = 10\n/\\ x = 5');
  });
  test('ASSUME results come back in module order', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals\nCONSTANT N\nVARIABLE x\nASSUME N > 1\nASSUME N > 5\nInit == x = N', }, 'CONSTANT N = 3\nINIT Init');
    expect(spec.checkAssumptions().map((a) => a.holds)).toEqual([true, false]);
  });
  test('POSTCONDITION is evaluated without a state', async () => {
    const spec = await compile({ M: `${counter}Post == 1 + 1 = 2` }, 'INIT Init\nNEXT Next\nPOSTCONDITION Post');
    expect(spec.postconditions.map((p) => [p.name, p.holds()])).toEqual([['Post', true]]);
  });
  test('CHECK_DEADLOCK defaults to TRUE and can be turned off', async () => {
    const on = await compile({ M: counter }, 'INIT Init\nNEXT Next');
    const off = await compile({ M: counter }, 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE');
    expect([on.checkDeadlock, off.checkDeadlock]).toEqual([true, false]);
  });
  test('itfState encodes each variable in ITF', async () => {
    const spec = await compile({ M: 'VARIABLES a, b\nInit == a = <<1>> /\\ b = {"s"}' }, 'INIT Init');
    expect(spec.itfState([...spec.initStates()][0]!)).toEqual({ a: [{ '#bigint': '1' }], b: { '#set': ['s'] } });
  });
});

describe('printing states (TLCStateMut.toString)', () => {
  test('a single variable prints without the /\\ bullet', async () => {
    const spec = await compile({ M: 'VARIABLE x\nInit == x = 1' }, 'INIT Init');
    expect(spec.formatState([...spec.initStates()][0]!)).toBe('x = 1');
  });
});

describe('TLCGet("level") (TLC.java: the level of the state being looked at)', () => {
  test('initial states are level 1 and each successor one more, as in BFS', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals, TLC\nVARIABLE x\nInit == x = 0\nNext == x\' = TLCGet("level")\nLow == TLCGet("level") < 3' }, 'INIT Init\nNEXT Next\nCONSTRAINT Low');
    const [s0] = [...spec.initStates()];
    const s1 = [...spec.successors(s0!)][0]!.state; // generated from level 1: x = 1
    const s2 = [...spec.successors(s1)][0]!.state; // from level 2: x = 2
    const s3 = [...spec.successors(s2)][0]!.state; // from level 3: x = 3
    expect([s1, s2, s3].map((s) => (s[0] as { n: number }).n)).toEqual([1, 2, 3]);
    // the constraint sees each state's own level: 1, 2 pass, 3 and 4 do not
    expect([s0, s1, s2, s3].map((s) => spec.stateConstraint(s!))).toEqual([true, true, false, false]);
  });
});
