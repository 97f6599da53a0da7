// The removal fix on the real kernel: Debian 6.1.0-56's RDS/IB with kernel/0001-*.patch (rds_rdma
// built by kernel/build.sh), run on two rxe devices in a qemu guest by test/rxe/kernel-fix/run.sh
// (`npm run rxe:fix`), traced with kprobes. The kept traces (test/rxe/kernel-fix/artifacts, no VM
// here) against the model with the fix (tla/README.md "The proposed fix": REMOVE_FIX = {"wait_free",
// "shutdown_flush", "redrop"}) and without it. Expected counts and orders are read off the raw
// trace text (grep-style) or worked out by hand from the patch, never from the map's output.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, mapEvents, validateEvents } from '../../engine/trace/run.js';
import { KERNEL_FIX_EVENTS, kernelConfig, KernelTraceError, mapKernelTrace, parseFtrace } from '../../spec/kernel-refinement.js';

const ART = join(import.meta.dirname, '../rxe/kernel-fix/artifacts');
const SPEC = join(import.meta.dirname, '../../tla/RdsIbDevice.tla');
const text = (name: string): string => readFileSync(join(ART, `${name}.trace.txt`), 'utf8');
const dmesg = (name: string): string => readFileSync(join(ART, `${name}.dmesg.txt`), 'utf8');

/** Validate a kernel trace. removeFix: read with the fix's map, under REMOVE_FIX = all three.
 *  Otherwise as a stock trace under REMOVE_FIX = {}: the lines of the fix's own probe are left out
 *  (a stock kernel has no rds_ib_flush_dev_mrs). `cfg` may edit the generated cfg. */
async function validateKernel(trace: string, file: string, removeFix: boolean, cfg: (c: string) => string = (c) => c) {
  const fixProbe = (e: string): boolean => (KERNEL_FIX_EVENTS as readonly string[]).includes(e);
  const lines = parseFtrace(trace, file).filter((l) => removeFix || !fixProbe(l.event));
  const k = mapKernelTrace(lines, file, { removeFix });
  const model = await loadModel(SPEC, undefined, cfg(kernelConfig(k.scenario)));
  const events = mapEvents(model, k.events, file, () => (o) => o);
  return { k, model, result: validateEvents(model, events, { silent: [], invariants: true }) };
}

/** 1-based lines of the trace whose text matches. */
const linesMatching = (t: string, re: RegExp): number[] => t.split('\n').flatMap((l, i) => (re.test(l) ? [i + 1] : []));
const count = (t: string, re: RegExp): number => linesMatching(t, re).length;
const first = (t: string, re: RegExp): number => linesMatching(t, re)[0] ?? Infinity;
/** the device the first `rdma link delete` removed */
const deleted = (t: string): string => /: ib_unregister: .*name="(\w+)"/.exec(t)![1]!;

describe.each(['fixed-nomr', 'fixed-mr-other', 'fixed-mr-same'])('the patched kernel (%s)', (run) => {
  const t = text(run);
  const dev = deleted(t);

  test('the delete returned, and only after rds_ib_dev_free of the deleted device; rds_ib_remove_one returned after it too', () => {
    const free = first(t, new RegExp(`: dev_free: .*name="${dev}"`));
    const removeRet = first(t, /: remove_one_ret: /);
    const unregRet = first(t, /: ib_unregister_ret: /);
    expect(unregRet).toBeLessThan(Infinity);
    expect(free).toBeLessThan(removeRet);
    expect(removeRet).toBeLessThan(unregRet);
  });

  test('the kernel reported nothing: no WARNING, BUG or hung task in dmesg', () => {
    expect(dmesg(run)).not.toMatch(/WARNING:|BUG:|blocked for more than|soft lockup/);
  });

  test('the model with the fix explains the whole trace with no silent step and no invariant violated (S12 included)', async () => {
    const { k, result } = await validateKernel(t, `${run}.trace.txt`, true);
    expect(k.scenario.removeFix).toBe(true);
    expect(result.rejection).toBeUndefined();
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
  });

  test('also without the timing assumption the kernel-trace cfg makes (PROMPT_WORKER = FALSE, as in MC_V3_fixed: the fix must not rely on timing)', async () => {
    const { result } = await validateKernel(t, `${run}.trace.txt`, true, (c) => c.replace('PROMPT_WORKER = TRUE', 'PROMPT_WORKER = FALSE'));
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
  });

  test('each rds_ib_remove_one that returned waited for its rds_ib_dev_free (RemoveOne_WaitFree once per remove_one_ret)', async () => {
    const { result } = await validateKernel(t, `${run}.trace.txt`, true);
    // the delete and, at rmmod, the remaining device: every remove_one returned (the scenario ends)
    expect(count(t, /: remove_one_ret: /)).toBe(count(t, /: remove_one: /));
    expect(result.coverage.get('RemoveOne_WaitFree')).toBe(count(t, /: remove_one_ret: /));
    // no connection raced with a removal in these runs: the re-drop never ran (no destroy=1 drop
    // by the removing task after its two puts; checked by hand on the traces)
    expect(result.coverage.get('RemoveOne_Redrop') ?? 0).toBe(0);
  });
});

