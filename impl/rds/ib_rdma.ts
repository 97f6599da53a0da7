// net/rds/ib_rdma.c: the device lookup by local address, the ipaddr and connection lists, MR
// get/free, the MR pool with its flush worker, rds_ib_flush_mrs and the pool's teardown.
import { kfree, touch } from '../kernel/memory.js';
import type { Task } from '../kernel/scheduler.js';
import { rdsIbDevPut } from './ib.js';
import { MrPool, type Conn, type Mr, type RdsIb, type RdsIbDevice } from './state.js';

function uninitialised(s: RdsIb, t: Task, d: RdsIbDevice, list: string, fn: string): never {
  s.k.fault(t, 'uninitialised', `${fn} walks the uninitialised ${list} of ${d.name}`);
}

/** rds_ib_get_device: the device whose ipaddr_list holds `ip`, with a reference taken (V1+).
 *  V2+: the walk is an RCU read section. V1: a plain walk of an unprotected list. V0: no count;
 *  each ipaddr_list is read under the device spinlock. */
export async function rdsIbGetDevice(
  s: RdsIb,
  t: Task,
  ip: string,
  /** called at the match, before the increment, still inside the read section (trace steps) */
  onMatch?: (d: RdsIbDevice | null) => Promise<void>,
): Promise<RdsIbDevice | null> {
  const { k, v } = s;
  const rcu = v.LIST_PROT === 'rcu_rwsem';
  if (rcu) s.rcu.readLock(t);
  let found: RdsIbDevice | null = null;
  for (const d of s.devices) {
    await s.at(t, 'GetDevice_Walk', { d: d.name, ip });
    touch(k, t, d, 'rds_ib_get_device reads rds_ibdev->ipaddr_list');
    if (d.ipaddrList === null) uninitialised(s, t, d, 'ipaddr_list', 'rds_ib_get_device');
    if (d.ipaddrList.includes(ip)) {
      found = d;
      break;
    }
  }
  await onMatch?.(found);
  if (found && v.REFCOUNT) found.refcount.inc(k, t, 'rds_ib_get_device');
  if (rcu) s.rcu.readUnlock(t);
  return found;
}

/** rds_ib_add_ipaddr: under the device spinlock (list_add_tail_rcu in V2+). */
async function rdsIbAddIpaddr(s: RdsIb, t: Task, d: RdsIbDevice, ip: string): Promise<void> {
  await d.spinlock.lock(s.k, t);
  touch(s.k, t, d, 'rds_ib_add_ipaddr');
  if (d.ipaddrList === null) uninitialised(s, t, d, 'ipaddr_list', 'rds_ib_add_ipaddr');
  d.ipaddrList.push(ip);
  d.spinlock.unlock(t);
}

/** rds_ib_remove_ipaddr: unlink under the spinlock; the entry is freed after a grace period —
 *  synchronize_rcu in V2, kfree_rcu in V3. */
async function rdsIbRemoveIpaddr(s: RdsIb, t: Task, d: RdsIbDevice, ip: string): Promise<void> {
  await d.spinlock.lock(s.k, t);
  touch(s.k, t, d, 'rds_ib_remove_ipaddr');
  if (d.ipaddrList === null) uninitialised(s, t, d, 'ipaddr_list', 'rds_ib_remove_ipaddr');
  d.ipaddrList = d.ipaddrList.filter((x) => x !== ip);
  d.spinlock.unlock(t);
  if (s.v.KERNEL === 'v3') s.rcu.callRcu(s.k, `kfree_rcu(${ip})`, () => {});
  else if (s.v.LIST_PROT === 'rcu_rwsem') await s.rcu.synchronize(s.k, t);
}

/** rds_ib_update_ipaddr: move `ip` from whichever device owns it to `d`. */
export async function rdsIbUpdateIpaddr(s: RdsIb, t: Task, c: Conn, d: RdsIbDevice, ip: string): Promise<void> {
  const old = await rdsIbGetDevice(s, t, ip);
  if (old) {
    if (s.v.KERNEL === 'v3' && old === d) {
      await s.at(t, 'ConnComplete', { c: c.name, d: d.name, ip });
      rdsIbDevPut(s, t, old, 'rds_ib_update_ipaddr: already there');
      return;
    }
    await s.at(t, 'UpdateIpaddr_Remove', { c: c.name, d: old.name, ip });
    await rdsIbRemoveIpaddr(s, t, old, ip);
    if (s.v.REFCOUNT) rdsIbDevPut(s, t, old, 'rds_ib_update_ipaddr');
  }
  await s.at(t, 'ConnComplete', { c: c.name, d: d.name, ip }); // the model's step: rds_ib_add_ipaddr
  await rdsIbAddIpaddr(s, t, d, ip);
}

