// net/rds/ib_cm.c: connection setup (rds_ib_setup_qp, from the rdma_cm event handler),
// establishment (rds_ib_cm_connect_complete → rds_ib_update_ipaddr), and shutdown
// (rds_ib_conn_path_shutdown, run on rds_wq after rds_conn_drop).
import { touch } from '../kernel/memory.js';
import type { Task } from '../kernel/scheduler.js';
import { rdsIbDevPut } from './ib.js';
import { rdsIbAddConn, rdsIbFlushMrPool, rdsIbRemoveConn, rdsIbUpdateIpaddr } from './ib_rdma.js';
import type { Conn, RdsIb } from './state.js';

/** The connection path: resolve (binds the cm_id to the device), rds_ib_setup_qp, then
 *  RDMA_CM_EVENT_ESTABLISHED → rds_ib_cm_connect_complete. Both handlers run under cp_cm_lock. */
export async function rdsIbConnPathConnect(s: RdsIb, t: Task, c: Conn): Promise<void> {
  const { k } = s;
  await c.cmLock.lock(k, t);
  await s.at(t, 'ConnSetup_GetClientData', { c: c.name, d: c.ibdev.name });
  const up = await rdsIbSetupQp(s, t, c);
  c.cmLock.unlock(t);
  if (!up) return;

  await c.cmLock.lock(k, t);
  // V0's connect_complete begins by reading client data again: a model step of its own (the
  // device may be freed before the rest of the handler uses it)
  await s.at(t, s.v.REFCOUNT ? 'ConnComplete_Begin' : 'ConnComplete_GetClientData', { c: c.name });
  await rdsIbCmConnectComplete(s, t, c);
  c.cmLock.unlock(t);
}

/** rds_ib_setup_qp: look the device up through client data, attach the connection, build the QP. */
async function rdsIbSetupQp(s: RdsIb, t: Task, c: Conn): Promise<boolean> {
  const { k, v } = s;
  // A device being unregistered is still set up on: RDS's remove_one runs before cma's, so the
  // cm handler runs and ib_get_client_data returns rds_ibdev until remove_one clears it.
  if (c.dropped || c.ibdev.freed) return failSetup(c);
  c.cmId = true; // rds_ib_conn_path_connect / rds_ib_cm_handle_connect: ic->i_cm_id is set before setup
  c.ibdev.cmIds.add(c);

  // rds_ib_get_client_data: V1+ reads and increments inside one RCU read section; V0 has no count.
  if (v.REFCOUNT) s.rcu.readLock(t);
  const d = c.ibdev.clientData;
  if (!d) {
    if (v.REFCOUNT) s.rcu.readUnlock(t);
    return failSetup(c); // "not supported": normal when racing with removal
  }
  await s.at(t, 'ConnSetup_DevGet', { c: c.name, d: d.name });
  if (v.REFCOUNT) d.refcount.inc(k, t, 'rds_ib_setup_qp: lookup reference');
  if (v.REFCOUNT) s.rcu.readUnlock(t);

  if (v.REFCOUNT) {
    await s.at(t, 'ConnSetup_AttachConn', { c: c.name, d: d.name });
    await rdsIbAddConn(s, t, d, c);
  }

  await s.at(t, 'ConnSetup_CreateQp', { c: c.name, d: d.name });
  touch(k, t, d, 'rds_ib_setup_qp uses rds_ibdev->pd');
  const cq = d.ctx ? await s.verbs.createCq(d.ctx, 64) : null;
  if (cq?.ok) {
    c.cq = cq.value.cq;
    const qp = await s.verbs.createQp(d.pd!, { sendCq: c.cq, recvCq: c.cq, maxSendWr: 16, maxRecvWr: 16 });
    if (qp.ok) c.qp = qp.value.qp;
  }
  c.state = 'connecting';

  await s.at(t, 'ConnSetup_AddConn', { c: c.name, d: d.name }); // the model's step ends here
  if (v.REFCOUNT && v.SETUP_SUCCESS_PUT) rdsIbDevPut(s, t, d, 'rds_ib_setup_qp: lookup reference');
  // D2 (3b12f73a .. 91a82529): the success path returns before the put
  return true;
}

/** The handler returns an error and the rdma_cm destroys the cm_id. */
function failSetup(c: Conn): false {
  c.cmId = false;
  c.ibdev.cmIds.delete(c);
  c.state = 'failed';
  return false;
}

/** rds_ib_cm_connect_complete. V0 (before 3e0249f9) reads client data again, with no reference,
 *  then rds_ib_update_ipaddr(rds_ibdev, laddr), then rds_ib_add_conn(rds_ibdev, conn) — in that
 *  order (V0 net/rds/ib_cm.c); V1+ use the device the setup attached. */
async function rdsIbCmConnectComplete(s: RdsIb, t: Task, c: Conn): Promise<void> {
  if (!s.v.REFCOUNT) {
    if (c.dropped) return s.retract(t);
    const d0 = c.ibdev.clientData;
    if (!d0) {
      // remove_one ran: the kernel passes NULL on and oopses (a crash, not a use after free);
      // the model (ConnComplete_GetClientData) abstracts it as a setup finding NULL: give up
      failSetup(c);
      return;
    }
    await rdsIbUpdateIpaddr(s, t, c, d0, c.laddr); // ends with the step ConnComplete
    await rdsIbAddConn(s, t, d0, c); // V0: only now on d0's conn_list (rds_ib_destroy_conns missed it)
    c.state = 'up';
    return;
  }
  if (c.dropped) return;
  const d = c.rdsIbDev;
  if (!d) {
    c.state = 'failed';
    return;
  }
  await rdsIbUpdateIpaddr(s, t, c, d, c.laddr); // ends with the step ConnComplete
  c.state = 'up';
}

