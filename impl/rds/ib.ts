// net/rds/ib.c: device arrival and removal (the IB client's add/remove), the device refcount and
// its deferred free, module exit; plus the IB core steps around them that V3 depends on
// (ib_unregister_device → cma_remove_one → the ib_device deallocated).
import { kfree, touch } from '../kernel/memory.js';
import type { Task } from '../kernel/scheduler.js';
import { rdsConnDrop, rdsIbConnDestroy } from './ib_cm.js';
import { rdsIbCreateMrPool, rdsIbDestroyMrPool } from './ib_rdma.js';
import { IbDevice, RdsIb, RdsIbDevice, type Conn } from './state.js';

/** rds_ib_dev_put (V1+): the put that drops the count to 0 queues free_work on rds_wq; that is
 *  allowed from any context, which is why the free itself is deferred. */
export function rdsIbDevPut(s: RdsIb, t: Task, d: RdsIbDevice, why: string): void {
  if (d.refcount.decAndTest(s.k, t, `rds_ib_dev_put (${why})`)) s.rdsWq.queueWork(d.freeWork);
}

function initLists(d: RdsIbDevice): void {
  d.ipaddrList = [];
  d.connList = [];
}

/** rds_ib_add_one (V0–V3). */
export async function rdsIbAddOne(s: RdsIb, t: Task, ibdev: IbDevice): Promise<void> {
  const { k, v } = s;
  await s.at(t, 'AddOne_Alloc', { d: ibdev.name });
  const d: RdsIbDevice = new RdsIbDevice(ibdev, (w) => rdsIbDevFree(s, w, d));
  s.allocated.push(d);
  if (v.EARLY_LIST_INIT) initLists(d); // d64bf89a: INIT_LIST_HEAD right after kzalloc_node
  if (!(await allocDeviceResources(s, d))) {
    // goto put_dev (V1+) / free directly (V0)
    await s.at(t, 'AddOne_Put', { d: d.name });
    if (v.REFCOUNT) rdsIbDevPut(s, t, d, 'add_one error path');
    else await rdsIbDevFreeNow(s, t, d, false); // V0: free_dev, inside the model's AddOne_Put
    ibdev.added = true;
    return;
  }
  if (!v.EARLY_LIST_INIT) initLists(d); // V2 order: only after the allocations (bug D1)

  const locked = v.LIST_PROT === 'rcu_rwsem';
  if (locked) await s.devicesLock.downWrite(k, t); // ea819867: list_add_tail_rcu under rds_ib_devices_lock
  await s.at(t, 'AddOne_ListAdd', { d: d.name });
  s.devices = [...s.devices, d]; // V0/V1: plain list_add_tail, no lock
  if (locked) s.devicesLock.upWrite(t);
  if (v.REFCOUNT) d.refcount.inc(k, t, 'add_one: list reference');

  await s.at(t, 'AddOne_SetClientData', { d: d.name });
  ibdev.clientData = d;
  if (v.REFCOUNT) d.refcount.inc(k, t, 'add_one: client-data reference');

  if (v.REFCOUNT) {
    await s.at(t, 'AddOne_Put', { d: d.name });
    rdsIbDevPut(s, t, d, 'add_one: temporary reference');
  }
  ibdev.added = true;
}

/** ib_alloc_pd, the context and rds_ib_create_mr_pool. False when an allocation fails. */
async function allocDeviceResources(s: RdsIb, d: RdsIbDevice): Promise<boolean> {
  const ctx = await s.verbs.openDevice(d.dev.verbsName);
  if (!ctx.ok) return false;
  d.ctx = ctx.value;
  if (d.dev.failAlloc) return false; // injected: ib_alloc_pd fails (the path of bug D1)
  const pd = await s.verbs.allocPd(d.ctx);
  if (!pd.ok) return false;
  d.pd = pd.value;
  d.mrPool = rdsIbCreateMrPool(s, d);
  return true;
}

