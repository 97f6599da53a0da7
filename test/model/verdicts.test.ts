// The model of rds_ib_device's lifetime (tla/RdsIbDevice.tla) under every kernel variant
// (tla/MC_*.cfg): the verdict, the violated property and the counterexample's story must be
// the ones tla/expected-verdicts.json states. Those expectations come from the kernel history
// (kernel-brief.md section 5, rds-kernel-trace.md section 5) and from counting the steps of each
// story by hand; tla/README.md explains where the model departs from the brief and why.
//
// Each check runs the CLI (`rdsib check --json`) in its own process, as `npm start` runs one
// configuration: the entry point users call, and no state shared between checks. While the
// engine cannot check the model yet, the engine tests are skipped with the reason it gives.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const tlaDir = join(root, 'tla');
const specPath = join(tlaDir, 'RdsIbDevice.tla');

interface Expectation {
  readonly result: 'ok' | 'violation' | 'deadlock' | 'liveness';
  readonly property: string | null;
  readonly traceStates?: number;
  readonly story?: readonly string[];
}

const expected = JSON.parse(readFileSync(join(tlaDir, 'expected-verdicts.json'), 'utf8')) as Record<string, Expectation>;
const configs = Object.keys(expected).filter((k) => k.endsWith('.cfg'));
// MC_V2_large is sized for "a few minutes" (npm start); the suite runs it only when asked.
const slow = new Set(['MC_V2_large.cfg']);
const runSlow = process.env.RDSIB_MODEL_ALL === '1';

/** An ITF value (as `check --json` prints states) as plain JSON: numbers, arrays, objects. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('#bigint' in o) return Number(o['#bigint']);
    if ('#set' in o) return (o['#set'] as unknown[]).map(plain);
    if ('#tup' in o) return (o['#tup'] as unknown[]).map(plain);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

interface Checked {
  readonly verdict: string;
  readonly property: string | null;
  /** the counterexample's steps as action names (the initial state excluded) */
  readonly actions: readonly string[];
  /** the counterexample's states, the initial state first */
  readonly states: readonly Record<string, unknown>[];
  /** temporal properties the engine did not check (no liveness checker yet) */
  readonly skipped: readonly string[];
}

function check(cfgPath: string): Checked {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'engine/cli/main.ts'), 'check', specPath, '--config', cfgPath, '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  let out: { result: string; property?: string; trace?: Record<string, unknown>[]; skippedProperties?: string[] };
  try {
    out = JSON.parse(run.stdout) as typeof out;
  } catch {
    throw new Error(`check ${cfgPath} printed no JSON (exit ${run.status}): ${(run.stderr || run.stdout).slice(0, 300)}`);
  }
  const trace = out.trace ?? [];
  const actionOf = (s: Record<string, unknown>) => (s['#meta'] as { action?: string } | undefined)?.action ?? '';
  return {
    verdict: out.result,
    property: out.property ?? null,
    // A step is labelled `<Name line L, col C to ...>` (TLC) or `<Name(args) ...>`; the name is the action.
    actions: trace.slice(1).map((s) => /^<([A-Za-z_0-9]+)/.exec(actionOf(s))?.[1] ?? '?'),
    states: trace.map((s) => plain(s) as Record<string, unknown>),
    skipped: out.skippedProperties ?? [],
  };
}

/** Why the engine tests are skipped, or '' once the engine checks the model. */
function engineMissing(): string {
  try {
    check(join(tlaDir, 'MC_D1.cfg'));
    return '';
  } catch (e) {
    return `(skipped, engine not ready: ${(e as Error).message.split('\n')[0]})`;
  }
}
const skipReason = engineMissing();
const ready = skipReason === '';

/** Is `story` a subsequence of `actions`? */
function isSubsequence(story: readonly string[], actions: readonly string[]): boolean {
  let i = 0;
  for (const a of actions) if (i < story.length && a === story[i]) i++;
  return i === story.length;
}