/** rds_ib_add_conn: ib_nodev_conns_lock, then the device spinlock; the connection's reference. */
export async function rdsIbAddConn(s: RdsIb, t: Task, d: RdsIbDevice, c: Conn): Promise<void> {
  const { k } = s;
  await s.nodevConnsLock.lock(k, t);
  await d.spinlock.lock(k, t);
  touch(k, t, d, 'rds_ib_add_conn');
  if (d.connList === null) uninitialised(s, t, d, 'conn_list', 'rds_ib_add_conn');
  c.onNodev = false;
  d.connList.push(c);
  c.rdsIbDev = d;
  d.spinlock.unlock(t);
  s.nodevConnsLock.unlock(t);
  if (s.v.REFCOUNT) d.refcount.inc(k, t, 'rds_ib_add_conn');
}

/** rds_ib_remove_conn: back to ib_nodev_conns, then drop the connection's reference. */
export async function rdsIbRemoveConn(s: RdsIb, t: Task, d: RdsIbDevice, c: Conn): Promise<void> {
  const { k } = s;
  await s.nodevConnsLock.lock(k, t);
  await d.spinlock.lock(k, t);
  touch(k, t, d, 'rds_ib_remove_conn');
  if (d.connList === null) uninitialised(s, t, d, 'conn_list', 'rds_ib_remove_conn');
  d.connList = d.connList.filter((x) => x !== c);
  c.onNodev = true;
  c.rdsIbDev = null;
  d.spinlock.unlock(t);
  s.nodevConnsLock.unlock(t);
  if (s.v.REFCOUNT) rdsIbDevPut(s, t, d, 'rds_ib_remove_conn');
}

/** rds_ib_create_mr_pool */
export function rdsIbCreateMrPool(s: RdsIb, d: RdsIbDevice): MrPool {
  const pool: MrPool = new MrPool(d, (w) => rdsIbMrPoolFlushWorker(s, w, pool));
  return pool;
}

/** rds_ib_get_mr: look the device up by the socket's bound address (the reference moves to the
 *  MR), take an MR from the pool and map it. V3 registers FRWR MRs through the connection's QP. */
export async function rdsIbGetMr(s: RdsIb, t: Task, m: Mr): Promise<void> {
  const { k, v } = s;
  // The model splits the lookup at the match: GetMR_Lookup remembers the device, GetMR_Map
  // takes the reference (rds_ib_get_device's atomic_inc), leaves the read section and maps.
  await s.begin(t, 'GetMR_Lookup');
  // V3: FRWR registration needs the connection's QP (EOPNOTSUPP otherwise; rds-kernel-trace.md §7.11)
  const connUp = () => m.conn.state === 'up' && !m.conn.dropped; // rds_conn_drop leaves UP at once
  if (v.KERNEL === 'v3' && !connUp()) return getMrFail(s, t, m, null);
  const d = await rdsIbGetDevice(s, t, m.laddr, async (found) => {
    await s.at(t, 'GetMR_Lookup', { m: m.name, ip: m.laddr });
    m.modelDevice = found;
    if (found) await s.at(t, 'GetMR_Map', { m: m.name, d: found.name });
  });
  if (!d) return getMrFail(s, t, m, null);
  touch(k, t, d, 'rds_ib_get_mr reads rds_ibdev->mr_pool');
  const pool = d.mrPool;
  if (!pool || !d.pd) return getMrFail(s, t, m, d);
  touch(k, t, pool, 'rds_ib_alloc_frmr');
  if (v.KERNEL === 'v3' && (m.conn.rdsIbDev !== d || !connUp())) return getMrFail(s, t, m, d); // FRWR needs the conn's QP
  const r = await s.verbs.regMr(d.pd, 4096, { localWrite: true, remoteWrite: true, remoteRead: true });
  if (!r.ok) return getMrFail(s, t, m, d);
  m.verbsMr = r.value.mr;
  pool.itemCount++;
  if (v.KERNEL === 'v3') m.conn.frInuse++;
  m.device = d; // ibmr->device: the lookup reference is now the MR's
  m.state = 'mapped';
}

async function getMrFail(s: RdsIb, t: Task, m: Mr, d: RdsIbDevice | null): Promise<void> {
  m.state = 'failed';
  m.modelDevice = null;
  if (d && s.v.REFCOUNT) rdsIbDevPut(s, t, d, 'rds_ib_get_mr error path');
}

/** rds_ib_free_mr (process or interrupt context): hand the MR back to its pool, queue or run a
 *  flush, then drop the MR's device reference (V1+; V0 kept a bare pointer). */
export async function rdsIbFreeMr(s: RdsIb, t: Task, m: Mr, invalidate: boolean): Promise<void> {
  const { k, v } = s;
  const ctx = t.irq ? 'irq' : 'process';
  await s.at(t, 'FreeMR_Begin', { m: m.name, ctx, invalidate });
  const d = m.device!;
  touch(k, t, d, 'rds_ib_free_mr reads ibmr->device->mr_pool');
  const pool = d.mrPool ?? d.freedPool!;
  touch(k, t, pool, 'rds_ib_free_mr');
  pool.dropList.push(m);
  m.pool = pool;
  m.state = 'dropped';
  if (pool.dropList.length >= s.dirtyThreshold) s.mrWq.queueWork(pool.flushWorker);
  if (invalidate) {
    if (t.irq) s.mrWq.queueWork(pool.flushWorker);
    else await rdsIbFlushMrPool(s, t, pool);
  }
  await s.at(t, 'FreeMR', { m: m.name, ctx, invalidate }); // the model's step ends with the put
  m.device = null;
  if (v.REFCOUNT) rdsIbDevPut(s, t, d, 'rds_ib_free_mr');
}