/** rds_ib_remove_one (V1+; V0 below). */
export async function rdsIbRemoveOne(s: RdsIb, t: Task, ibdev: IbDevice, unregister: boolean): Promise<void> {
  const { k, v } = s;
  ibdev.removeCalled = true;
  // V0: rds_ib_destroy_conns waits (rds_conn_destroy's flush of rds_wq) for a shutdown already
  // running on one of the device's connections: the model step's enabling condition, so wait
  // before the step begins, and again if one started while this task waited for its turn
  const v0 = !v.REFCOUNT ? ibdev.clientData : null;
  const shuttingDown = () => (v0?.connList ?? []).some((c) => c.shutdownWork.running);
  for (;;) {
    if (shuttingDown()) await k.waitUntil(t, `the shutdowns of ${ibdev.name}'s connections`, () => !shuttingDown());
    await s.at(t, 'RemoveOne_Begin', { d: ibdev.name });
    if (!shuttingDown()) break;
    s.retract(t);
  }
  if (unregister) ibdev.unregistering = true; // ib_unregister_device (rdma link delete)
  const d = ibdev.clientData;
  if (!d) return; // add_one failed
  if (!v.REFCOUNT) return rdsIbRemoveOneV0(s, t, d);
  await rdsIbDevShutdown(s, t, d);

  await s.at(t, 'RemoveOne_ClearClientData', { d: d.name });
  ibdev.clientData = null; // from here on connection setup cannot find d

  const locked = v.LIST_PROT === 'rcu_rwsem';
  if (locked) await s.devicesLock.downWrite(k, t); // waits for a running rds_ib_flush_mrs
  await s.at(t, 'RemoveOne_ListDel', { d: d.name });
  s.devices = s.devices.filter((x) => x !== d); // list_del_rcu; V1: plain list_del, readers not RCU
  if (locked) s.devicesLock.upWrite(t);

  await s.rcu.synchronize(k, t); // readers of client data and of the list
  await s.at(t, 'RemoveOne_SyncRcu', { d: d.name });

  await s.at(t, 'RemoveOne_Put', { d: d.name });
  rdsIbDevPut(s, t, d, 'remove_one: list reference');
  rdsIbDevPut(s, t, d, 'remove_one: client-data reference');

  if (v.REMOVE_FIX.includes('wait_free')) {
    // The proposed fix, part 1 (tla/README.md): wait until rds_ib_dev_free has run, so the
    // rds_ib_device never outlives the ib_device it calls ib_dealloc_pd on.
    const late = () => v.REMOVE_FIX.includes('redrop') && !d.freed && (d.connList ?? []).some((c) => !c.dropped);
    while (!d.freed) {
      await k.waitUntil(t, `rds_ib_dev_free(${d.name}) (wait_for_completion)`, () => d.freed !== null || late());
      if (late()) {
        // part 3: drop the connections that joined conn_list after the first walk
        await s.at(t, 'RemoveOne_Redrop', { d: d.name });
        await rdsIbDevShutdown(s, t, d);
      }
    }
    await s.at(t, 'RemoveOne_WaitFree', { d: d.name });
  }
}

/** rds_ib_dev_shutdown: drop every connection on the device (only queues their shutdown). */
async function rdsIbDevShutdown(s: RdsIb, t: Task, d: RdsIbDevice): Promise<void> {
  await d.spinlock.lock(s.k, t);
  touch(s.k, t, d, 'rds_ib_dev_shutdown');
  if (d.connList === null) s.k.fault(t, 'uninitialised', `rds_ib_dev_shutdown walks the uninitialised conn_list of ${d.name}`);
  for (const c of d.connList) rdsConnDrop(s, c);
  d.spinlock.unlock(t);
}

