// net/rds/ib.c: device arrival and removal (the IB client's add/remove), the device refcount and
// its deferred free, module exit; plus the IB core steps around them that V3 depends on
// (ib_unregister_device → cma_remove_one → the ib_device deallocated).
import { kfree, touch } from '../kernel/memory.js';
import type { Task } from '../kernel/scheduler.js';
import { rdsConnDrop, rdsIbConnDestroy } from './ib_cm.js';
import { rdsIbCreateMrPool, rdsIbDestroyMrPool, rdsIbFlushMrPool } from './ib_rdma.js';
import { IbDevice, RdsIb, RdsIbDevice } from './state.js';

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
  await s.at(t, 'AddOne', { d: ibdev.name });
  const d: RdsIbDevice = new RdsIbDevice(ibdev, (w) => rdsIbDevFree(s, w, d));
  s.allocated.push(d);
  if (v.EARLY_LIST_INIT) initLists(d); // d64bf89a: INIT_LIST_HEAD right after kzalloc_node
  if (!(await allocDeviceResources(s, d))) {
    // goto put_dev (V1+) / free directly (V0)
    await s.at(t, 'AddOne_Fail', { d: d.name });
    if (v.REFCOUNT) rdsIbDevPut(s, t, d, 'add_one error path');
    else await rdsIbDevFreeNow(s, t, d);
    ibdev.added = true;
    return;
  }
  if (!v.EARLY_LIST_INIT) initLists(d); // V2 order: only after the allocations (bug D1)

  await s.at(t, 'AddOne_ListAdd', { d: d.name });
  if (v.LIST_PROT === 'rcu_rwsem') {
    await s.devicesLock.downWrite(k, t); // ea819867: list_add_tail_rcu under rds_ib_devices_lock
    s.devices = [...s.devices, d];
    s.devicesLock.upWrite(t);
  } else {
    s.devices = [...s.devices, d]; // V0/V1: plain list_add_tail, no lock
  }
  if (v.REFCOUNT) d.refcount.inc(k, t, 'add_one: list reference');

  await s.at(t, 'AddOne_SetClientData', { d: d.name });
  ibdev.clientData = d;
  if (v.REFCOUNT) d.refcount.inc(k, t, 'add_one: client-data reference');
  if (v.V3_FIX) ibdev.refs++; // V3 fix, part 2: rds_ib_device holds the ib_device until rds_ib_dev_free

  if (v.REFCOUNT) {
    await s.at(t, 'AddOne_Put', { d: d.name });
    rdsIbDevPut(s, t, d, 'add_one: temporary reference');
  }
  ibdev.added = true;
}

