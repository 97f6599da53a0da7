// The typed layer of a generated module, on the committed spec/generated/MC_V2.ts (V2 kernel,
// one device, one connection, two MRs): states are plain TypeScript values, actions a
// discriminated union, and the functions agree with the model as read by hand.
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type Action, type State, CONSTANTS, arbitraryAction, arbitraryRun, enabled, fromState, init, invariants, step, successors, toState,
} from '../../spec/generated/MC_V2.js';

const kinds = (xs: readonly { action: Action }[]): string[] => xs.map((x) => JSON.stringify(x.action)).sort();

describe('MC_V2 typed layer', () => {
  it('inlines the cfg constants as typed literals', () => {
    expect(CONSTANTS.NDEV).toBe(1);
    expect(CONSTANTS.KERNEL).toBe('v2');
    expect(CONSTANTS.REMOVE_FIX).toEqual([]);
  });

  it('has the one initial state of Init (tla/RdsIbDevice.tla), as maps, sets and literals', () => {
    const [s, ...more] = init();
    expect(more).toEqual([]);
    expect(s!.ib_device).toEqual(new Map([[1, 'registered']]));
    expect(s!.refcount).toEqual(new Map([[1, 0]]));
    expect(s!.mr_pc).toEqual(new Map([[1, 'idle'], [2, 'idle']]));
    expect(s!.rds_ib_devices).toEqual(new Set());
    expect(s!.core_pc).toBe('idle');
    expect(s!.core_dev).toBe(0);
    expect(s!.rds_wq).toEqual([]);
    expect(s!.faults).toEqual(new Set());
  });

  it('offers exactly the actions enabled initially', () => {
    // By hand: only AddOne_Alloc(1) can start (nothing is allocated, so no removal, setup or
    // worker step); each MR's GetMR_Lookup finds no listed device and ends ("done"); everything
    // is at rest, so Terminating stutters. ALLOC_FAIL = FALSE: one way to allocate.
    const s = init()[0]!;
    expect(kinds(successors(s))).toEqual([
      { kind: 'AddOne_Alloc', d: 1 }, { kind: 'GetMR_Lookup', m: 1 }, { kind: 'GetMR_Lookup', m: 2 }, { kind: 'Terminating' },
    ].map((a) => JSON.stringify(a)).sort());
  });

  it('steps one action with its parameters', () => {
    const s = init()[0]!;
    const [t, ...more] = step(s, { kind: 'AddOne_Alloc', d: 1 });
    expect(more).toEqual([]);
    // AddOne_Alloc: allocated with refcount 1 (REFCOUNT), pool live (ok = TRUE), lists set up
    expect(t!.rds_ibdev.get(1)).toBe('alloc');
    expect(t!.refcount.get(1)).toBe(1);
    expect(t!.mr_pool.get(1)).toBe('live');
    expect(t!.lists_inited.get(1)).toBe(true);
    expect([t!.core_pc, t!.core_dev]).toEqual(['add_list_add', 1]);
    expect(enabled(s, { kind: 'FreeMR', m: 1, ctx: 'irq' })).toBe(false); // no MR is mapped
    expect(step(t!, { kind: 'AddOne_ListAdd', d: 1 })[0]!.rds_ib_devices).toEqual(new Set([1]));
  });

  it('evaluates invariants on typed states, named as in the spec', () => {
    const s = init()[0]!;
    expect(invariants.TypeOK(s)).toBe(true);
    expect(invariants.S1_NoUseAfterFree(s)).toBe(true);
    const bad: State = { ...s, faults: new Set(['S1']) };
    expect(invariants.S1_NoUseAfterFree(bad)).toBe(false);
    expect(invariants.S4_NoResurrection(bad)).toBe(true);
  });

  it('converts states both ways without loss', () => {
    for (const { state } of successors(step(init()[0]!, { kind: 'AddOne_Alloc', d: 1 })[0]!)) {
      expect(toState(fromState(state))).toEqual(state);
    }
  });

  // MC_V2 holds every invariant (tla/expected-verdicts.json: "ok"), so every run does.
  test.prop([arbitraryRun(40)], { numRuns: 30 })('every state of a random run satisfies the invariants', (run) => {
    for (const { state } of run) {
      for (const [name, holds] of Object.entries(invariants)) expect([name, holds(state)]).toEqual([name, true]);
    }
  });

  test.prop([arbitraryRun(15).chain((run) => {
    const s = run.length > 0 ? run[run.length - 1]!.state : init()[0]!;
    return arbitraryAction(s).map((a) => ({ s, a }));
  })], { numRuns: 30 })('arbitraryAction draws an action enabled in the state', ({ s, a }) => {
    expect(enabled(s, a)).toBe(true);
  });
});