/** V0 rds_ib_remove_one: everything at once, then the device is freed whoever still uses it. */
async function rdsIbRemoveOneV0(s: RdsIb, t: Task, d: RdsIbDevice): Promise<void> {
  const { k } = s;
  await d.spinlock.lock(k, t);
  touch(k, t, d, 'rds_ib_remove_one (V0) frees the ipaddr entries');
  d.ipaddrList = [];
  d.spinlock.unlock(t);
  for (const c of [...(d.connList ?? [])]) await rdsIbConnDestroy(s, t, c); // rds_ib_destroy_conns

  if (d.mrPool) {
    // rds_ib_destroy_mr_pool's flush_workqueue(rds_wq) is the model step's enabling condition
    // (rds_wq drained): wait before the step begins, and again if work was queued meanwhile
    for (;;) {
      while (!s.rdsWq.idle) await s.rdsWq.flush(t);
      await s.at(t, 'RemoveOne_V0_DestroyPool', { d: d.name });
      if (s.rdsWq.idle) break;
      s.retract(t);
    }
    await rdsIbDestroyMrPool(s, t, d.mrPool);
  }
  await rdsIbDevFreeNow(s, t, d);
}

/** Release a device's verbs objects and free it: V0's remove and add_one error path inline,
 *  V1+ from free_work. `step`: a step of its own (not on V0's add_one error path, which the
 *  model's AddOne_Put frees in). */
async function rdsIbDevFreeNow(s: RdsIb, t: Task, d: RdsIbDevice, step = true): Promise<void> {
  const { k, v } = s;
  if (step) await s.at(t, v.REFCOUNT ? 'FreeWork_DeallocPd' : 'RemoveOne_V0_Free', { d: d.name });
  if (v.KERNEL === 'v3') touch(k, t, d.dev, `rds_ib_dev_free: ib_dealloc_pd on ${d.dev.name}`);
  if (d.pd) {
    const r = await s.verbs.deallocPd(d.pd);
    if (r.ok) d.pd = null;
  }
  if (d.ctx && d.pd === null) {
    const r = await s.verbs.closeDevice(d.ctx);
    if (r.ok) d.ctx = null;
  } else if (d.ctx && !v.REFCOUNT) {
    // V0 tears the device down whoever still uses it (kernel-brief §3 "V0, all at once", step 4:
    // its ib_dealloc_pd retry loop ends with the device gone). In user space that is closing the
    // context with what it still owns (a QP of a connection set up meanwhile, an MR a socket still
    // maps): their later destroy / dereg get EBADF, the verbs face of the early free (issue #6).
    const r = await s.verbs.closeDevice(d.ctx, { force: true });
    if (r.ok) {
      d.ctx = null;
      d.pd = null;
    }
  }

  if (v.REFCOUNT) {
    // V1+ rds_ib_dev_free. (V0's rds_ib_remove_one freed the ipaddr entries at its start; one a
    // racing connect_complete added since goes down with the device.)
    await s.at(t, 'FreeWork_FreeIpaddrs', { d: d.name });
    touch(k, t, d, 'rds_ib_dev_free frees the ipaddr entries');
    if (d.ipaddrList === null) k.fault(t, 'uninitialised', `rds_ib_dev_free walks the uninitialised ipaddr_list of ${d.name}`);
    d.ipaddrList = [];
  }

  if (v.REFCOUNT) await s.at(t, 'FreeWork', { d: d.name }); // the model's FreeWork ends here
  s.devices = s.devices.filter((x) => x !== d); // V0: unlinked here, without a lock
  if (!v.REFCOUNT && d.dev.clientData === d) d.dev.clientData = null;
  kfree(k, t, d, 'kfree(rds_ibdev)');
}

/** rds_ib_dev_free, run by free_work on rds_wq (V1+). */
async function rdsIbDevFree(s: RdsIb, t: Task, d: RdsIbDevice): Promise<void> {
  await s.at(t, 'FreeWork_Begin', { d: d.name });
  touch(s.k, t, d, 'rds_ib_dev_free');
  if (d.mrPool) {
    await s.at(t, 'FreeWork_DestroyPool', { d: d.name });
    await rdsIbDestroyMrPool(s, t, d.mrPool);
  }
  await rdsIbDevFreeNow(s, t, d);
}

/** ib_unregister_device (rdma link delete): the client's remove, then (V3) cma_remove_one waits
 *  for every cm_id on the device to be destroyed, then the ib_device is deallocated — without
 *  waiting for rds_ib_dev_free, which is bug (B) of rds-kernel-trace.md §5. */
