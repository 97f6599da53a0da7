// The kernel threads of a workload, as the model's processes: the IB core adding the devices in
// order, a connection path per connection, a socket per MR (and an interrupt handler for MRs
// freed from completion handling), error drops, `rdma link delete` held back until the injected
// step, and rmmod once everything else is done (sockets hold a module reference).
import type { Task } from '../kernel/scheduler.js';
import { ibUnregisterDevice, rdsIbAddOne, rdsIbExit } from '../rds/ib.js';
import { rdsConnDropStep, rdsIbConnPathConnect, rdsIbConnShutdown } from '../rds/ib_cm.js';
import { rdsIbFlushMrs, rdsIbFreeMr, rdsIbGetMr } from '../rds/ib_rdma.js';
import { Conn, IbDevice, Mr, type RdsIb } from '../rds/state.js';
import type { Workload, WorkloadMr } from './workloads.js';

export interface Objects {
  readonly ib: ReadonlyMap<string, IbDevice>;
  readonly conns: ReadonlyMap<string, Conn>;
}

/** The IB devices and connections of a workload, registered with the module state. */
export function buildObjects(s: RdsIb, wl: Workload, verbsName: (name: string) => string): Objects {
  const ib = new Map<string, IbDevice>();
  for (const wd of wl.devices) {
    const d = new IbDevice(wd.name, verbsName(wd.name));
    d.failAlloc = wd.failAlloc ?? false;
    ib.set(wd.name, d);
    s.ibDevices.push(d);
  }
  const conns = new Map<string, Conn>();
  for (const wc of wl.conns) {
    const c: Conn = new Conn(wc.name, ib.get(wc.dev)!, wc.laddr, (t) => rdsIbConnShutdown(s, t, c));
    conns.set(wc.name, c);
    s.conns.push(c);
  }
  for (const wc of wl.conns) if (wc.peer) conns.get(wc.name)!.peer = conns.get(wc.peer)!;
  return { ib, conns };
}

/** `removalSignal`, when given, is awaited by each `rdma link delete` task before it unregisters the
 *  device: on a real device the task first waits for the backend's removal signal (the guest's
 *  `rdma link delete` having started), inside its first step, so the interleaving stays the
 *  schedule's (test/rxe/workload.ts replays a sim schedule on rxe this way). */
export function spawnActors(s: RdsIb, wl: Workload, { ib, conns }: Objects, removeAt: number, removalSignal?: (device: string) => Promise<void>): void {
  const { k } = s;
  const workers: Task[] = [];
  const spawn = (name: string, body: (t: Task) => Promise<void>, o: { irq?: boolean; startAfter?: number } = {}) =>
    workers.push(k.spawn(name, body, o));

  spawnSetup(s, { ib, conns }, spawn);
  for (const wm of wl.mrs) spawnMrOwner(s, wm, conns.get(wm.conn)!, spawn);
  for (const name of wl.errors ?? []) {
    const c = conns.get(name)!;
    spawn(`cm-error:${name}`, async (t) => {
      await k.waitUntil(t, `${name} to be set up`, () => c.state !== 'init');
      if (c.state !== 'connecting' && c.state !== 'up') return;
      await rdsConnDropStep(s, t, c);
    });
  }
  for (const name of wl.remove) {
    const d = ib.get(name)!;
    const unregister = async (t: Task) => {
      await removalSignal?.(d.verbsName);
      await ibUnregisterDevice(s, t, d);
    };
    spawn(`rdma link delete ${name}`, unregister, { startAfter: removeAt });
  }
  const others = [...workers];
  k.spawn('rmmod', async (t) => {
    await k.waitUntil(t, 'the workload to finish (module refcount)', () => others.every((w) => w.state === 'done'));
    await rdsIbExit(s, t);
  });
}

type Spawn = (name: string, body: (t: Task) => Promise<void>, o?: { irq?: boolean; startAfter?: number }) => void;

/** The IB core adding the devices in order (add and remove calls are serialised under
 *  device_mutex), and each connection's path connecting once its device is registered. Shared
 *  with the rxe workload (test/rxe/workload.ts), which runs them on real devices. */
export function spawnSetup(s: RdsIb, { ib, conns }: Objects, spawn: Spawn): void {
  const { k } = s;
  spawn('ib_core', async (t) => {
    for (const d of ib.values()) {
      await s.deviceMutex.lock(k, t);
      await rdsIbAddOne(s, t, d);
      s.deviceMutex.unlock(t);
    }
  });
  for (const c of conns.values()) {
    spawn(`cm:${c.name}`, async (t) => {
      await k.waitUntil(t, `${c.ibdev.name} to be registered`, () => c.ibdev.added);
      await rdsIbConnPathConnect(s, t, c);
    });
  }
}

/** A socket bound to the connection's address maps an MR once the connection is up (FRWR needs
 *  its QP); the MR is freed by the socket in process context (with RDS_RDMA_INVALIDATE if the
 *  variant says so) or by an interrupt handler (use-once MRs: invalidate, queue the flush worker);
 *  then the socket closes: rds_rdma_drop_keys → rds_ib_flush_mrs. */
function spawnMrOwner(s: RdsIb, wm: WorkloadMr, c: Conn, spawn: Spawn): void {
  const { k, v } = s;
  const m = new Mr(wm.name, c.laddr, c);
  s.mrs.push(m);
  const settled = () => c.state !== 'init' && c.state !== 'connecting';
  spawn(`sock:${m.name}`, async (t) => {
    await k.waitUntil(t, `${c.name} to connect`, settled);
    await rdsIbGetMr(s, t, m);
    if (m.state !== 'mapped') return;
    // until the handler's rds_ib_free_mr has finished (ibmr->device dropped), not just begun: the
    // model's FreeMR is one step, and the socket's close (FlushMRs_Begin) comes after it
    if (wm.irq) await k.waitUntil(t, `the interrupt handler to free ${m.name}`, () => m.state !== 'mapped' && m.device === null);
    else await rdsIbFreeMr(s, t, m, v.FREE_INVALIDATE);
    await rdsIbFlushMrs(s, t, m);
  });
  if (!wm.irq) return;
  spawn(
    `irq:${m.name}`,
    async (t) => {
      await k.waitUntil(t, `${m.name} to be mapped`, () => m.state === 'mapped' || m.state === 'failed', { sleeps: false });
      if (m.state === 'mapped') await rdsIbFreeMr(s, t, m, true);
    },
    { irq: true },
  );
}
