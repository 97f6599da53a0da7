// The breadth-first search counts what TLC counts (rules in engine/check/bfs.ts). Every
// expected number below is derived by hand from the tiny state machine next to it.
import { describe, expect, it } from 'vitest';
import { search } from '../../../engine/check/bfs.js';
import { exitCodeOf, verdictOf, type TraceStep } from '../../../engine/check/result.js';
import { EvalError, AssertionFailure } from '../../../engine/errors.js';
import { fakeSpec, loc, toInts, type Ints } from './fake.js';

const counts = (r: ReturnType<typeof search>) => ({ generated: r.generated, distinct: r.distinct, queued: r.queued, depth: r.depth });
const states = (t: readonly TraceStep[] | undefined) => (t ?? []).map((s) => toInts(s.state));
const actions = (t: readonly TraceStep[] | undefined) => (t ?? []).map((s) => s.action?.name ?? 'init');

/** x counts 0, 1, 2, 3 and stops. */
const upTo3 = (checkDeadlock: boolean) =>
  fakeSpec({
    variables: ['x'],
    init: () => [[0]],
    actions: [{ name: 'Inc', line: 5, next: ([x]) => (x! < 3 ? [[x! + 1]] : []) }],
    checkDeadlock,
  });

/** (x, y) from (0,0), X sets x to 1, Y sets y to 1: (1,1) is reached two ways. */
const square = () =>
  fakeSpec({
    variables: ['x', 'y'],
    init: () => [[0, 0]],
    actions: [
      { name: 'X', line: 3, next: ([x, y]) => (x === 0 ? [[1, y!]] : []) },
      { name: 'Y', line: 4, next: ([x, y]) => (y === 0 ? [[x!, 1]] : []) },
    ],
    checkDeadlock: false,
  });

describe('counts of a complete search', () => {
  it('a chain of 4 states: 1 initial + 3 successors generated, depth 4', () => {
    const r = search(upTo3(false));
    expect(r.outcome).toEqual({ kind: 'ok' });
    expect(counts(r)).toEqual({ generated: 4, distinct: 4, queued: 0, depth: 4 });
  });

  it('initial states count as generated with their duplicates (x \\in {1,2} \\/ x = 1: 3 generated, 2 distinct)', () => {
    const r = search(fakeSpec({ variables: ['x'], init: () => [[1], [2], [1]], actions: [{ name: 'Stay', line: 3, next: (s) => [s] }] }));
    expect(r.outcome.kind).toBe('ok');
    // 3 initial (one duplicate) + one self-loop from each of the 2 distinct states.
    expect(counts(r)).toEqual({ generated: 5, distinct: 2, queued: 0, depth: 1 });
    expect([r.initGenerated, r.initDistinct]).toEqual([3, 2]);
  });

  it('successors count with duplicates: a 2x2 grid reached two ways', () => {
    // (0,0) -> (1,0),(0,1); (1,0) -> (1,1); (0,1) -> (1,1) again; (1,1) -> nothing.
    // generated = 1 + 2 + 1 + 1 = 5, distinct 4, depth 3 (levels (0,0)=1, (1,0)=2, (1,1)=3).
    const r = search(square());
    expect(counts(r)).toEqual({ generated: 5, distinct: 4, queued: 0, depth: 3 });
  });

  it("keeps TLC's outdegree summary: new successors per expanded state", () => {
    // Chain 0..3: states 0, 1, 2 each lead to one new state, 3 to none. Samples {0, 1, 1, 1}:
    // min 0, max 1, mean 0.75 -> 1, 95th percentile: floor(4 * .95) = 3, the first bucket whose
    // cumulative count exceeds 3 is 1.
    expect(search(upTo3(false)).outDegree).toEqual({ min: 0, mean: 1, p95: 1, max: 1 });
    // The 2x2 grid: (0,0) -> 2 new, (1,0) -> 1, (0,1) -> 0 (its successor was seen), (1,1) -> 0.
    // Samples {2, 1, 0, 0}: mean 0.75 -> 1; pos 3: cumulative 2 (bucket 0), 3 (bucket 1), 4 (bucket 2) -> 2.
    expect(search(square()).outDegree).toEqual({ min: 0, mean: 1, p95: 2, max: 2 });
    // Not reported when the search stopped early.
    expect(search(upTo3(true)).outDegree).toBeUndefined();
  });

  it('depth is 0 when no initial state exists', () => {
    const r = search(fakeSpec({ variables: ['x'], init: () => [], actions: [] }));
    expect(counts(r)).toEqual({ generated: 0, distinct: 0, queued: 0, depth: 0 });
  });
});