/** rds_conn_drop: queue the connection's shutdown on rds_wq (any context; never blocks). */
export function rdsConnDrop(s: RdsIb, c: Conn): void {
  if (c.dropped) return;
  c.dropped = true;
  s.rdsWq.queueWork(c.shutdownWork);
}

/** The model's ConnDrop(c): rds_conn_drop called from a cm event handler or an error path, as a
 *  step of its own. Whether the connection is still up to be dropped is decided when the step
 *  runs; if it is not (dropped or torn down meanwhile), rds_conn_drop finds nothing to do and no
 *  step is logged. */
export async function rdsConnDropStep(s: RdsIb, t: Task, c: Conn): Promise<void> {
  await s.at(t, 'ConnDrop', { c: c.name });
  if (c.dropped || (c.state !== 'connecting' && c.state !== 'up')) return s.retract(t);
  rdsConnDrop(s, c);
}

/** rds_ib_conn_path_shutdown, on rds_wq. V3 first waits until the connection's FRWR MRs are
 *  invalidated (i_fastreg_inuse_count == 0), which is what blocks the ordered rds_wq in
 *  rds-kernel-trace.md §5. The cm_id is destroyed before rds_ib_remove_conn drops the reference. */
export async function rdsIbConnShutdown(s: RdsIb, t: Task, c: Conn): Promise<void> {
  const { k, v } = s;
  await s.at(t, 'ConnShutdown', { c: c.name });
  await c.cmLock.lock(k, t); // rds_conn_shutdown: the state transition under cp_cm_lock
  const wasUp = c.state === 'up' || c.state === 'connecting';
  c.state = 'down';
  c.cmLock.unlock(t);
  // rdma_disconnect (first in rds_ib_conn_path_shutdown): the peer end sees
  // RDMA_CM_EVENT_DISCONNECTED, and rds_rdma_cm_event_handler_cmn calls rds_conn_drop on it
  if (wasUp && c.peer) await rdsConnDropStep(s, t, c.peer);
  if (!c.cmId) return;

  if (v.KERNEL === 'v3') {
    await s.at(t, 'ConnShutdown_WaitMRs', { c: c.name });
    await rdsIbConnPathShutdownCheckWait(s, t, c);
  }

  await s.at(t, 'ConnShutdown_DestroyQp', { c: c.name });
  await destroyQp(s, c);
  c.cmId = false; // rdma_destroy_id: cma_remove_one stops waiting for this id
  c.ibdev.cmIds.delete(c);

  const d = c.rdsIbDev;
  // the model's second half ends the work item whether or not the connection is on a device
  // (V0: one dropped before its connect_complete added it is still on ib_nodev_conns)
  await s.at(t, 'ConnShutdown_RemoveConn', d ? { c: c.name, d: d.name } : { c: c.name });
  if (d) await rdsIbRemoveConn(s, t, d, c);
}

/** rds_ib_conn_path_shutdown_check_wait (V3): poll until i_fastreg_inuse_count is 0. With the
 *  proposed fix (part 2, tla/README.md) it flushes its own device's pool while it waits, so an MR
 *  freed without RDS_RDMA_INVALIDATE is invalidated although rds_ib_flush_mrs no longer visits
 *  the unlisted device. */
async function rdsIbConnPathShutdownCheckWait(s: RdsIb, t: Task, c: Conn): Promise<void> {
  const { k, v } = s;
  const dirty = () => (c.rdsIbDev?.mrPool?.dropList.length ?? 0) > 0;
  while (c.frInuse > 0) {
    if (v.REMOVE_FIX.includes('shutdown_flush') && dirty()) {
      await s.at(t, 'ConnShutdown_FlushPool', { c: c.name, d: c.rdsIbDev!.name });
      // a socket's flush may have invalidated the MRs while this worker waited to run: then this
      // flush finds nothing on the drop list, which is no step of the model's (it needs a dirty MR)
      if (!dirty()) {
        s.retract(t);
        continue;
      }
      await rdsIbFlushMrPool(s, t, c.rdsIbDev!.mrPool!);
    } else {
      await k.waitUntil(t, `i_fastreg_inuse_count of ${c.name} to reach 0`, () => c.frInuse === 0 || (v.REMOVE_FIX.includes('shutdown_flush') && dirty()));
    }
  }
}

async function destroyQp(s: RdsIb, c: Conn): Promise<void> {
  if (c.qp) {
    const r = await s.verbs.destroyQp(c.qp);
    if (r.ok) c.qp = null;
  }
  if (c.cq && c.qp === null) {
    const r = await s.verbs.destroyCq(c.cq);
    if (r.ok) c.cq = null;
  }
}

/** rds_conn_destroy for an IB connection: V0's rds_ib_destroy_conns and module exit's
 *  rds_ib_destroy_nodev_conns tear the connection down synchronously. */
export async function rdsIbConnDestroy(s: RdsIb, t: Task, c: Conn): Promise<void> {
  await s.rdsWq.cancelWorkSync(t, c.shutdownWork); // rds_conn_path_destroy: no shutdown in flight
  c.dropped = true;
  c.state = 'destroyed';
  await destroyQp(s, c);
  c.cmId = false;
  c.ibdev.cmIds.delete(c);
  if (c.rdsIbDev) await rdsIbRemoveConn(s, t, c.rdsIbDev, c);
}