/** rds_ib_flush_mr_pool: under the pool mutex (may sleep), unmap / invalidate every dropped MR.
 *  V3: the LOCAL_INV completion decrements the connection's i_fastreg_inuse_count. */
export async function rdsIbFlushMrPool(s: RdsIb, t: Task, pool: MrPool): Promise<void> {
  const { k } = s;
  await pool.flushLock.lock(k, t);
  touch(k, t, pool, 'rds_ib_flush_mr_pool');
  for (const m of pool.dropList.splice(0)) {
    if (m.verbsMr) {
      const r = await s.verbs.deregMr(m.verbsMr);
      if (r.ok) m.verbsMr = null;
    }
    pool.itemCount--;
    if (s.v.KERNEL === 'v3') m.conn.frInuse--;
    m.state = 'invalidated';
    m.pool = null;
  }
  pool.flushLock.unlock(t);
}

/** rds_ib_mr_pool_flush_worker: on rds_wq (V0–V2) or rds_ib_mr_wq (V3). */
async function rdsIbMrPoolFlushWorker(s: RdsIb, t: Task, pool: MrPool): Promise<void> {
  await s.at(t, 'FlushWorker', { d: pool.name });
  touch(s.k, t, pool, 'rds_ib_mr_pool_flush_worker');
  await rdsIbFlushMrPool(s, t, pool);
}

/** rds_ib_flush_mrs: flush the pool of every device on rds_ib_devices. V2+: under the rwsem's
 *  read side, which remove_one's write side waits for; V0/V1: no lock and no reference. */
export async function rdsIbFlushMrs(s: RdsIb, t: Task, by: Mr): Promise<void> {
  const { k, v } = s;
  const m = by.name;
  const locked = v.LIST_PROT === 'rcu_rwsem';
  if (locked) await s.devicesLock.downRead(k, t);
  await s.at(t, 'FlushMRs_Begin', { m });
  let cursor: RdsIbDevice | null = null;
  for (;;) {
    // list_for_each_entry reads the cursor's next pointer at each step, not a snapshot taken at
    // the start: a device unlisted while the walker slept on a pool mutex is no longer reached
    // (the model's NextListed, taken at FlushMRs_Next)
    await s.begin(t, 'FlushMRs_Next');
    const d = nextListed(s, cursor);
    if (!d) {
      s.reopen(t, 'FlushMRs_End'); // the step that found the list's end is FlushMRs_End
      break;
    }
    await s.at(t, 'FlushMRs_Next', { m, d: d.name }); // V1: d picked with no lock and no reference
    await s.at(t, 'FlushMRs_Pool', { m, d: d.name });
    touch(k, t, d, 'rds_ib_flush_mrs');
    // V0's remove_one leaves rds_ibdev->mr_pool dangling after rds_ib_destroy_mr_pool kfree'd it
    // (the device stays listed until its kfree): the walk flushes the freed pool
    const pool = d.mrPool ?? (s.v.REFCOUNT ? null : d.freedPool);
    if (pool) await rdsIbFlushMrPool(s, t, pool);
    cursor = d;
  }
  await s.at(t, 'FlushMRs_End', { m });
  if (locked) s.devicesLock.upRead(t);
}

/** The first device on rds_ib_devices after `cursor` (list order = order of arrival, as the
 *  model numbers devices), whether or not `cursor` itself is still listed. */
function nextListed(s: RdsIb, cursor: RdsIbDevice | null): RdsIbDevice | undefined {
  const order = (d: RdsIbDevice) => s.ibDevices.indexOf(d.dev);
  const after = cursor ? order(cursor) : -1;
  return s.devices.filter((d) => order(d) > after).sort((a, b) => order(a) - order(b))[0];
}

/** rds_ib_destroy_mr_pool: stop the flush worker (V0: flush all of rds_wq; V1+: cancel only the
 *  pool's own work), flush with free-all, then free the pool. V0 BUG_ONs on an MR still in use. */
export async function rdsIbDestroyMrPool(s: RdsIb, t: Task, pool: MrPool): Promise<void> {
  if (s.v.POOL_TEARDOWN === 'flush_wq') await s.rdsWq.flush(t);
  else await s.mrWq.cancelWorkSync(t, pool.flushWorker);
  await rdsIbFlushMrPool(s, t, pool);
  if (pool.itemCount > 0 && !s.v.REFCOUNT) {
    // BUG_ON: the run stops here, unless it continues after faults (as the model goes on past S9)
    s.k.kasan(t, `rds_ib_destroy_mr_pool BUG_ON(item_count): ${pool.itemCount} MR(s) of ${pool.name} still in use while the device is freed under them`);
  }
  kfree(s.k, t, pool, 'rds_ib_destroy_mr_pool');
  pool.rdsIbDev.mrPool = null;
  pool.rdsIbDev.poolDestroyed = true;
  pool.rdsIbDev.freedPool = pool;
}