/** A copy of tla/CFG with `from` replaced by `to`, written to a temporary folder. */
function variant(cfg: string, from: string, to: string): string {
  const text = readFileSync(join(tlaDir, cfg), 'utf8');
  expect(text).toContain(from);
  const dir = mkdtempSync(join(tmpdir(), 'rdsib-model-'));
  const path = join(dir, cfg.replace('.cfg', '_variant.cfg'));
  writeFileSync(path, text.replace(from, to));
  return path;
}

describe('tla/expected-verdicts.json covers exactly the configurations in tla/', () => {
  test('one expectation per MC_*.cfg, and no other', () => {
    const cfgs = readdirSync(tlaDir).filter((f) => /^MC_.*\.cfg$/.test(f)).sort();
    expect([...configs].sort()).toEqual(cfgs);
  });
  test('the configurations other tools rely on exist', () => {
    for (const name of ['MC_V0', 'MC_V1_flushwq', 'MC_V1', 'MC_V2', 'MC_D1', 'MC_D2', 'MC_V3_mr_same', 'MC_V3_mr_other', 'MC_V3_mr_inval', 'MC_V2_large', 'MC_V3_fixed'])
      expect(configs).toContain(`${name}.cfg`);
  });
});

describe.skipIf(!ready)(`each kernel variant gives the expected verdict ${skipReason}`, () => {
  test.skipIf(!runSlow)('MC_V2_large.cfg: run with RDSIB_MODEL_ALL=1 (about 2-3 minutes; npm start runs it too)', () => {
    expect(check(join(tlaDir, 'MC_V2_large.cfg')).verdict).toBe(expected['MC_V2_large.cfg']!.result);
  });
  test.each(configs.filter((c) => !slow.has(c)))('%s', (cfg) => {
    const want = expected[cfg]!;
    const got = check(join(tlaDir, cfg));
    expect({ verdict: got.verdict, property: got.property }).toEqual({ verdict: want.result, property: want.property });
    if (want.result === 'ok') return;
    // TLC prints the initial state as State 1, so a trace of n steps has n + 1 states.
    expect(got.actions.length + 1).toBe(want.traceStates);
    expect(isSubsequence(want.story ?? [], got.actions), `story ${want.story?.join(' > ')} in ${got.actions.join(' > ')}`).toBe(true);
    expect(got.actions.at(-1)).toBe(want.story?.at(-1));
  });
});

describe.skipIf(!ready)(`the counterexamples end where the kernel does ${skipReason}`, () => {
  test('V3_mr_same: the IB core is stuck in cma_remove_one, the shutdown worker waits for an MR that was freed but never invalidated', () => {
    const last = check(join(tlaDir, 'MC_V3_mr_same.cfg')).states.at(-1)!;
    expect(last.core_pc).toBe('rm_cma_wait');
    expect(last.rds_wq).toEqual([['shutdown', 1]]);
    expect(last.fr_state).toEqual(['dirty']);
    expect(last.rds_ib_devices).toEqual([]); // why rds_ib_flush_mrs never reaches its pool
    expect(last.i_cm_id).toEqual([true]); // what cma_remove_one waits for
  });

  test("V3_mr_other: device 2's ib_device is gone when its rds_ib_dev_free runs, queued behind connection 1's shutdown", () => {
    const got = check(join(tlaDir, 'MC_V3_mr_other.cfg'));
    const beforeFree = got.states.at(-2)!;
    expect(beforeFree.ib_device).toEqual(['registered', 'deallocated']);
    expect(beforeFree.rds_wq).toEqual([['free_work', 2]]);
    // When the ib_device went, free_work was already waiting behind the blocked shutdown.
    const dealloc = got.actions.indexOf('IbUnregister_Dealloc');
    expect(got.states[dealloc + 1]!.rds_wq).toEqual([['shutdown', 1], ['free_work', 2]]);
  });

  test('D2: the exact-accounting invariant S5 sees the missing put at the end of rds_ib_setup_qp itself', () => {
    // MC_D2 with S5 checked. The shortest way to the put that is missing: AddOne up to setting
    // the client data (3 steps; its own put can wait, the connection already finds the device),
    // then ConnSetup (3 steps). The count is then add_one's temporary reference + list + client
    // data + connection + the leaked lookup reference = 5, where S5 counts 4 holders.
    const got = check(variant('MC_D2.cfg', 'INVARIANTS', 'INVARIANTS\n    S5_ExactAccounting'));
    expect(got.property).toBe('S5_ExactAccounting');
    expect(got.actions).toEqual([
      'AddOne_Alloc', 'AddOne_ListAdd', 'AddOne_SetClientData',
      'ConnSetup_GetClientData', 'ConnSetup_DevGet', 'ConnSetup_AddConn',
    ]);
    expect(got.states.at(-1)!.refcount).toEqual([5]);
  });
});

