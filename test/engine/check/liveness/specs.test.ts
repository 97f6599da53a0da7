// Liveness verdicts on small specs written for these tests (specs/). Every verdict is derived
// by hand in the comment next to it; the counts are those of the safety search (TLC checks
// liveness after it on a complete state space), derived by hand as well.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, type CheckRun } from '../../../../engine/check/pipeline.js';
import { resultText } from '../../../../engine/check/report.js';
import { exitCodeOf, propertyOf, verdictOf, type Outcome } from '../../../../engine/check/result.js';
import { format } from '../../../../engine/values/print.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'specs');

async function check(module: string, cfg: string): Promise<CheckRun> {
  return checkFile(join(dir, `${module}.tla`), { cfgPath: join(dir, `${cfg}.cfg`) });
}

const verdict = (r: CheckRun) => ({ result: verdictOf(r.result.outcome), exitCode: exitCodeOf(r.result.outcome), property: propertyOf(r.result.outcome) });
const counts = (r: CheckRun) => ({ generated: r.result.generated, distinct: r.result.distinct, depth: r.result.depth });
const OK = { result: 'ok', exitCode: 0, property: undefined };
const violated = (property: string) => ({ result: 'liveness', exitCode: 13, property });

type Liveness = Extract<Outcome, { kind: 'liveness' }>;
function liveness(r: CheckRun): Liveness {
  const o = r.result.outcome;
  if (o.kind !== 'liveness') throw new Error(`expected a liveness violation, got ${o.kind}`);
  return o;
}
/** the value of variable `v` in each state of the counterexample */
const column = (r: CheckRun, o: Liveness, v: string) => o.trace.map((s) => format(s.state[r.spec.variables.indexOf(v)]!));

/** A counterexample must be a behaviour of the spec: it starts in an initial state, each state
 *  is a successor of the one before, and the loop closes with a real step (or stutters). */
function expectBehaviour(r: CheckRun, o: Liveness): void {
  const { spec } = r;
  const fp = (s: (typeof o.trace)[number]['state']) => spec.fingerprint(s);
  expect([...spec.initStates()].map(fp)).toContain(fp(o.trace[0]!.state));
  for (let i = 1; i < o.trace.length; i++) {
    expect([...spec.successors(o.trace[i - 1]!.state)].map((x) => fp(x.state))).toContain(fp(o.trace[i]!.state));
  }
  if (o.loop.kind === 'back') {
    expect(o.loop.state).toBeGreaterThanOrEqual(1);
    expect(o.loop.state).toBeLessThanOrEqual(o.trace.length);
    expect([...spec.successors(o.trace.at(-1)!.state)].map((x) => fp(x.state))).toContain(fp(o.trace[o.loop.state - 1]!.state));
  }
}

// Mutex, P = {p1, p2}: pc pairs over {idle, wait, cs} except both in cs, lock = someone in cs:
// 8 states. Successors (p1, p2): (i,i) 2, (w,i) 2, (i,w) 2, (c,i) 2, (i,c) 2, (w,w) 2,
// (c,w) 1, (w,c) 1 (the waiter is blocked) = 14, + 1 initial = 15 generated. Depth: (i,i) 1,
// (w,i)/(i,w) 2, (c,i)/(w,w)/(i,c) 3, (c,w)/(w,c) 4.
const MUTEX = { generated: 15, distinct: 8, depth: 4 };

describe('a process that may starve: no fairness, weak fairness, strong fairness', () => {
  it('without fairness a waiting process may wait forever: the behaviour stutters', async () => {
    // Request(p1), then nothing ever happens again (stuttering is always allowed).
    const r = await check('Mutex', 'MutexUnfair');
    expect(verdict(r)).toEqual(violated('NoStarvation'));
    expect(counts(r)).toEqual(MUTEX);
    const o = liveness(r);
    expect(o.loop.kind).toBe('stutter');
    expect(column(r, o, 'pc').at(-1)).toContain('"wait"');
    expectBehaviour(r, o);
  });

  it('weak fairness per process is not enough: the other process takes the lock again and again', async () => {
    // p1 waits; p2 cycles idle -> wait -> cs -> idle. Proc(p1) = Enter(p1) is disabled whenever
    // p2 holds the lock, i.e. infinitely often, so WF_vars(Proc(p1)) holds without p1 moving;
    // p2 moves infinitely often. A fair behaviour where p1 never enters: violated.
    const r = await check('Mutex', 'MutexWeak');
    expect(verdict(r)).toEqual(violated('NoStarvation'));
    expect(counts(r)).toEqual(MUTEX);
    const o = liveness(r);
    // the cycle needs p2 in its critical section (that is what disables p1), so it is a real loop
    expect(o.loop.kind).toBe('back');
    expectBehaviour(r, o);
  });

  it('strong fairness per process makes every waiting process enter', async () => {
    // If p waited forever, SF_vars(Proc(p)) would need Enter(p) enabled only finitely often,
    // i.e. the lock held forever from some point by the other process q, in cs forever; but
    // then Exit(q) is enabled forever and SF_vars(Proc(q)) forces it: contradiction. Holds.
    const r = await check('Mutex', 'MutexStrong');
    expect(verdict(r)).toEqual(OK);
    expect(counts(r)).toEqual(MUTEX);
  });

  it('under strong fairness: [](P => <>Q), []<> of a state predicate and []<><<A>>_v all hold', async () => {
    // NoStarvationBox is NoStarvation written with [] and =>. An idle process has Request
    // enabled until it takes it, so every process requests, enters (above) and exits (Exit
    // stays enabled in cs) forever: each is in cs infinitely often, and the lock is taken
    // (lock' = TRUE with lock changing) infinitely often.
    const r = await check('Mutex', 'MutexStrongAll');
    expect(verdict(r)).toEqual(OK);
  });

  it('under weak fairness a process need not be in its critical section infinitely often', async () => {
    // the starving behaviour above: p1 is never in cs again
    const r = await check('Mutex', 'MutexWeakCs');
    expect(verdict(r)).toEqual(violated('InCsOften'));
    expectBehaviour(r, liveness(r));
  });
});