describe('deadlock', () => {
  it('is the state with no successor at all, reported with the counts at that moment', () => {
    const r = search(upTo3(true));
    expect(r.outcome.kind).toBe('deadlock');
    expect(exitCodeOf(r.outcome)).toBe(11);
    expect(counts(r)).toEqual({ generated: 4, distinct: 4, queued: 0, depth: 4 });
    expect(r.outcome.kind === 'deadlock' && states(r.outcome.trace)).toEqual([[0], [1], [2], [3]]);
  });

  it('is not reported when CHECK_DEADLOCK is overridden by the -deadlock option', () => {
    expect(search(upTo3(true), { checkDeadlock: false }).outcome.kind).toBe('ok');
  });

  it('a self-loop is a successor: no deadlock', () => {
    const r = search(fakeSpec({ variables: ['x'], init: () => [[0]], actions: [{ name: 'Stutter', line: 2, next: (s) => [s] }] }));
    expect(r.outcome.kind).toBe('ok');
  });
});

/** (x, y) from (0,0); A: x < 2 -> x+1, B: y < 2 -> y+1; invariant ~(x = 1 /\ y = 1). */
const grid = (extra: Partial<Parameters<typeof fakeSpec>[0]> = {}) =>
  fakeSpec({
    variables: ['x', 'y'],
    init: () => [[0, 0]],
    actions: [
      { name: 'A', line: 7, next: ([x, y]) => (x! < 2 ? [[x! + 1, y!]] : []) },
      { name: 'B', line: 8, next: ([x, y]) => (y! < 2 ? [[x!, y! + 1]] : []) },
    ],
    invariants: [['NotBoth', ([x, y]) => !(x === 1 && y === 1)]],
    checkDeadlock: false,
    ...extra,
  });

describe('invariant violation', () => {
  it('stops at the first violating successor with the shortest trace and the counts so far', () => {
    // (0,0) expands to (1,0),(0,1); (1,0) expands to (2,0), then (1,1) violates.
    // generated 1+2+2 = 5; distinct 5 (the violating state is inserted first); queue holds
    // (0,1),(2,0); depth 3 = level of (1,1).
    const r = search(grid());
    expect(r.outcome.kind).toBe('invariant');
    expect(exitCodeOf(r.outcome)).toBe(12);
    expect(verdictOf(r.outcome)).toBe('violation');
    expect(counts(r)).toEqual({ generated: 5, distinct: 5, queued: 2, depth: 3 });
    if (r.outcome.kind !== 'invariant') return;
    expect(r.outcome.name).toBe('NotBoth');
    expect(states(r.outcome.trace)).toEqual([[0, 0], [1, 0], [1, 1]]);
    expect(actions(r.outcome.trace)).toEqual(['init', 'A', 'B']);
    expect(r.outcome.trace[1]!.action!.loc).toEqual(loc(7));
  });

  it('reports the first failing invariant in cfg order', () => {
    const r = search(grid({ invariants: [['Small', ([x, y]) => x! + y! < 2], ['NotBoth', ([x, y]) => !(x === 1 && y === 1)]] }));
    // (2,0) is generated before (1,1) and already breaks Small: generated 4, distinct 4.
    expect(r.outcome.kind === 'invariant' && r.outcome.name).toBe('Small');
    expect(counts(r)).toEqual({ generated: 4, distinct: 4, queued: 1, depth: 3 });
  });

  it('in an initial state stops init generation there: "violated by the initial state"', () => {
    const r = search(fakeSpec({ variables: ['x'], init: () => [[0], [1], [2]], actions: [], invariants: [['NotOne', ([x]) => x !== 1]] }));
    expect(r.outcome.kind).toBe('invariantInitial');
    expect(counts(r)).toEqual({ generated: 2, distinct: 2, queued: 2, depth: 1 });
    expect(r.outcome.kind === 'invariantInitial' && states(r.outcome.trace)).toEqual([[1]]);
  });

  it('a PROPERTY that is a state predicate is checked on initial states only (exit 13)', () => {
    const r = search(fakeSpec({ variables: ['x'], init: () => [[0], [5]], actions: [], initPredicates: [['StartsLow', ([x]) => x! < 3]], checkDeadlock: false }));
    expect(r.outcome.kind).toBe('propertyInitial');
    expect(exitCodeOf(r.outcome)).toBe(13);
  });
});