describe.skipIf(!ready)(`the other stories of the brief, one property at a time ${skipReason}`, () => {
  test('V1 with flush_wq, S8 not checked: TLC reports the stuck worker as a deadlock', () => {
    // Same 10 steps as the S8 story: AddOne (4), RemoveOne (5), FreeWork (1); then nothing can move.
    const got = check(variant('MC_V1_flushwq.cfg', '    S8_NoSelfWait\n', ''));
    expect(got.verdict).toBe('deadlock');
    expect(got.actions.length + 1).toBe(11);
    expect(got.states.at(-1)!.rds_wq_pc).toBe('free_flush_wq');
  });
  test('V1, only S10 checked: the blocking FlushMRs walk holds a device that free_work frees', () => {
    // Shortest walk story by hand: AddOne (4), ConnSetup (3), ConnComplete (the address GetMR
    // looks up), GetMR (2), FreeMR, FlushMRs_Begin + FlushMRs_Next (the walk now sits at d1),
    // RemoveOne (5, its Begin drops the connection), the connection's shutdown (2), FreeWork:
    // 21 steps, 22 states. The walk would touch d1 at its next step (FlushMRs_Pool).
    const text = readFileSync(join(tlaDir, 'MC_V1.cfg'), 'utf8');
    const only = text.slice(0, text.indexOf('INVARIANTS')) + 'INVARIANTS\n    TypeOK\n    S10_SafeWalk\n';
    const cfg = variant('MC_V1.cfg', text, only);
    const got = check(cfg);
    expect(got.property).toBe('S10_SafeWalk');
    expect(got.actions.length + 1).toBe(22);
    expect(isSubsequence(['FreeMR', 'FlushMRs_Next', 'RemoveOne_ListDel', 'RemoveOne_Put', 'FreeWork'], got.actions)).toBe(true);
    expect(got.actions.at(-1)).toBe('FreeWork');
    expect(got.states.at(-1)!.mr_pc).toEqual(['flush_pool']);
  });
});

describe.skipIf(!ready)(`the proposed fix needs all three parts ${skipReason}`, () => {
  test('waiting for rds_ib_dev_free alone: mr_same still hangs, now inside rds_ib_remove_one', () => {
    // The MR freed without invalidate keeps i_fastreg_inuse_count at 1 and nothing flushes
    // its pool, so the shutdown never drops the connection's reference and the free never comes.
    const got = check(variant('MC_V3_mr_same.cfg', 'REMOVE_FIX = {}', 'REMOVE_FIX = {"wait_free"}'));
    expect(got.verdict).toBe('deadlock');
    expect(got.states.at(-1)!.core_pc).toBe('rm_wait_free');
    expect(got.states.at(-1)!.fr_state).toEqual(['dirty']);
  });
  test('flushing in the shutdown worker alone: mr_other still frees device 2 after its ib_device is gone', () => {
    // Nothing makes the IB core wait for free_work, which still sits behind connection 1's
    // shutdown until the application frees its MR.
    const got = check(variant('MC_V3_mr_other.cfg', 'REMOVE_FIX = {}', 'REMOVE_FIX = {"shutdown_flush"}'));
    expect(got.property).toBe('S12_IbDeviceOutlivesRdsDev');
    expect(isSubsequence(['IbUnregister_Dealloc', 'FreeMR', 'ConnShutdown_FlushPool', 'FreeWork'], got.actions)).toBe(true);
  });
  test('without the redrop: a connection that joins conn_list after rds_ib_dev_shutdown holds remove_one forever (the implementation found it first)', () => {
    // c2's setup takes its lookup reference before RemoveOne_Begin(2) and joins d2's conn_list
    // after it; only DEVICE_REMOVAL would drop it, after remove_one returns, and its peer c1
    // stays up. By hand: AddOne x2 (8), c1 setup + complete (4), c2 lookup (2), the MR (2:
    // MR_HELD_ACROSS_REMOVE), RemoveOne(2) (5), c2 AddConn + complete (2), the application frees
    // the MR and closes its socket (FreeMR + 4 FlushMRs steps): 28 steps, 29 states.
    const got = check(variant('MC_V3_fixed.cfg', 'REMOVE_FIX = {"wait_free", "shutdown_flush", "redrop"}', 'REMOVE_FIX = {"wait_free", "shutdown_flush"}'));
    expect(got.verdict).toBe('deadlock');
    expect(got.actions.length + 1).toBe(29);
    expect(isSubsequence(['ConnSetup_DevGet', 'RemoveOne_Begin', 'RemoveOne_Put', 'ConnSetup_AddConn'], got.actions)).toBe(true);
    const last = got.states.at(-1)!;
    expect(last.core_pc).toBe('rm_wait_free');
    expect(last.conn_pc).toEqual(['up', 'up']);
    expect(last.ic_rds_ibdev).toEqual([1, 2]);
  });
});