// Settle: 0 -> 1 -> 2 -> 3 -> 2 (seen): 1 + 4 = 5 generated, 4 distinct, depth 4. Next is
// always enabled and WF_x(Next) forbids stopping, so the only fair behaviour is
// 0, 1, 2, 3, 2, 3, ...; its shortest lasso is 0 1 2 3 and back to state 3 (x = 2).
const SETTLE = { generated: 5, distinct: 4, depth: 4 };

describe('<>[] and []<> on the only fair behaviour 0, 1, 2, 3, 2, 3, ...', () => {
  it.each([
    ['TwoOften', '[]<>(x = 2): x = 2 at every other step from the third on', true],
    ['StaysHigh', '<>[](x >= 2): from the third state on', true],
    ['FlipsOnly', '<>[][Flip]_x: after the two Inc steps every step is a Flip', true],
    ['IncDies', '<>[](~ENABLED Inc): Inc is enabled only while x < 2', true],
    ['OneThenHigh', '(x = 1) ~> [](x >= 2): from the third state on', true],
    ['StaysTwo', '<>[](x = 2): x keeps going back to 3', false],
    ['OneThenTwo', '(x = 1) ~> [](x = 2): x keeps going back to 3 after x = 1', false],
    ['ZeroOften', '[]<>(x = 0): x = 0 only in the first state', false],
    ['IncOften', '[]<><<Inc>>_x: Inc is taken twice only', false],
    ['NeverFive', '[]~<>(x = 5): x stays below 4', true],
    ['NotAlwaysLow', '<>~[](x < 3): x = 3 in the fourth state', true],
    ['ZeroOftenNested', '<>[]<>(x = 0), that is []<>(x = 0)', false],
  ])('%s: %s', async (property, _why, holds) => {
    const r = await check('Settle', `Settle${property}`);
    expect(counts(r)).toEqual(SETTLE);
    expect(verdict(r)).toEqual(holds ? OK : violated(property));
    if (holds) return;
    const o = liveness(r);
    expect(column(r, o, 'x')).toEqual(['0', '1', '2', '3']);
    expect(o.loop).toMatchObject({ kind: 'back', state: 3, action: { name: 'Flip' } });
  });
});

describe('stability [](P => []Q): once P, Q forever', () => {
  it('holds when every state after x = 2 has x >= 2', async () => {
    const r = await check('Settle', 'SettleTwoThenHigh');
    expect(verdict(r)).toEqual(OK);
  });
  it('fails when x = 3 follows x = 2: a state with P, then later one without Q', async () => {
    const r = await check('Settle', 'SettleTwoThenTwo');
    expect(verdict(r)).toEqual(violated('TwoThenTwo'));
    const o = liveness(r);
    expectBehaviour(r, o);
    expect(column(r, o, 'x').slice(0, 4)).toEqual(['0', '1', '2', '3']);
  });
});

// Stutter: 0 -> 1, and 1 has no successor (deadlock check off): 2 generated, 2 distinct, depth 2.
describe('stuttering', () => {
  it('<>P fails by stuttering in the initial state when nothing forces a step', async () => {
    // The behaviour x = 0, 0, 0, ... satisfies Init /\ [][Next]_x and never has x = 1.
    const r = await check('Stutter', 'StutterReach');
    expect(counts(r)).toEqual({ generated: 2, distinct: 2, depth: 2 });
    expect(verdict(r)).toEqual(violated('Reach'));
    const o = liveness(r);
    expect(column(r, o, 'x')).toEqual(['0']);
    expect(o.loop).toEqual({ kind: 'stutter' });
  });

  it('TLC wording: the counterexample ends in "N: Stuttering"', async () => {
    const r = await check('Stutter', 'StutterReach');
    // (a single variable is printed without the /\\ bullet, as TLC does)
    const text = resultText(r.spec, r.result).join('\n');
    expect(text).toContain('Error: Temporal properties were violated.\n\nError: The following behavior constitutes a counter-example:\n\nState 1: <Initial predicate>\nx = 0\n\nState 2: Stuttering\n');
  });
});