describe('bug C fixed: the MR on the deleted device, freed without RDS_RDMA_INVALIDATE (fixed-mr-same)', () => {
  const t = text('fixed-mr-same');

  test('the trace: the app freed the MR after remove_one had unlinked rxe0, rds_release\'s walk flushed only rxe1\'s pools, and the waiting shutdown flushed rxe0\'s own (rds_ib_flush_dev_mrs) before the connection went', () => {
    const freeMr = first(t, /: free_mr: .*invalidate=0/);
    const listDel = linesMatching(t, /: dev_put: .*name="rxe0"/).find((l) => l > first(t, /: remove_one: /))!;
    expect(listDel).toBeLessThan(freeMr);
    const ownFlush = linesMatching(t, /: flush_dev_mrs: .*name="rxe0"/).find((l) => l > freeMr)!;
    const removeConn = first(t, /: remove_conn: .*name="rxe0"/);
    expect(ownFlush).toBeLessThan(removeConn);
  });

  test('the model: exactly one ConnShutdown_FlushPool (the one MR, dirty after the free, cleaned by the first own-pool flush after it)', async () => {
    const { result } = await validateKernel(t, 'fixed-mr-same.trace.txt', true);
    expect(result.accepted).toBe(true);
    expect(result.coverage.get('ConnShutdown_FlushPool')).toBe(1);
    expect(result.coverage.get('FreeMR')).toBe(1);
  });

  test('the model without the fix rejects the trace where rxe0\'s connection finishes its shutdown: the MR is still dirty, so i_fastreg_inuse_count cannot have reached 0 in a stock kernel', async () => {
    const { result } = await validateKernel(t, 'fixed-mr-same.trace.txt', false);
    expect(result.accepted).toBe(false);
    expect(result.rejection!.event.line).toBe(first(t, /: remove_conn: .*name="rxe0"/));
    expect(result.rejection!.event.actions).toEqual(['ConnShutdown_DestroyQp']);
    expect(result.rejection!.explanations[0]!.reasons[0]).toMatch(/ConnShutdown_DestroyQp\(c = 1\) is not enabled: .*InUse\(c\) = 0/);
  });
});

describe('bug B fixed: the MR on the other device\'s connection end while rxe1 is deleted (fixed-mr-other)', () => {
  const t = text('fixed-mr-other');

  test('rxe1\'s rds_ib_dev_free waited for the app to free rxe0\'s MR (it is queued behind rxe0\'s waiting shutdown), and the delete waited for it', () => {
    const freeMr = first(t, /: free_mr: /);
    const freeRxe1 = first(t, /: dev_free: .*name="rxe1"/);
    expect(freeMr).toBeLessThan(freeRxe1);
    expect(freeRxe1).toBeLessThan(first(t, /: ib_unregister_ret: /));
  });

  test('the stock kernel\'s trace of the same scenario is rejected by the model with the fix where rds_ib_remove_one returns before rxe1\'s rds_ib_dev_free', async () => {
    const stock = text('stock-mr-other');
    const { result } = await validateKernel(stock, 'stock-mr-other.trace.txt', true);
    expect(result.accepted).toBe(false);
    expect(first(stock, /: remove_one_ret: /)).toBeLessThan(first(stock, /: dev_free: .*name="rxe1"/));
    expect(result.rejection!.event.line).toBe(first(stock, /: remove_one_ret: /));
    expect(result.rejection!.event.actions).toEqual(['RemoveOne_WaitFree', 'CmaRemoveOne_DeviceRemoval']);
    // where the model is at that line: rxe1's (d = 2) remove_one waits for a free that has not run,
    // its free_work queued on rds_wq behind rxe0's connection shutdown, which waits for the MR
    const s = result.rejection!.explanations[0]!.state;
    expect(s).toContain('/\\ core_pc = "rm_wait_free"');
    expect(s).toContain('/\\ rds_ibdev = <<"alloc", "alloc">>');
    expect(s).toContain('/\\ rds_wq = <<<<"shutdown", 1>>, <<"free_work", 2>>>>');
  });

  test('and the model without the fix explains the stock trace only through S12 (rxe1\'s rds_ib_device outlives its ib_device)', async () => {
    const stock = text('stock-mr-other');
    const { result } = await validateKernel(stock, 'stock-mr-other.trace.txt', false);
    expect(result.accepted).toBe(true);
    expect(result.violations!.map((v) => [v.invariant, v.event.line])).toEqual([['S12_IbDeviceOutlivesRdsDev', first(stock, /: dev_free: .*name="rxe1"/)]]);
  });
});