/** ib_alloc_pd, the context and rds_ib_create_mr_pool. False when an allocation fails. */
async function allocDeviceResources(s: RdsIb, d: RdsIbDevice): Promise<boolean> {
  const ctx = await s.verbs.openDevice(d.dev.name);
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
export async function rdsIbRemoveOne(s: RdsIb, t: Task, ibdev: IbDevice): Promise<void> {
  const { k, v } = s;
  await s.at(t, 'RemoveOne', { d: ibdev.name });
  const d = ibdev.clientData;
  if (!d) return; // add_one failed
  if (!v.REFCOUNT) return rdsIbRemoveOneV0(s, t, ibdev, d);

  await s.at(t, 'RemoveOne_Shutdown', { d: d.name });
  await rdsIbDevShutdown(s, t, d);

  await s.at(t, 'RemoveOne_ClearClientData', { d: d.name });
  ibdev.clientData = null; // from here on connection setup cannot find d

  await s.at(t, 'RemoveOne_ListDel', { d: d.name });
  if (v.LIST_PROT === 'rcu_rwsem') {
    await s.devicesLock.downWrite(k, t); // waits for a running rds_ib_flush_mrs
    s.devices = s.devices.filter((x) => x !== d); // list_del_rcu
    s.devicesLock.upWrite(t);
  } else {
    s.devices = s.devices.filter((x) => x !== d); // V1: plain list_del, no lock, readers not RCU
  }

  await s.at(t, 'RemoveOne_Sync', { d: d.name });
  await s.rcu.synchronize(k, t); // readers of client data and of the list
  // V3 fix, part 1: rds_ib_flush_mrs no longer visits d, so invalidate what was dropped in its
  // pool so far; rds_ib_free_mr flushes the pool itself from now on (ib_rdma.ts).
  if (v.V3_FIX && d.mrPool) await rdsIbFlushMrPool(s, t, d.mrPool);

  await s.at(t, 'RemoveOne_PutList', { d: d.name });
  rdsIbDevPut(s, t, d, 'remove_one: list reference');
  await s.at(t, 'RemoveOne_PutClientData', { d: d.name });
  rdsIbDevPut(s, t, d, 'remove_one: client-data reference');
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
async function rdsIbRemoveOneV0(s: RdsIb, t: Task, ibdev: IbDevice, d: RdsIbDevice): Promise<void> {
  const { k } = s;
  await s.at(t, 'RemoveOne_DestroyConns', { d: d.name });
  await d.spinlock.lock(k, t);
  touch(k, t, d, 'rds_ib_remove_one (V0) frees the ipaddr entries');
  d.ipaddrList = [];
  d.spinlock.unlock(t);
  for (const c of [...(d.connList ?? [])]) await rdsIbConnDestroy(s, t, c); // rds_ib_destroy_conns

  if (d.mrPool) {
    await s.at(t, 'RemoveOne_DestroyPool', { d: d.name });
    await rdsIbDestroyMrPool(s, t, d.mrPool);
    d.mrPool = null;
  }
  await rdsIbDevFreeNow(s, t, d);
}

/** Release a device's verbs objects and free it: V0's remove and add_one error path inline,
 *  V1+ from free_work. */
async function rdsIbDevFreeNow(s: RdsIb, t: Task, d: RdsIbDevice): Promise<void> {
  const { k, v } = s;
  await s.at(t, v.REFCOUNT ? 'FreeWork_DeallocPd' : 'RemoveOne_Free', { d: d.name });
  if (v.KERNEL === 'v3') touch(k, t, d.dev, `rds_ib_dev_free: ib_dealloc_pd on ${d.dev.name}`);
  if (d.pd) {
    const r = await s.verbs.deallocPd(d.pd);
    if (r.ok) d.pd = null;
  }
  if (d.ctx && d.pd === null) {
    const r = await s.verbs.closeDevice(d.ctx);
    if (r.ok) d.ctx = null;
  }

  if (v.REFCOUNT) await s.at(t, 'FreeWork_FreeIpaddrs', { d: d.name });
  touch(k, t, d, 'rds_ib_dev_free frees the ipaddr entries');
  if (d.ipaddrList === null) k.fault(t, 'uninitialised', `rds_ib_dev_free walks the uninitialised ipaddr_list of ${d.name}`);
  d.ipaddrList = [];

  if (v.REFCOUNT) await s.at(t, 'FreeWork_Free', { d: d.name });
  s.devices = s.devices.filter((x) => x !== d); // V0: unlinked here, without a lock
  if (!v.REFCOUNT && d.dev.clientData === d) d.dev.clientData = null;
  kfree(k, t, d, 'kfree(rds_ibdev)');
  if (v.V3_FIX) d.dev.refs--; // ib_device_put
}

/** rds_ib_dev_free, run by free_work on rds_wq (V1+). */
async function rdsIbDevFree(s: RdsIb, t: Task, d: RdsIbDevice): Promise<void> {
  await s.at(t, 'FreeWork', { d: d.name });
  touch(s.k, t, d, 'rds_ib_dev_free');
  if (d.mrPool) {
    await s.at(t, 'FreeWork_DestroyPool', { d: d.name });
    await rdsIbDestroyMrPool(s, t, d.mrPool);
    d.mrPool = null;
  }
  await rdsIbDevFreeNow(s, t, d);
}

/** ib_unregister_device (rdma link delete): the client's remove, then (V3) cma_remove_one waits
 *  for every cm_id on the device to be destroyed, then the ib_device is deallocated — without
 *  waiting for rds_ib_dev_free, which is bug (B) of rds-kernel-trace.md §5. */
export async function ibUnregisterDevice(s: RdsIb, t: Task, ibdev: IbDevice): Promise<void> {
  const { k, v } = s;
  await s.at(t, 'IbUnregister', { dev: ibdev.name });
  await k.waitUntil(t, `add_one(${ibdev.name}) to finish (device_mutex)`, () => ibdev.added);
  ibdev.unregistering = true;
  await rdsIbRemoveOne(s, t, ibdev);
  if (v.KERNEL !== 'v3') return;

  await s.at(t, 'CmaRemoveOne', { dev: ibdev.name });
  for (const c of ibdev.cmIds) rdsConnDrop(s, c); // RDMA_CM_EVENT_DEVICE_REMOVAL
  await k.waitUntil(t, `every cm_id on ${ibdev.name} to be destroyed (cma_remove_one)`, () => ibdev.cmIds.size === 0);
  if (v.V3_FIX) await k.waitUntil(t, `rds_ib_dev_free to put ${ibdev.name} (ib_device_put)`, () => ibdev.refs === 0);

  await s.at(t, 'IbDealloc', { dev: ibdev.name });
  kfree(k, t, ibdev, 'ib_dealloc_device');
  s.onIbDealloc?.(ibdev.name);
}

/** rds_ib_exit: unregister the client (remove for every device), wait for the frees on rds_wq,
 *  destroy the connections left on the no-device list, and flush again (D3, V3). */
export async function rdsIbExit(s: RdsIb, t: Task): Promise<void> {
  await s.at(t, 'ModuleExit');
  for (const ibdev of s.ibDevices) {
    if (!ibdev.unregistering && !ibdev.freed) {
      ibdev.unregistering = true;
      await rdsIbRemoveOne(s, t, ibdev);
    }
  }
  await s.at(t, 'ModuleExit_Flush');
  await s.rdsWq.flush(t);
  await s.at(t, 'ModuleExit_DestroyNodevConns');
  for (const c of s.conns) if (c.onNodev) await rdsIbConnDestroy(s, t, c);
  await s.at(t, 'ModuleExit_Flush');
  await s.rdsWq.flush(t);
}