describe('a PROPERTY that is itself a spec: FairSpec => <>P', () => {
  it('the fairness on the left of => restricts the behaviours: holds', async () => {
    // Behaviours of Spec that also satisfy WF_x(Next) take Next while x = 0, reaching 1.
    const r = await check('Stutter', 'StutterFairReach');
    expect(verdict(r)).toEqual(OK);
  });
  it('without fairness on the left the stuttering behaviour still violates it', async () => {
    const r = await check('Stutter', 'StutterUnfairReach');
    expect(verdict(r)).toEqual(violated('UnfairReach'));
    expect(liveness(r).loop).toEqual({ kind: 'stutter' });
  });
});

// Rounds, P = {a, b}: c ranges over {0,1,2}^2, 9 states, each with 2 successors: 1 + 18 = 19
// generated; (2,2) is 4 steps from (0,0): depth 5.
const ROUNDS = { generated: 19, distinct: 9, depth: 5 };

describe('fairness per process: \\A p \\in P : WF_c(Step(p)) versus WF_c(Next)', () => {
  it.each([
    ['PerProcess', 'EachReachesTwo', true, 'Step(p) is always enabled and changes c, so WF makes every process step forever'],
    ['PerProcess', 'EachStepsOften', true, 'the same: <<Step(p)>>_c infinitely often for each p'],
    ['Whole', 'EachReachesTwo', false, 'WF_c(Next) is met by b stepping forever while a stays at 0'],
    ['Whole', 'EachStepsOften', false, 'the same behaviour: a never steps'],
  ])('%s, %s', async (spec, property, holds) => {
    const r = await check('Rounds', `Rounds${spec}${property}`);
    expect(counts(r)).toEqual(ROUNDS);
    expect(verdict(r)).toEqual(holds ? OK : violated(property));
    if (holds) return;
    const o = liveness(r);
    expectBehaviour(r, o);
    // process a (the first instance of \A p) is the one starved: it stays at 0 on the cycle
    expect(o.loop.kind).toBe('back');
    const cs = column(r, o, 'c');
    expect(cs.slice((o.loop as { state: number }).state - 1).every((c) => c.includes('a :> 0'))).toBe(true);
  });
});

describe('two eventualities in one formula', () => {
  it('~(<>P /\\ <>Q) is violated by a behaviour where both happen, in either order', async () => {
    // x = 0 holds initially and x = 1 after the one step; then x stays 1 (stuttering, the
    // only way on from 1): the lasso 0, 1, stuttering. The order "x = 1 first" is impossible.
    const r = await check('Stutter', 'StutterBoth');
    expect(verdict(r)).toEqual(violated('Both'));
    const o = liveness(r);
    expect(column(r, o, 'x')).toEqual(['0', '1']);
    expect(o.loop).toEqual({ kind: 'stutter' });
  });
});

describe('formulas the checker does not handle', () => {
  it('are reported with their location (exit 255 as TLC\'s TLC_LIVE_CANNOT_HANDLE_FORMULA), not answered', async () => {
    // ([]<>P) ~> Q: a leads-to from a temporal formula
    const r = await check('Stutter', 'StutterNested');
    const o = r.result.outcome;
    expect(o.kind).toBe('evalError');
    expect(exitCodeOf(o)).toBe(255);
    expect(o.kind === 'evalError' && o.error.describe()).toMatch(/Stutter\.tla:19:\d+: TLC cannot handle the temporal formula here: ~> from a temporal formula/);
  });
});

describe('when the temporal property is evaluated', () => {
  it('after the invariants, as TLC does (LiveCheck.addNextState once a state is expanded): the invariant violation wins', async () => {
    // x = 2 violates Small and makes Odd fail to evaluate (10 \div 0); Small is checked first
    const r = await check('Order', 'OrderInv');
    expect(r.result.outcome.kind).toBe('invariant');
    expect(propertyOf(r.result.outcome)).toBe('Small');
  });
  it('an evaluation error in a temporal property: exit 77 with the behaviour up to that state', async () => {
    const r = await check('Order', 'OrderEval');
    const o = r.result.outcome;
    expect(o.kind).toBe('evalError');
    expect(exitCodeOf(o)).toBe(77);
    expect(o.kind === 'evalError' && o.trace.map((s) => format(s.state[0]!))).toEqual(['0', '1', '2']);
  });
});
