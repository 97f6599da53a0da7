// The real kernel (Debian 6.1.0-56, RDS over two rxe devices in a qemu guest, traced with kprobes:
// test/rxe/kernel) against the model, on the traces kept in test/rxe/kernel/artifacts. No VM here.
// The expected counts are read off the raw trace text (grep-style, below), not from the map.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, mapEvents, validateEvents } from '../../engine/trace/run.js';
import { kernelConfig, KernelTraceError, mapKernelTrace, parseFtrace } from '../../spec/kernel-refinement.js';

const ART = join(import.meta.dirname, '../rxe/kernel/artifacts');
const SPEC = join(import.meta.dirname, '../../tla/RdsIbDevice.tla');
const text = (name: string): string => readFileSync(join(ART, `${name}.trace.txt`), 'utf8');

async function validateKernel(trace: string, file: string) {
  const k = mapKernelTrace(parseFtrace(trace, file), file);
  const model = await loadModel(SPEC, undefined, kernelConfig(k.scenario));
  const events = mapEvents(model, k.events, file, () => (o) => o);
  // no silent steps: every model step is a traced kernel step
  return { k, model, result: validateEvents(model, events, { silent: [], invariants: true }) };
}

/** 1-based lines of the trace whose text matches. */
const linesMatching = (t: string, re: RegExp): number[] => t.split('\n').flatMap((l, i) => (re.test(l) ? [i + 1] : []));
const count = (t: string, re: RegExp): number => linesMatching(t, re).length;

/** The kept runs of a scenario: SCENARIO and SCENARIO-runN (npm run rxe:kernel with RXE_KERNEL_TAG). */
const runs = (scenario: string): string[] =>
  readdirSync(ART).filter((f) => f.endsWith('.trace.txt') && (f === `${scenario}.trace.txt` || f.startsWith(`${scenario}-run`))).map((f) => f.replace('.trace.txt', '')).sort();

/** setups of the end on device NAME: rds_ib_setup_qp's lookups of its client data */
const setupsOf = (t: string, name: string): number => count(t, new RegExp(`: get_client_data: .*name="${name}"`));

describe.each(runs('nomr'))('plain messages, rxe1 deleted with the connection up, then rmmod (%s)', (run) => {
  const t = text(run);

  test('the model explains the whole trace with no silent step and no invariant violated', async () => {
    const { result } = await validateKernel(t, `${run}.trace.txt`);
    expect(result.rejection).toBeUndefined();
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
  });

  test('each traced setup, removal and free is one model step of its kind', async () => {
    const { result } = await validateKernel(t, `${run}.trace.txt`);
    const cov = Object.fromEntries(result.coverage);
    // every add_conn here is a completed setup (rds_ib_setup_qp's put follows in the same task)
    expect(cov['ConnSetup_AddConn']).toBe(count(t, /: add_conn: /));
    expect(cov['ConnShutdown_RemoveConn']).toBe(count(t, /: remove_conn: /));
    expect(cov['RemoveOne_Begin']).toBe(count(t, /: remove_one: /));
    expect(cov['FreeWork']).toBe(count(t, /: dev_free: /));
    expect(cov['AddOne_Alloc']).toBe(count(t, /: add_one: /));
    // one `rdma link delete` before rmmod (the ib_unregister after rmmod is not RDS's any more)
    expect(cov['IbUnregister_Dealloc']).toBe(1);
    expect(cov['ModuleExit_Begin']).toBe(1);
  });

  test('the cfg the trace shows: two devices, rxe1 (the second added) removable, no MR, module exit; each re-setup of an end after the delete is one more connection on its device', async () => {
    const { k } = await validateKernel(t, `${run}.trace.txt`);
    expect(k.scenario).toMatchObject({ ndev: 2, nmr: 0, removable: [2], moduleExit: true, freeInvalidate: false });
    expect(setupsOf(t, 'rxe0')).toBeGreaterThanOrEqual(2); // rxe0's end reconnects after rxe1 went
    expect(k.scenario.nconn).toBe(2 * Math.max(setupsOf(t, 'rxe0'), setupsOf(t, 'rxe1')));
  });
});

describe.each(runs('mr-other'))('bug B: an MR held on rxe0\'s connection end while rxe1 is deleted (%s)', (run) => {
  const t = text(run);

  test('the model explains the trace, and the state after rxe1\'s rds_ib_dev_free violates S12 in every explanation', async () => {
    const { result } = await validateKernel(t, `${run}.trace.txt`);
    expect(result.rejection).toBeUndefined();
    expect(result.accepted).toBe(true);
    const [freeRxe1] = linesMatching(t, /: dev_free: .*name="rxe1"/);
    expect(result.violations).toHaveLength(1);
    const v = result.violations![0]!;
    expect(v.invariant).toBe('S12_IbDeviceOutlivesRdsDev');
    expect(v.event.line).toBe(freeRxe1);
    expect(v.event.actions).toEqual(['FreeWork']);
    expect(v.violating).toBe(v.of);
    expect(v.state).toContain('/\\ ib_device = <<"registered", "deallocated">>');
  });

  test('the real order behind it: rxe1\'s delete returned before its rds_ib_dev_free ran, which the kernel reported as WARNs', () => {
    const [unregRet] = linesMatching(t, /: ib_unregister_ret: /);
    const [freeRxe1] = linesMatching(t, /: dev_free: .*name="rxe1"/);
    expect(unregRet).toBeLessThan(freeRxe1!);
    const dmesg = readFileSync(join(ART, `${run}.dmesg.txt`), 'utf8');
    expect(dmesg).toMatch(/WARNING: .* restrack_drain_res/);
  });

  test('the cfg: one MR (mapped by rds_ib_get_mr, freed without RDS_RDMA_INVALIDATE)', async () => {
    const { k } = await validateKernel(t, `${run}.trace.txt`);
    expect(k.scenario).toMatchObject({ nmr: 1, freeInvalidate: false, removable: [2] });
    expect(count(t, /: free_mr: .*invalidate=0/)).toBe(1);
  });
});