export async function ibUnregisterDevice(s: RdsIb, t: Task, ibdev: IbDevice): Promise<void> {
  const { k, v } = s;
  await k.waitUntil(t, `add_one(${ibdev.name}) to finish`, () => ibdev.added);
  await s.deviceMutex.lock(k, t); // the IB core runs one client add/remove at a time
  await rdsIbRemoveOne(s, t, ibdev, true);
  if (v.KERNEL !== 'v3') return s.deviceMutex.unlock(t);

  // cma_remove_one: RDMA_CM_EVENT_DEVICE_REMOVAL to every id; RDS's handler runs under the
  // connection's c_cm_lock (after a setup in progress) and drops a connected connection. Then
  // wait until every id is destroyed.
  const ids = [...ibdev.cmIds];
  for (const c of ids) await c.cmLock.lock(k, t);
  await s.at(t, 'CmaRemoveOne_DeviceRemoval', { d: ibdev.name });
  for (const c of ids) if (c.state === 'connecting' || c.state === 'up') rdsConnDrop(s, c);
  for (const c of ids) c.cmLock.unlock(t);
  await k.waitUntil(t, `every cm_id on ${ibdev.name} to be destroyed (cma_remove_one)`, () => ibdev.cmIds.size === 0);

  await s.at(t, 'IbUnregister_Dealloc', { d: ibdev.name });
  kfree(k, t, ibdev, 'ib_dealloc_device');
  s.onIbDealloc?.(ibdev.name);
  s.deviceMutex.unlock(t);
}

/** rds_ib_exit: unregister the client (remove for every device), wait for the frees on rds_wq,
 *  destroy the connections left on the no-device list, and flush again (D3, V3). */
export async function rdsIbExit(s: RdsIb, t: Task): Promise<void> {
  const { k } = s;
  await s.at(t, 'ModuleExit_Begin');
  await s.deviceMutex.lock(k, t); // ib_unregister_client: remove for every device, newest first
  for (const ibdev of [...s.ibDevices].reverse()) {
    if (!ibdev.removeCalled) await rdsIbRemoveOne(s, t, ibdev, false);
  }
  s.deviceMutex.unlock(t);
  // flush_workqueue waits only for the work queued before it: a free_work queued by a shutdown
  // that runs during the flush is not waited for (the model's ModuleExit_FlushWq waits for an
  // empty queue, which is what the V3 exit achieves with its second flush).
  await s.rdsWq.flush(t);
  // rds_ib_destroy_nodev_conns, then rds_conn_exit destroys whatever connection is left (in V1+
  // every connection is back on the nodev list by now; V0 may leave one attached to a freed device).
  await s.at(t, 'ModuleExit_DestroyNodevConns');
  // V0: a connection whose connect_complete added it to a device that remove_one then freed is
  // on that freed device's conn_list, not on ib_nodev_conns: V0's rds_ib_exit never reaches it
  // (rds.ko's rds_conn_exit would, at its own unload, outside rds_rdma and the model)
  const reached = (c: Conn) => s.v.REFCOUNT || c.rdsIbDev === null;
  for (const c of s.conns) if (c.state !== 'destroyed' && reached(c)) await rdsIbConnDestroy(s, t, c);
  if (s.v.EXIT_FLUSH_TWICE) await s.rdsWq.flush(t); // V3: the last connection may queue rds_ib_dev_free
  await s.at(t, 'ModuleExit_FlushWq');
  // The module's text and data are gone once rds_ib_exit returns: anything still queued runs freed code.
  if (!s.rdsWq.idle) k.fault(t, 'use-after-free', `rds_ib_exit returns with ${s.rdsWq.items.join(', ')} still on rds_wq (D3)`);
  const left = s.conns.filter((c) => c.state !== 'destroyed');
  if (left.length === 0) return;
  // V0 only (see `reached` above): rds.ko's rds_conn_exit, after rds_ib_exit and the model's last
  // step (a point of its own ends that step), destroys the connections left on a freed device:
  // rds_ib_conn_shutdown's verbs calls reach the context the early free closed (issue #6)
  await k.point(t, 'rds_conn_exit');
  for (const c of left) await rdsIbConnDestroy(s, t, c);
}