describe('the baseline (stock modules, same runner)', () => {
  test('bug C: stock-mr-same\'s delete never returned (no ib_unregister_ret), its shutdown polled with the MR in use', () => {
    const t = text('stock-mr-same');
    expect(count(t, /: ib_unregister: .*name="rxe0"/)).toBe(1);
    expect(count(t, /: ib_unregister_ret: /)).toBe(0);
    expect(dmesg('stock-mr-same')).toMatch(/cma_remove_one\+/);
  });

  test('bug B: stock-mr-other\'s dmesg has the use-after-free WARNs', () => {
    expect(dmesg('stock-mr-other')).toMatch(/WARNING: .* rxe_pool_cleanup/);
  });
});

/** pid of the task in `TASK-PID [CPU]` at the start of an ftrace line */
const pidOf = (l: string): string => /-(\d+)\s+\[/.exec(l)![1]!;

// Part 3 on the real kernel. The race is forced by debug builds (kernel/debug/, never for
// submission): 2 s between rds_ib_remove_one's conn_list walk and its clearing of the client data,
// so the reconnects the walk's drops cause find rxe1 and join its conn_list late.
describe('the re-drop (part 3) on the real kernel, late connections forced (fixed-race, noredrop-race)', () => {
  const t = text('fixed-race-nomr');
  const lines = t.split('\n');
  const unreg = first(t, /: ib_unregister: .*name="rxe1"/);
  const rdma = pidOf(lines[unreg - 1]!);
  const ofRdma = (re: RegExp): number[] => linesMatching(t, re).filter((n) => pidOf(lines[n - 1]!) === rdma);

  test('the trace: a connection joined rxe1 between the walk and the clearing of the client data; after its two puts the deleting task dropped it (destroy=1) while it waited; the delete returned after rxe1\'s free', () => {
    const walk = first(t, /: remove_one: .*name="rxe1"/);
    const cleared = first(t, /: set_client_data: .*name="rxe1" .*data=0x0 /);
    const late = linesMatching(t, /: add_conn: .*name="rxe1"/).filter((n) => n > walk && n < cleared);
    expect(late.length).toBeGreaterThanOrEqual(1);
    const [, secondPut] = ofRdma(/: dev_put: .*name="rxe1"/);
    const removeRet = ofRdma(/: remove_one_ret: /)[0]!;
    const redrops = ofRdma(/: conn_path_drop: .*destroy=1/).filter((n) => n > secondPut! && n < removeRet);
    expect(redrops).toHaveLength(1);
    expect(first(t, /: dev_free: .*name="rxe1"/)).toBeLessThan(removeRet);
    expect(dmesg('fixed-race-nomr')).not.toMatch(/WARNING:|BUG:|blocked for more than/);
  });

  test('the model with the fix explains it, the re-drop as RemoveOne_Redrop at that line, no invariant violated', async () => {
    const { k, result } = await validateKernel(t, 'fixed-race-nomr.trace.txt', true);
    const [, secondPut] = ofRdma(/: dev_put: .*name="rxe1"/);
    const redrop = ofRdma(/: conn_path_drop: .*destroy=1/).find((n) => n > secondPut!);
    expect(k.events.filter((e) => e.obj.action === 'RemoveOne_Redrop').map((e) => e.line)).toEqual([redrop]);
    expect(result.rejection).toBeUndefined();
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.coverage.get('RemoveOne_Redrop')).toBe(1);
  });

  test('without part 3 the same race deadlocks the kernel: the delete never returned, sysrq-w shows rdma in rds_ib_remove_one\'s wait', () => {
    const n = text('noredrop-race-nomr');
    expect(count(n, /: ib_unregister: .*name="rxe1"/)).toBe(1);
    expect(count(n, /: ib_unregister_ret: /)).toBe(0);
    expect(count(n, /: remove_one_ret: /)).toBe(0);
    expect(dmesg('noredrop-race-nomr')).toMatch(/rds_ib_remove_one\+/);
  });

  test('and the model without "redrop" is stuck where that kernel is: only a drop from outside could move it, and with MC_V3_fixed\'s PEER_DISCONNECT = FALSE nothing can (a deadlock for TLC); with "redrop", RemoveOne_Redrop is the one way on', async () => {
    const n = text('noredrop-race-nomr');
    const noRedrop = (c: string): string => c.replace('"shutdown_flush", "redrop"}', '"shutdown_flush"}');
    const noOutsideDrops = (c: string): string => c.replace('PEER_DISCONNECT = TRUE', 'PEER_DISCONNECT = FALSE');
    const { k, model, result } = await validateKernel(n, 'noredrop-race-nomr.trace.txt', true, noRedrop);
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.final!.length).toBeGreaterThan(0);
    // the cfg's other constants, for the same end states (same variables, same values)
    const strict = await loadModel(SPEC, undefined, noOutsideDrops(noRedrop(kernelConfig(k.scenario))));
    const fixed = await loadModel(SPEC, undefined, noOutsideDrops(kernelConfig(k.scenario)));
    const names = (m: typeof model, s: NonNullable<typeof result.final>[number]): string[] => [...m.spec.successors(s)].map((x) => x.action.name);
    for (const end of result.final!) {
      // remove_one waits; the two late connection ends are up; rds_wq is empty
      expect(model.spec.formatState(end)).toContain('/\\ core_pc = "rm_wait_free"');
      expect(model.spec.formatState(end)).toContain('/\\ rds_wq = <<>>');
      expect(names(model, end)).toEqual(['ConnDrop', 'ConnDrop']);
      expect(names(strict, end)).toEqual([]);
      expect(names(fixed, end)).toEqual(['RemoveOne_Redrop']);
    }
  });
});