describe.each(runs('mr-same'))('bug C: the MR held on the connection end of the device being deleted, rxe0 (%s)', (run) => {
  const t = text(run);

  test('the kernel\'s delete never returned: ib_unregister without its return, and the guest\'s sysrq-w shows rdma waiting in cma_remove_one while krdsd waits in rds_ib_conn_path_shutdown', () => {
    expect(count(t, /: ib_unregister: .*name="rxe0"/)).toBe(1);
    expect(count(t, /: ib_unregister_ret: /)).toBe(0);
    const dmesg = readFileSync(join(ART, `${run}.dmesg.txt`), 'utf8');
    expect(dmesg).toMatch(/cma_remove_one\+/);
    expect(dmesg).toMatch(/rds_ib_conn_path_shutdown\+/);
  });

  test('the model explains the trace, and the state it ends in has no successor: the model is stuck where the kernel is (a deadlock for TLC)', async () => {
    const { k, model, result } = await validateKernel(t, `${run}.trace.txt`);
    expect(k.scenario.removable).toEqual([1]);
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.final).toHaveLength(1);
    const end = result.final![0]!;
    expect([...model.spec.successors(end)]).toEqual([]);
    // why: the IB core waits for rxe0's cm_id (cma_remove_one), which the shutdown at the head of
    // rds_wq destroys only once the MR's FRWR is no longer in use; the app's free left it dirty,
    // and its flush visited only the listed device, rxe1
    const s = model.spec.formatState(end);
    expect(s).toContain('/\\ core_pc = "rm_cma_wait"');
    expect(s).toContain('/\\ fr_state = <<"dirty">>');
    expect(s).toContain('/\\ rds_wq = <<<<"shutdown", 1>>, <<"shutdown", 2>>>>');
  });
});

describe.each(runs('mrinv-same'))('the MR on the deleted device freed with RDS_RDMA_INVALIDATE (%s): the way out of bug C', (run) => {
  const t = text(run);

  test('the kernel\'s delete returned once the MR was freed, rds_ib_dev_free of rxe0 before it returned', () => {
    expect(count(t, /: free_mr: .*invalidate=1/)).toBe(1);
    const [freeRxe0] = linesMatching(t, /: dev_free: .*name="rxe0"/);
    const [unregRet] = linesMatching(t, /: ib_unregister_ret: /);
    expect(freeRxe0).toBeLessThan(unregRet!);
  });

  test('the model (FREE_INVALIDATE = TRUE, read from free_mr) explains it with no invariant violated', async () => {
    const { k, result } = await validateKernel(t, `${run}.trace.txt`);
    expect(k.scenario).toMatchObject({ nmr: 1, freeInvalidate: true, removable: [1] });
    expect(result.rejection).toBeUndefined();
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.coverage.get('IbUnregister_Dealloc')).toBe(1);
  });
});

describe('tampered traces are rejected with an explanation', () => {
  const t = text('nomr');
  const lines = t.split('\n');
  // the first dev_put: rds_ib_setup_qp of rxe0's end putting its lookup reference (ref 4 -> 3)
  const setupPut = lines.findIndex((l) => /: dev_put: .*name="rxe0" ref_before=4/.test(l));

  test('a refcount changed (the setup\'s put seen at 5 instead of 4): rejected at that line, the model\'s count against the log\'s', async () => {
    const bad = lines.map((l, i) => (i === setupPut ? l.replace('ref_before=4', 'ref_before=5') : l)).join('\n');
    const { result } = await validateKernel(bad, 'bad.txt');
    expect(result.accepted).toBe(false);
    expect(result.rejection!.event.line).toBe(setupPut + 1);
    expect(result.rejection!.explanations[0]!.reasons.join('\n')).toContain('refcount: model <<3, 2>>, log <<4, 2>>');
  });

  test('the setup\'s put removed: the connection never finishes its setup, so its connect_complete cannot be explained', async () => {
    const bad = lines.filter((_, i) => i !== setupPut).join('\n');
    const { result } = await validateKernel(bad, 'bad.txt');
    expect(result.accepted).toBe(false);
    expect(result.rejection!.event.actions).toEqual(['ConnComplete']);
    expect(result.rejection!.explanations[0]!.reasons[0]).toMatch(/ConnComplete\(c = 1\) is not enabled: .* conn_pc\[c\] = "connected"/);
  });

  test('a remove_conn removed: its dev_put belongs to no operation of the task, named with its line', () => {
    const rc = lines.findIndex((l) => /: remove_conn: /.test(l));
    const bad = lines.filter((_, i) => i !== rc).join('\n');
    // the put that followed remove_conn is now line rc + 1 (1-based)
    expect(() => mapKernelTrace(parseFtrace(bad, 'bad.txt'), 'bad.txt')).toThrow(KernelTraceError);
    try {
      mapKernelTrace(parseFtrace(bad, 'bad.txt'), 'bad.txt');
    } catch (e) {
      expect((e as KernelTraceError).describe()).toMatch(new RegExp(`^bad.txt:${rc + 1}: dev_put of rxe1 with no operation of task \\d+ to attribute it to$`));
    }
  });
});