describe.skipIf(!ready)(`the liveness properties L1-L4 are checked, not skipped ${skipReason}`, () => {
  test.each(['MC_V2.cfg', 'MC_V3_mr_inval.cfg', 'MC_V3_fixed.cfg'])('%s: L1-L4 hold under Spec\'s fairness', (cfg) => {
    const got = check(join(tlaDir, cfg));
    expect(got.verdict).toBe('ok');
    expect(got.skipped).toEqual([]);
  });
});

describe('tla/ACTIONS.md is the contract for the actions of Next', () => {
  // The model is RdsIbDevice.tla and the modules it extends (RdsIbDeviceBase, -Core, -Work).
  const modules = readdirSync(tlaDir).filter((f) => /^RdsIbDevice\w*\.tla$/.test(f));
  const spec = modules.map((f) => readFileSync(join(tlaDir, f), 'utf8')).join('\n');
  const root = readFileSync(specPath, 'utf8');
  const doc = readFileSync(join(tlaDir, 'ACTIONS.md'), 'utf8');
  // An action is a top-level definition that primes a variable, minus the disjunctions of Next.
  const composites = new Set(['Next', 'CoreStep', 'ConnStep', 'ShutdownStep', 'MrStep', 'WorkerStep', 'Spec']);
  const code = (d: string) => d.replace(/\(\*[\s\S]*?\*\)/g, '').replace(/\\\*.*$/gm, '');
  const actions = spec
    .split(/\n(?=[A-Za-z_0-9]+(?:\([^)]*\))? ==)/)
    .map((d) => ({ name: /^([A-Za-z_0-9]+)(?:\([^)]*\))? ==/.exec(d)?.[1], body: code(d) }))
    .filter((d) => d.name !== undefined && /[a-z_]'/.test(d.body))
    .map((d) => d.name!)
    .filter((n) => !composites.has(n));
  const actionTable = doc.slice(doc.indexOf('## Actions of `Next`'), doc.indexOf('## Variables'));
  const documented = [...actionTable.matchAll(/^\| `([A-Za-z_0-9]+)(?:\([^)]*\))?` \|/gm)].map((m) => m[1]!);

  test('every action of the spec is documented, and nothing else', () => {
    expect(actions.length).toBeGreaterThan(30);
    // Terminating (the stuttering step of a process at rest) primes nothing: UNCHANGED vars.
    expect([...new Set(documented)].sort()).toEqual([...new Set([...actions, 'Terminating'])].sort());
  });
  test('every documented action is a disjunct of Next', () => {
    const next = root.slice(root.indexOf('CoreStep =='), root.indexOf('Spec =='));
    for (const a of documented) expect(new RegExp(`\\b${a}\\b`).test(next), a).toBe(true);
  });
});
