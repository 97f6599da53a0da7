// The native backend answers like the simulated one (impl/verbs/sim/sim.ts), which encodes the
// verbs error rules the device manager depends on: the same scripted sequence of calls — normal
// use, then every misuse the contract names — runs on both, and each step must give the same
// outcome (ok, or the same errno name). The sim is the independent oracle here; the native side
// runs on a real device, so this runs in the rxe guest (RDSIB_RXE_DEVICE=rxe0, test/rxe/guest-unit.sh).
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../../../impl/verbs/native/addon.js';
import { openNativeVerbs } from '../../../impl/verbs/native.js';
import { SimVerbs } from '../../../impl/verbs/sim/sim.js';
import type { Verbs, VerbsResult } from '../../../impl/verbs/types.js';

const device = process.env.RDSIB_RXE_DEVICE;
const load = loadAddon();

/** Runs the script on `v` and returns one "step: outcome" line per call. */
async function script(v: Verbs, name: string): Promise<string[]> {
  const out: string[] = [];
  const step = async <T>(label: string, r: Promise<VerbsResult<T>>): Promise<T | undefined> => {
    const res = await r;
    out.push(`${label}: ${res.ok ? 'ok' : res.error.name}`);
    return res.ok ? res.value : undefined;
  };
  await step('open a device that does not exist', v.openDevice(`${name}-nope`));
  const ctx = (await step('open', v.openDevice(name)))!;
  const pd = (await step('alloc pd', v.allocPd(ctx)))!;
  await step('reg mr of length 0', v.regMr(pd, 0, { localWrite: true }));
  const mr = (await step('reg mr', v.regMr(pd, 4096, { localWrite: true, remoteWrite: true })))!;
  await step('create cq with 0 entries', v.createCq(ctx, 0));
  const { cq } = (await step('create cq', v.createCq(ctx, 32)))!;
  const { qp } = (await step('create qp', v.createQp(pd, { sendCq: cq, recvCq: cq, maxSendWr: 8, maxRecvWr: 8 })))!;
  await step('post send on a QP in RESET', v.postSend(qp, { kind: 'send', wrId: 1n, sge: [{ mr: mr.mr, offset: 0, length: 8 }], signaled: true }));
  await step('query qp state', v.queryQpState(qp));
  await step('dealloc pd with an MR and a QP on it', v.deallocPd(pd));
  await step('destroy cq with a QP on it', v.destroyCq(cq));
  await step('close device that still owns objects', v.closeDevice(ctx));
  await step('write outside the MR', v.writeMr(mr.mr, 4090, new Uint8Array(16)));
  await step('destroy qp', v.destroyQp(qp));
  await step('destroy qp again', v.destroyQp(qp));
  await step('destroy cq', v.destroyCq(cq));
  await step('dealloc pd with an MR on it', v.deallocPd(pd));
  await step('dereg mr', v.deregMr(mr.mr));
  await step('dereg mr again', v.deregMr(mr.mr));
  await step('read a deregistered MR', v.readMr(mr.mr, 0, 4));
  await step('dealloc pd', v.deallocPd(pd));
  await step('dealloc pd again', v.deallocPd(pd));
  await step('close device', v.closeDevice(ctx));
  await step('alloc pd on the closed context', v.allocPd(ctx));
  await step('query port on the closed context', v.queryPort(ctx, 1));
  await step('close device again', v.closeDevice(ctx));
  // a forced close (V0's early free, issue #6): what the context owned is gone, its handles EBADF
  const ctx2 = (await step('open again', v.openDevice(name)))!;
  const pd2 = (await step('alloc pd 2', v.allocPd(ctx2)))!;
  const mr2 = (await step('reg mr 2', v.regMr(pd2, 4096, { localWrite: true })))!;
  await step('forced close of a context that owns a PD and an MR', v.closeDevice(ctx2, { force: true }));
  await step('dereg an MR of the force-closed context', v.deregMr(mr2.mr));
  await step('dealloc a PD of the force-closed context', v.deallocPd(pd2));
  return out;
}

describe.skipIf(!load.available || !device)(`native verbs answer like the simulated backend (${device ?? 'set RDSIB_RXE_DEVICE'})`, () => {
  it('gives the same outcome at every step of normal use and misuse', async () => {
    const sim = new SimVerbs();
    sim.addDevice(device!);
    const native = openNativeVerbs();
    if (!native.ok) throw new Error(native.reason);
    const expected = await script(sim, device!);
    const actual = await script(native.verbs, device!);
    expect(actual).toEqual(expected);
    await native.verbs.shutdown();
  });
});