// A connection racing with the removal, written by hand (the same race, reduced): rxe1's end
// reads the client data after remove_one began and before it cleared it, then joins conn_list
// after rds_ib_dev_shutdown walked it. With the fix the removing task re-drops it while it waits.
// Refcounts by hand: rxe1 has 2 (list + client data); the lookup makes 3, add_conn 4, the setup's
// put 3; remove_one's puts 2, 1 (the connection's); remove_conn's put 0 -> free_work.
const P = '0xffff888005';
const row = (task: string, ts: number, ev: string, body: string): string => `${task.padStart(16)} [000] .....  ${ts.toFixed(6)}: ${ev}: ${body}`;
const RACE = [
  row('rdma-181', 1.0, 'add_one', `(rds_ib_add_one+0x0/0x250 [rds_rdma]) ibdev=${P}160000 name="rxe0"`),
  row('rdma-181', 1.1, 'set_client_data', `(ib_set_client_data+0x0/0x50 [ib_core]) ibdev=${P}160000 name="rxe0" client="rds_ib" data=${P}eef000 ref=2`),
  row('rdma-181', 1.2, 'add_one_ret', '(add_client_context+0x115/0x1a0 [ib_core] <- rds_ib_add_one) ret=0'),
  row('rdma-187', 2.0, 'add_one', `(rds_ib_add_one+0x0/0x250 [rds_rdma]) ibdev=${P}170000 name="rxe1"`),
  row('rdma-187', 2.1, 'set_client_data', `(ib_set_client_data+0x0/0x50 [ib_core]) ibdev=${P}170000 name="rxe1" client="rds_ib" data=${P}eef800 ref=2`),
  row('rdma-187', 2.2, 'add_one_ret', '(add_client_context+0x115/0x1a0 [ib_core] <- rds_ib_add_one) ret=0'),
  row('rdma-200', 3.0, 'ib_unregister', `(ib_unregister_device_and_put+0x0/0x50 [ib_core]) ibdev=${P}170000 name="rxe1"`),
  row('rdma-200', 3.1, 'remove_one', `(rds_ib_remove_one+0x0/0x190 [rds_rdma]) ibdev=${P}170000 name="rxe1" dev=${P}eef800 ref_before=2 pool_1m=0x1 pool_8k=0x2`),
  row('kworker/u4:1-25', 3.2, 'get_client_data', `(rds_ib_get_client_data+0x0/0x70 [rds_rdma]) ibdev=${P}170000 name="rxe1"`),
  row('kworker/u4:1-25', 3.3, 'get_client_data_ret', `(rds_ib_setup_qp+0x60/0x5c0 [rds_rdma] <- rds_ib_get_client_data) dev=${P}eef800 ref_after=3`),
  row('rdma-200', 3.4, 'set_client_data', `(ib_set_client_data+0x0/0x50 [ib_core]) ibdev=${P}170000 name="rxe1" client="rds_ib" data=0x0 ref=0`),
  row('kworker/u4:1-25', 3.5, 'add_conn', `(rds_ib_add_conn+0x0/0x110 [rds_rdma]) dev=${P}eef800 name="rxe1" ref_before=3 conn=0xffff888008cd2e60 laddr={169,254,77,2} faddr={169,254,77,1}`),
  row('kworker/u4:1-25', 3.6, 'dev_put', `(rds_ib_dev_put+0x0/0x50 [rds_rdma]) dev=${P}eef800 name="rxe1" ref_before=4`),
  row('rdma-200', 3.7, 'dev_put', `(rds_ib_dev_put+0x0/0x50 [rds_rdma]) dev=${P}eef800 name="rxe1" ref_before=3`),
  row('rdma-200', 3.8, 'dev_put', `(rds_ib_dev_put+0x0/0x50 [rds_rdma]) dev=${P}eef800 name="rxe1" ref_before=2`),
  row('rdma-200', 4.8, 'conn_path_drop', '(rds_conn_path_drop+0x0/0x70 [rds]) conn=0xffff888008cd2e60 laddr={169,254,77,2} faddr={169,254,77,1} destroy=1'),
  row('kworker/u4:0-9', 4.9, 'conn_path_shutdown', '(rds_ib_conn_path_shutdown+0x0/0x510 [rds_rdma]) conn=0xffff888008cd2e60 laddr={169,254,77,2} faddr={169,254,77,1}'),
  row('kworker/u4:0-9', 5.0, 'remove_conn', `(rds_ib_remove_conn+0x0/0xd0 [rds_rdma]) dev=${P}eef800 name="rxe1" ref_before=1 conn=0xffff888008cd2e60 laddr={169,254,77,2} faddr={169,254,77,1}`),
  row('kworker/u4:0-9', 5.1, 'dev_put', `(rds_ib_dev_put+0x0/0x50 [rds_rdma]) dev=${P}eef800 name="rxe1" ref_before=1`),
  row('kworker/u4:0-9', 5.2, 'dev_free', `(rds_ib_dev_free+0x0/0x120 [rds_rdma]) work=${P}eef878 name="rxe1" ref=0`),
  row('rdma-200', 5.3, 'remove_one_ret', '(remove_client_context+0x8a/0xd0 [ib_core] <- rds_ib_remove_one)'),
  row('rdma-200', 5.4, 'ib_unregister_ret', '(nldev_dellink+0x92/0xe0 [ib_core] <- ib_unregister_device_and_put)'),
].join('\n');
const REDROP_LINE = 16;

