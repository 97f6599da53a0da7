// TLCGet("distinct" | "generated" | "queue" | "diameter" | "stats") read the checker's figures
// at the moment of the call, as TLC's TLCGetSet.TLCGetStringValue reads them from
// TLCGlobals.mainChecker (getDistinctStatesGenerated = theFPSet.size(), getStatesGenerated,
// getStateQueueSize, getProgress = the deepest level so far). Expected values are worked out by
// hand on a counter x = 0, 1, 2 (Next: x < 2 /\ x' = x + 1; no deadlock check).
import { describe, expect, test } from 'vitest';
import { search } from '../../../engine/check/bfs.js';
import { compile } from '../eval/helpers.js';

const COUNTER = (extra: string) => `EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x < 2 /\\ x' = x + 1
${extra}`;

describe('TLCGet reads the live figures of the search', () => {
  test('at POSTCONDITION time: the final counts (3 distinct, 3 generated, queue 0, diameter 3)', async () => {
    // generated: 1 initial + 0 -> 1 + 1 -> 2 = 3; distinct 3; depth 3 (levels 1, 2, 3)
    const spec = await compile({ M: COUNTER(`Post == /\\ TLCGet("stats").diameter = 3
        /\\ TLCGet("stats").distinct = 3 /\\ TLCGet("stats").generated = 3 /\\ TLCGet("stats").queue = 0
        /\\ TLCGet("distinct") = 3 /\\ TLCGet("generated") = 3 /\\ TLCGet("queue") = 0 /\\ TLCGet("diameter") = 3`) },
    'INIT Init\nNEXT Next\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n');
    const r = search(spec);
    expect(r.outcome).toEqual({ kind: 'ok' });
  });

  test('a postcondition on wrong figures fails (the check can fail)', async () => {
    const spec = await compile({ M: COUNTER('Post == TLCGet("stats").diameter = 2') }, 'INIT Init\nNEXT Next\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n');
    expect(search(spec).outcome.kind).toBe('postcondition');
  });

  test('in an invariant: a new state is already in the fingerprint set when its invariants are checked', async () => {
    // Worker: theFPSet.put(fp) before doNextCheckInvariants, so on the state x = k the set holds
    // k + 1 states, and k + 1 states have been generated
    const spec = await compile({ M: COUNTER('Inv == TLCGet("distinct") = x + 1 /\\ TLCGet("generated") = x + 1') }, 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n');
    expect(search(spec).outcome).toEqual({ kind: 'ok' });
  });

  test('the first state for which generated reaches 3 violates Generated < 3: x = 2', async () => {
    const spec = await compile({ M: COUNTER('Inv == TLCGet("generated") < 3') }, 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n');
    const r = search(spec);
    expect(r.outcome.kind).toBe('invariant');
    expect(r.distinct).toBe(3);
  });

  test('TLCGet("config") is the BFS configuration: mode "bfs", deadlock as the cfg says, one worker', async () => {
    const spec = await compile({ M: COUNTER('Post == LET c == TLCGet("config") IN c.mode = "bfs" /\\ c.deadlock = FALSE /\\ c.worker = 1') },
      'INIT Init\nNEXT Next\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n');
    expect(search(spec).outcome).toEqual({ kind: 'ok' });
    const spec2 = await compile({ M: COUNTER('Post == TLCGet("config").deadlock = FALSE') }, 'INIT Init\nNEXT Next\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n');
    expect(search(spec2).outcome.kind).toBe('ok');
    const spec3 = await compile({ M: COUNTER('Post == TLCGet("config").deadlock = TRUE') }, 'INIT Init\nNEXT Next\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n');
    expect(search(spec3).outcome.kind).toBe('postcondition');
  });
});