describe('constraints', () => {
  /** x from 0 by +1 for ever, CONSTRAINT x < 3 */
  const unbounded = (extra: Partial<Parameters<typeof fakeSpec>[0]> = {}) =>
    fakeSpec({ variables: ['x'], init: () => [[0]], actions: [{ name: 'Inc', line: 4, next: ([x]) => [[x! + 1]] }], constraint: ([x]) => x! < 3, ...extra });

  it('a constrained-out successor is generated, not distinct, not expanded, and saves its parent from deadlock', () => {
    // 0 -> 1 -> 2 -> 3 (out): generated 1 + 3 = 4, distinct {0,1,2} = 3, depth 3, no deadlock.
    const r = search(unbounded());
    expect(r.outcome.kind).toBe('ok');
    expect(counts(r)).toEqual({ generated: 4, distinct: 3, queued: 0, depth: 3 });
  });

  it('invariants are still evaluated on constrained-out states (TLC keeps unseen = true)', () => {
    const r = search(unbounded({ invariants: [['NotThree', ([x]) => x !== 3]] }));
    expect(r.outcome.kind).toBe('invariant');
    // 3 is generated (4 in all) but not inserted: distinct stays 3, depth 3; trace 0,1,2,3.
    expect(counts(r)).toEqual({ generated: 4, distinct: 3, queued: 0, depth: 3 });
    expect(r.outcome.kind === 'invariant' && states(r.outcome.trace)).toEqual([[0], [1], [2], [3]]);
  });

  it('an ACTION_CONSTRAINT filters transitions the same way', () => {
    // x' = x + 1 or x' = x + 2 from 0; action constraint: t - s = 1 only, bound x < 3 by the
    // action constraint too (t < 3). 0 -> 1 (ok), 2 (out); 1 -> 2 (ok), 3 (out); 2 -> 3, 4 (out).
    // generated 1 + 2 + 2 + 2 = 7; distinct 3; depth 3.
    const r = search(
      fakeSpec({
        variables: ['x'],
        init: () => [[0]],
        actions: [{ name: 'Jump', line: 4, next: ([x]) => [[x! + 1], [x! + 2]] }],
        actionConstraint: ([s], [t]) => t! - s! === 1 && t! < 3,
      }),
    );
    expect(r.outcome.kind).toBe('ok');
    expect(counts(r)).toEqual({ generated: 7, distinct: 3, queued: 0, depth: 3 });
  });

  it('an initial state failing the CONSTRAINT is generated but not distinct', () => {
    const r = search(unbounded({ init: () => [[5], [0]] }));
    expect(counts(r)).toEqual({ generated: 5, distinct: 3, queued: 0, depth: 3 });
    expect([r.initGenerated, r.initDistinct]).toEqual([2, 1]);
  });
});

describe('action properties [][A]_v', () => {
  it('are checked on every transition, also into seen states', () => {
    // x: 0 -> 1 -> 0 (seen). Property "never decrease" fails on the step 1 -> 0 although 0 is
    // not new: generated 1 + 1 + 1 = 3, distinct 2, trace 0, 1, 0.
    const r = search(
      fakeSpec({ variables: ['x'], init: () => [[0]], actions: [{ name: 'Flip', line: 4, next: ([x]) => [[1 - x!]] }], actionProperties: [['Monotone', ([s], [t]) => t! >= s!]] }),
    );
    expect(r.outcome.kind).toBe('actionProperty');
    expect(exitCodeOf(r.outcome)).toBe(13);
    expect(counts(r)).toEqual({ generated: 3, distinct: 2, queued: 0, depth: 2 });
    expect(r.outcome.kind === 'actionProperty' && states(r.outcome.trace)).toEqual([[0], [1], [0]]);
  });
});

describe('VIEW fingerprints', () => {
  it('deduplicates by the view, so a state equal in view is not new and not checked', () => {
    // (x, t) with x toggling and t counting, VIEW x: (0,0), (1,1) distinct; (0,2) has the view
    // of (0,0). generated 3, distinct 2, depth 2; the invariant t < 2 is never evaluated on (0,2).
    const r = search(
      fakeSpec({
        variables: ['x', 't'],
        init: () => [[0, 0]],
        actions: [{ name: 'Tick', line: 4, next: ([x, t]) => [[1 - x!, t! + 1]] }],
        view: ([x]) => x,
        invariants: [['Young', ([, t]) => t! < 2]],
      }),
    );
    expect(r.outcome.kind).toBe('ok');
    expect(counts(r)).toEqual({ generated: 3, distinct: 2, queued: 0, depth: 2 });
  });
});