describe('the re-drop (part 3), on a hand-written race', () => {
  test('the map reads the removing task\'s destroy=1 drop after its two puts as RemoveOne_Redrop, and the model with the fix accepts the whole race', async () => {
    const k = mapKernelTrace(parseFtrace(RACE, 'race.txt'), 'race.txt', { removeFix: true });
    expect(k.events.filter((e) => e.obj.action === 'RemoveOne_Redrop').map((e) => e.line)).toEqual([REDROP_LINE]);
    const { result } = await validateKernel(RACE, 'race.txt', true);
    expect(result.rejection).toBeUndefined();
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
  });

  test('without part 3 the model has no step for that drop: remove_one waits for a reference only the late connection\'s shutdown would put (the deadlock the re-drop fixes)', async () => {
    const { result } = await validateKernel(RACE, 'race.txt', true, (c) => c.replace('"shutdown_flush", "redrop"}', '"shutdown_flush"}'));
    expect(result.accepted).toBe(false);
    expect(result.rejection!.event.line).toBe(REDROP_LINE);
    expect(result.rejection!.event.actions).toEqual(['RemoveOne_Redrop']);
  });

  test('a stock trace reader does not know the fix\'s probe: a flush_dev_mrs line is an unknown event with its line', () => {
    const t = `${RACE}\n${row('kworker/u4:0-9', 6.0, 'flush_dev_mrs', `(rds_ib_flush_dev_mrs+0x0/0x40 [rds_rdma]) dev=${P}eef000 name="rxe0"`)}`;
    expect(() => mapKernelTrace(parseFtrace(t, 'race.txt'), 'race.txt')).toThrow(KernelTraceError);
    expect(() => mapKernelTrace(parseFtrace(t, 'race.txt'), 'race.txt')).toThrow(/unknown event "flush_dev_mrs"/);
    expect(() => mapKernelTrace(parseFtrace(t, 'race.txt'), 'race.txt', { removeFix: true })).not.toThrow();
  });
});
