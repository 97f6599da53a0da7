// The native verbs backend (impl/verbs/native.ts over the N-API addon).
// Without an RDMA device (any CI host with libibverbs installed): the device list is empty and every
// misuse is an errno result, never an exception or a crash. With RDSIB_RXE_DEVICE=<name> set (the
// rxe guest, test/rxe/guest-conformance.sh) the same file also runs the full verbs life cycle on it.
// errno numbers are Linux's (asm-generic/errno-base.h): EBADF 9, EBUSY 16, ENODEV 19, EINVAL 22.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../../../impl/verbs/native/addon.js';
import { openNativeVerbs, type NativeVerbs } from '../../../impl/verbs/native.js';
import type { ContextHandle, CqHandle, MrHandle, PdHandle, QpHandle, VerbsResult } from '../../../impl/verbs/types.js';

const load = loadAddon();
const skipReason = load.available ? '' : load.reason;
const device = process.env.RDSIB_RXE_DEVICE;
/** "rxe1:dummy0": a device whose netdev the test may take down and up (guest only) */
const portDevice = process.env.RDSIB_RXE_PORT_DEVICE;
const hostHasDevices = existsSync('/sys/class/infiniband') && readdirSync('/sys/class/infiniband').length > 0;

function verbs(): NativeVerbs {
  const v = openNativeVerbs();
  if (!v.ok) throw new Error(v.reason);
  return v.verbs;
}
function value<T>(r: VerbsResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.name}: ${r.error.message}`);
  return r.value;
}
function errName(r: VerbsResult<unknown>): string {
  return r.ok ? 'ok' : `${r.error.name}/${r.error.errno}`;
}

describe.skipIf(!load.available)(`native verbs without a device ${skipReason}`, () => {
  it.skipIf(hostHasDevices)('lists no devices on a host without RDMA devices (NULL+ENOSYS from rdma-core is an empty list)', async () => {
    expect(value(await verbs().listDevices())).toEqual([]);
  });

  it('answers ENODEV (19) for a device that does not exist', async () => {
    expect(errName(await verbs().openDevice('bogus0'))).toBe('ENODEV/19');
  });

  it('answers EBADF (9) for a context that is not open, EINVAL (22) for other unknown handles and for handles of the wrong kind', async () => {
    const v = verbs();
    expect(errName(await v.closeDevice('ctx:4000000' as ContextHandle))).toBe('EBADF/9');
    expect(errName(await v.deregMr('mr:4000001' as MrHandle))).toBe('EINVAL/22');
    expect(errName(await v.deallocPd('pd:4000002' as PdHandle))).toBe('EINVAL/22');
    expect(errName(await v.pollCq('cq:4000003' as CqHandle, 4))).toBe('EINVAL/22');
    expect(errName(await v.destroyQp('qp:4000004' as QpHandle))).toBe('EINVAL/22');
    expect(errName(await v.deallocPd('mr:1' as unknown as PdHandle))).toBe('EINVAL/22');
    expect(errName(await v.allocPd('garbage' as ContextHandle))).toBe('EINVAL/22');
  });

  it('returns an error object from every raw addon call given no or nonsense arguments, without throwing', () => {
    if (!load.available) return;
    const a = load.addon as unknown as Record<string, (...args: unknown[]) => unknown>;
    const calls = Object.keys(a).filter((k) => !['getDeviceList', 'errnoName'].includes(k));
    expect(calls.length).toBeGreaterThanOrEqual(25);
    for (const name of calls) {
      for (const args of [[], [0], ['x', {}], [-1, -1, -1, -1], [2 ** 40, null]]) {
        const r = a[name]!(...args) as { ok: boolean; errno: number; name: string };
        expect(r.ok, `${name}(${JSON.stringify(args)})`).toBe(false);
        expect(r.errno, name).toBeGreaterThan(0);
        expect(r.name, name).toMatch(/^E[A-Z]+$/);
      }
    }
  });

  it('names errno values as glibc does', () => {
    if (!load.available) return;
    expect([9, 16, 19, 22].map((e) => load.addon.errnoName(e))).toEqual(['EBADF', 'EBUSY', 'ENODEV', 'EINVAL']);
  });
});

describe.skipIf(!load.available || !device)(`native verbs on ${device ?? '(set RDSIB_RXE_DEVICE to run on a device)'}`, () => {
  const name = device ?? '';

  it('runs a loopback RC QP: send/recv and RDMA write move the bytes, completions arrive on the channel', async () => {
    const v = verbs();
    expect(value(await v.listDevices()).map((d) => d.name)).toContain(name);
    const ctx = value(await v.openDevice(name));
    expect(value(await v.queryPort(ctx, 1)).state).toBe('active');
    const pd = value(await v.allocPd(ctx));
    const src = value(await v.regMr(pd, 4096, { localWrite: true }));
    const dst = value(await v.regMr(pd, 4096, { localWrite: true, remoteWrite: true }));
    const ch = value(await v.createCompChannel(ctx));
    const { cq } = value(await v.createCq(ctx, 64, ch));
    const a = value(await v.createQp(pd, { sendCq: cq, recvCq: cq, maxSendWr: 16, maxRecvWr: 16 }));
    const b = value(await v.createQp(pd, { sendCq: cq, recvCq: cq, maxSendWr: 16, maxRecvWr: 16 }));
    // rxe on lo: GID index 1 is ::ffff:127.0.0.1 (shared/design/rxe-vm.md §2)
    const da = value(await v.qpDest(a.qp, 1, 1));
    const db = value(await v.qpDest(b.qp, 1, 1));
    expect(da.gid).toBe('00000000000000000000ffff7f000001');
    value(await v.connectQp(a.qp, 1, db));
    value(await v.connectQp(b.qp, 1, da));
    expect(value(await v.queryQpState(a.qp))).toBe('rts');
    value(await v.writeMr(src.mr, 0, new TextEncoder().encode('hello rxe')));
    value(await v.postRecv(b.qp, { wrId: 1n, sge: [{ mr: dst.mr, offset: 0, length: 64 }] }));
    value(await v.reqNotifyCq(cq, false));
    const event = v.getCqEvent(ch);
    value(await v.postSend(a.qp, { kind: 'send', wrId: 2n, sge: [{ mr: src.mr, offset: 0, length: 9 }], signaled: true }));
    value(await v.postSend(a.qp, { kind: 'rdma-write', wrId: 3n, sge: [{ mr: src.mr, offset: 0, length: 5 }], signaled: true, remoteAddr: dst.addr + 100n, rkey: dst.rkey }));
    expect(value(await event)).toBe(cq);
    value(await v.ackCqEvents(cq, 1));
    const wcs = [];
    for (let i = 0; i < 100 && wcs.length < 3; i++) {
      wcs.push(...value(await v.pollCq(cq, 8)));
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(wcs.map((w) => `${w.wrId}:${w.opcode}:${w.status}:${w.byteLen}`).sort()).toEqual(['1:recv:success:9', '2:send:success:9', '3:rdma-write:success:5']);
    expect(new TextDecoder().decode(value(await v.readMr(dst.mr, 0, 9)))).toBe('hello rxe');
    expect(new TextDecoder().decode(value(await v.readMr(dst.mr, 100, 5)))).toBe('hello');
    expect(v.resources(name)).toEqual({ contexts: 1, pd: 1, mr: 2, cq: 1, qp: 2, compChannels: 1 });

    // misuse on a live device: busy objects are EBUSY, double frees EINVAL, nothing crashes
    expect(errName(await v.deallocPd(pd))).toBe('EBUSY/16');
    expect(errName(await v.destroyCq(cq))).toBe('EBUSY/16');
    expect(errName(await v.closeDevice(ctx))).toBe('EBUSY/16');
    value(await v.disconnectQp(b.qp));
    expect(value(await v.queryQpState(b.qp))).toBe('err');
    for (const qp of [a.qp, b.qp]) value(await v.destroyQp(qp));
    expect(errName(await v.destroyQp(a.qp))).toBe('EINVAL/22');
    value(await v.destroyCq(cq));
    value(await v.destroyCompChannel(ch));
    value(await v.deregMr(src.mr));
    expect(errName(await v.deregMr(src.mr))).toBe('EINVAL/22');
    value(await v.deregMr(dst.mr));
    value(await v.deallocPd(pd));
    value(await v.closeDevice(ctx));
    expect(errName(await v.allocPd(ctx))).toBe('EBADF/9');
    expect(v.resources(name)).toEqual({ contexts: 0, pd: 0, mr: 0, cq: 0, qp: 0, compChannels: 0 });
    await v.shutdown();
  });
});

describe.skipIf(!load.available || !portDevice)(`native async events on ${portDevice ?? '(set RDSIB_RXE_PORT_DEVICE=dev:netdev)'}`, () => {
  it('delivers IBV_EVENT_PORT_ERR and IBV_EVENT_PORT_ACTIVE from the native event thread when the netdev goes down and up', async () => {
    const [name, netdev] = (portDevice ?? '').split(':') as [string, string];
    const v = verbs();
    const ctx = value(await v.openDevice(name));
    const seen: string[] = [];
    const next = (type: string) =>
      new Promise<void>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no ${type} event within 10 s (saw ${seen.join(', ')})`)), 10_000);
        const off = v.onAsyncEvent(ctx, (e) => {
          seen.push(e.type);
          if (e.type === type && e.device === name) {
            clearTimeout(timer);
            off();
            res();
          }
        });
      });
    const down = next('port-err');
    execFileSync('ip', ['link', 'set', netdev, 'down']);
    await down;
    expect(value(await v.queryPort(ctx, 1)).state).toBe('down');
    const upAgain = next('port-active');
    execFileSync('ip', ['link', 'set', netdev, 'up']);
    await upAgain;
    expect(value(await v.queryPort(ctx, 1)).state).toBe('active');
    value(await v.closeDevice(ctx));
    await v.shutdown();
  }, 30_000);
});