describe('errors while evaluating', () => {
  const failing = (err: Error, where: 'next' | 'invariant') =>
    fakeSpec({
      variables: ['x'],
      init: () => [[0]],
      actions: [
        {
          name: 'Inc',
          line: 4,
          next: ([x]) => {
            if (where === 'next' && x === 2) throw err;
            return [[x! + 1]];
          },
        },
      ],
      invariants: [
        [
          'Inv',
          ([x]) => {
            if (where === 'invariant' && x === 2) throw err;
            return true;
          },
        ],
      ],
    });

  it('in Next: exit 75 with the trace to the state being expanded', () => {
    const r = search(failing(new EvalError('f applied outside its domain', loc(4)), 'next'));
    expect(r.outcome.kind).toBe('evalError');
    expect(exitCodeOf(r.outcome)).toBe(75);
    expect(verdictOf(r.outcome)).toBe('error');
    expect(r.outcome.kind === 'evalError' && states(r.outcome.trace)).toEqual([[0], [1], [2]]);
  });

  it('in an invariant: exit 76 (TLC_INVARIANT_EVALUATION_FAILED), trace ends in the state', () => {
    const r = search(failing(new EvalError('bad', loc(10)), 'invariant'));
    expect(exitCodeOf(r.outcome)).toBe(76);
    expect(r.outcome.kind === 'evalError' && [r.outcome.property, states(r.outcome.trace)]).toEqual(['Inv', [[0], [1], [2]]]);
  });

  it('an Assert keeps exit 14', () => {
    expect(exitCodeOf(search(failing(new AssertionFailure('Assert failed', loc(4)), 'next')).outcome)).toBe(14);
  });

  it('a false ASSUME stops before any state (exit 10)', () => {
    const r = search(fakeSpec({ variables: ['x'], init: () => [[0]], actions: [], assumptions: [true, false] }));
    expect(r.outcome).toEqual({ kind: 'assumption', loc: loc(51) });
    expect(exitCodeOf(r.outcome)).toBe(10);
    expect(r.generated).toBe(0);
  });

  it('a false POSTCONDITION after a complete search: exit 10 (TLC_POSTCONDITION_FALSE), counts of the full search', () => {
    const r = search(fakeSpec({ ...{ variables: ['x'], init: (): Ints[] => [[0]], actions: [{ name: 'Inc', line: 5, next: ([x]: Ints) => (x! < 3 ? [[x! + 1]] : []) }] }, checkDeadlock: false, postconditions: [['Fine', () => true], ['Done', () => false]] }));
    expect(r.outcome).toEqual({ kind: 'postcondition', name: 'Done', loc: loc(401) });
    expect(exitCodeOf(r.outcome)).toBe(10);
    expect(counts(r)).toEqual({ generated: 4, distinct: 4, queued: 0, depth: 4 });
  });

  it('internal bugs (non-TLA errors) are not swallowed', () => {
    expect(() => search(failing(new TypeError('bug'), 'next'))).toThrow(TypeError);
  });
});

describe('liveness hooks', () => {
  it('temporal properties are listed as skipped while the counts stay those of the safety search', () => {
    const r = search(fakeSpec({ ...{ variables: ['x'], init: (): Ints[] => [[0]], actions: [{ name: 'Inc', line: 5, next: ([x]: Ints) => (x! < 3 ? [[x! + 1]] : []) }] }, temporal: ['Live', 'Live'], checkDeadlock: false }));
    expect(r.skippedProperties).toEqual(['Live']);
    expect(counts(r)).toEqual({ generated: 4, distinct: 4, queued: 0, depth: 4 });
  });

  it('onState and onEdge give the state graph by id: new states with parents, every in-model transition', () => {
    const edges: [number, number][] = [];
    const nodes: [number, Ints, number | undefined][] = [];
    search(grid({ invariants: [] }), { onEdge: (a, b) => edges.push([a, b]), onState: (id, s, parent) => nodes.push([id, toInts(s), parent]) });
    expect(nodes.slice(0, 5)).toEqual([
      [0, [0, 0], undefined],
      [1, [1, 0], 0],
      [2, [0, 1], 0],
      [3, [2, 0], 1],
      [4, [1, 1], 1],
    ]);
    expect(nodes).toHaveLength(9);
    // ids in discovery order: 0=(0,0) 1=(1,0) 2=(0,1) 3=(2,0) 4=(1,1) 5=(0,2) 6=(2,1) 7=(1,2) 8=(2,2)
    expect(edges).toEqual([
      [0, 1], [0, 2], [1, 3], [1, 4], [2, 4], [2, 5], [3, 6], [4, 6], [4, 7], [5, 7], [6, 8], [7, 8],
    ]);
  });
});
