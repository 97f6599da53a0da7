// The real kernel (Debian 6.1.0-56, RDS over two rxe devices in a qemu guest, traced with kprobes:
// test/rxe/kernel) against the model, on the traces kept in test/rxe/kernel/artifacts. No VM here.
// The expected counts are read off the raw trace text (grep-style, below), not from the map.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
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
  return { k, result: validateEvents(model, events, { silent: [], invariants: true }) };
}

/** 1-based lines of the trace whose text matches. */
const linesMatching = (t: string, re: RegExp): number[] => t.split('\n').flatMap((l, i) => (re.test(l) ? [i + 1] : []));
const count = (t: string, re: RegExp): number => linesMatching(t, re).length;

describe('plain messages, rxe1 deleted with the connection up, then rmmod (nomr)', () => {
  const t = text('nomr');

  test('the model explains the whole trace with no silent step and no invariant violated', async () => {
    const { result } = await validateKernel(t, 'nomr.trace.txt');
    expect(result.rejection).toBeUndefined();
    expect(result.accepted).toBe(true);
    expect(result.violations).toEqual([]);
  });

  test('each traced setup, removal and free is one model step of its kind', async () => {
    const { result } = await validateKernel(t, 'nomr.trace.txt');
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

  test('the cfg the trace shows: two devices, rxe1 (the second added) removable, no MR, module exit; the re-setup of rxe0\'s end after the delete is a second connection on rxe0 (NCONN = 4)', async () => {
    const { k } = await validateKernel(t, 'nomr.trace.txt');
    expect(k.scenario).toMatchObject({ ndev: 2, nconn: 4, nmr: 0, removable: [2], moduleExit: true, freeInvalidate: false });
    expect(count(t, /: add_conn: .*name="rxe0"/)).toBe(2);
  });
});

describe('bug B: an MR held on rxe0\'s connection end while rxe1 is deleted (mr-other)', () => {
  const t = text('mr-other');

  test('the model explains the trace, and the state after rxe1\'s rds_ib_dev_free violates S12 in every explanation', async () => {
    const { result } = await validateKernel(t, 'mr-other.trace.txt');
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
    const dmesg = readFileSync(join(ART, 'mr-other.dmesg.txt'), 'utf8');
    expect(dmesg).toMatch(/WARNING: .* restrack_drain_res/);
  });

  test('the cfg: one MR (mapped by rds_ib_get_mr, freed without RDS_RDMA_INVALIDATE)', async () => {
    const { k } = await validateKernel(t, 'mr-other.trace.txt');
    expect(k.scenario).toMatchObject({ nmr: 1, freeInvalidate: false, removable: [2] });
    expect(count(t, /: free_mr: .*invalidate=0/)).toBe(1);
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
