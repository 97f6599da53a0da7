// The simulated verbs backend behaves like real verbs where the device manager depends on it.
import { describe, expect, it } from 'vitest';
import { SimVerbs } from '../../../impl/verbs/sim/sim.js';
import type { VerbsResult } from '../../../impl/verbs/types.js';

function must<T>(r: VerbsResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.name}: ${r.error.message}`);
  return r.value;
}

async function setup() {
  const v = new SimVerbs();
  v.addDevice('rxe0');
  const ctx = must(await v.openDevice('rxe0'));
  const pd = must(await v.allocPd(ctx));
  return { v, ctx, pd };
}

describe('SimVerbs', () => {
  it('deallocating a PD that still has an MR fails with EBUSY (errno 16), and succeeds after dereg', async () => {
    const { v, pd } = await setup();
    const mr = must(await v.regMr(pd, 4096, { localWrite: true }));
    expect(await v.deallocPd(pd)).toEqual({ ok: false, error: expect.objectContaining({ errno: 16, name: 'EBUSY' }) });
    must(await v.deregMr(mr.mr));
    expect((await v.deallocPd(pd)).ok).toBe(true);
  });

  it('a PD with a QP is busy too, and a CQ used by a QP cannot be destroyed', async () => {
    const { v, ctx, pd } = await setup();
    const cq = must(await v.createCq(ctx, 16));
    const qp = must(await v.createQp(pd, { sendCq: cq.cq, recvCq: cq.cq, maxSendWr: 4, maxRecvWr: 4 }));
    expect((await v.deallocPd(pd)).ok).toBe(false);
    expect(await v.destroyCq(cq.cq)).toMatchObject({ ok: false, error: { name: 'EBUSY' } });
    must(await v.destroyQp(qp.qp));
    must(await v.destroyCq(cq.cq));
    must(await v.deallocPd(pd));
  });

  it('calls on a closed context fail with EBADF, not an exception', async () => {
    const v = new SimVerbs();
    v.addDevice('rxe0');
    const ctx = must(await v.openDevice('rxe0'));
    must(await v.closeDevice(ctx));
    expect(await v.allocPd(ctx)).toMatchObject({ ok: false, error: { errno: 9, name: 'EBADF' } });
  });

  it('a forced close destroys what the context owns; those handles then fail with EBADF (as the addon)', async () => {
    const { v, ctx, pd } = await setup();
    const mr = must(await v.regMr(pd, 64, {}));
    const { cq } = must(await v.createCq(ctx, 8));
    const { qp } = must(await v.createQp(pd, { sendCq: cq, recvCq: cq, maxSendWr: 4, maxRecvWr: 4 }));
    expect(await v.closeDevice(ctx)).toMatchObject({ ok: false, error: { name: 'EBUSY' } });
    must(await v.closeDevice(ctx, { force: true }));
    expect(v.resources('rxe0')).toEqual({ contexts: 0, pd: 0, mr: 0, cq: 0, qp: 0, compChannels: 0 });
    expect(await v.destroyQp(qp)).toMatchObject({ ok: false, error: { errno: 9, name: 'EBADF' } });
    expect(await v.deregMr(mr.mr)).toMatchObject({ ok: false, error: { errno: 9, name: 'EBADF' } });
    expect(await v.deallocPd(pd)).toMatchObject({ ok: false, error: { errno: 9, name: 'EBADF' } });
  });

  it('counts resources per device so a test can assert that everything was released', async () => {
    const { v, ctx, pd } = await setup();
    const mr = must(await v.regMr(pd, 64, {}));
    expect(v.resources('rxe0')).toEqual({ contexts: 1, pd: 1, mr: 1, cq: 0, qp: 0, compChannels: 0 });
    must(await v.deregMr(mr.mr));
    must(await v.deallocPd(pd));
    must(await v.closeDevice(ctx));
    expect(v.resources('rxe0')).toEqual({ contexts: 0, pd: 0, mr: 0, cq: 0, qp: 0, compChannels: 0 });
  });

  it('removal (rxe) unlists the device at once, notifies, and completes only when the last context closes', async () => {
    const { v, ctx, pd } = await setup();
    const notices: string[] = [];
    v.onRemoval((n) => notices.push(`${n.device}:${n.cause}`));
    let done = false;
    const removal = v.removeDevice('rxe0').then(() => (done = true));
    expect(notices).toEqual(['rxe0:unregister']);
    expect(must(await v.listDevices())).toEqual([]);
    await Promise.resolve();
    expect(done).toBe(false);
    expect((await v.closeDevice(ctx)).ok).toBe(false); // still owns the PD → EBUSY
    must(await v.deallocPd(pd));
    must(await v.closeDevice(ctx));
    await removal;
    expect(done).toBe(true);
  });

  it('an unplugged device fails every later call with EIO (the ib_device deallocated under its user)', async () => {
    const { v, pd } = await setup();
    v.unplugDevice('rxe0');
    expect(await v.deallocPd(pd)).toMatchObject({ ok: false, error: { errno: 5, name: 'EIO' } });
  });

  it('moves bytes over a loopback RC pair: send/recv and RDMA write, completions polled from the CQ', async () => {
    const { v, ctx, pd } = await setup();
    const cq = must(await v.createCq(ctx, 16));
    const a = must(await v.createQp(pd, { sendCq: cq.cq, recvCq: cq.cq, maxSendWr: 4, maxRecvWr: 4 }));
    const b = must(await v.createQp(pd, { sendCq: cq.cq, recvCq: cq.cq, maxSendWr: 4, maxRecvWr: 4 }));
    must(await v.connectQp(a.qp, 1, must(await v.qpDest(b.qp, 1, 0))));
    must(await v.connectQp(b.qp, 1, must(await v.qpDest(a.qp, 1, 0))));
    const src = must(await v.regMr(pd, 8, {}));
    const dst = must(await v.regMr(pd, 8, { localWrite: true, remoteWrite: true }));
    must(await v.writeMr(src.mr, 0, new Uint8Array([1, 2, 3, 4])));
    must(await v.postRecv(b.qp, { wrId: 7n, sge: [{ mr: dst.mr, offset: 0, length: 8 }] }));
    must(await v.postSend(a.qp, { kind: 'send', wrId: 1n, sge: [{ mr: src.mr, offset: 0, length: 4 }], signaled: true }));
    must(await v.postSend(a.qp, { kind: 'rdma-write', wrId: 2n, sge: [{ mr: src.mr, offset: 0, length: 2 }], signaled: true, remoteAddr: dst.addr + 6n, rkey: dst.rkey }));
    const wcs = must(await v.pollCq(cq.cq, 8));
    expect(wcs.map((w) => [w.wrId, w.opcode, w.status, w.byteLen])).toEqual([
      [7n, 'recv', 'success', 4],
      [1n, 'send', 'success', 4],
      [2n, 'rdma-write', 'success', 2],
    ]);
    expect([...must(await v.readMr(dst.mr, 0, 8))]).toEqual([1, 2, 3, 4, 0, 0, 1, 2]);
  });

  it('disconnecting a QP flushes its posted receives with wr-flush-err', async () => {
    const { v, ctx, pd } = await setup();
    const cq = must(await v.createCq(ctx, 16));
    const q = must(await v.createQp(pd, { sendCq: cq.cq, recvCq: cq.cq, maxSendWr: 4, maxRecvWr: 4 }));
    must(await v.connectQp(q.qp, 1, must(await v.qpDest(q.qp, 1, 0))));
    const mr = must(await v.regMr(pd, 8, {}));
    must(await v.postRecv(q.qp, { wrId: 3n, sge: [{ mr: mr.mr, offset: 0, length: 8 }] }));
    must(await v.disconnectQp(q.qp));
    expect(must(await v.pollCq(cq.cq, 4)).map((w) => w.status)).toEqual(['wr-flush-err']);
  });
});
