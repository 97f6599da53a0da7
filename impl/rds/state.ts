// The data structures of net/rds/ib.h and the module-global state of net/rds/ib.c, on top of the
// kernel runtime. Field names follow the kernel's (struct rds_ib_device, rds_ib_connection,
// rds_ib_mr, rds_ib_mr_pool) so the functions in ib.ts / ib_rdma.ts / ib_cm.ts read like theirs.
import { KObject, Refcount } from '../kernel/memory.js';
import { Mutex, RwSem, SpinLock } from '../kernel/locks.js';
import { Rcu } from '../kernel/rcu.js';
import type { Kernel, Task } from '../kernel/scheduler.js';
import { Work, Workqueue } from '../kernel/workqueue.js';
import type { ContextHandle, CqHandle, MrHandle, PdHandle, QpHandle, Verbs } from '../verbs/types.js';
import type { ActionName, TraceEvent, TraceParams, TraceVars } from './trace.js';
import type { Variant } from './variant.js';

/** struct ib_device, as far as the IB core's lifetime matters here (V3). */
export class IbDevice extends KObject {
  /** ib_get_client_data(dev, &rds_ib_client) */
  clientData: RdsIbDevice | null = null;
  /** add_one has returned (the core serialises add and remove under device_mutex) */
  added = false;
  /** ib_unregister_device has started: no new cm_id binds to it */
  unregistering = false;
  /** cm_ids bound to this device (cma_remove_one waits until there are none) */
  readonly cmIds = new Set<Conn>();
  /** references taken with ib_device_try_get (the V3 fix: rds_ib_device holds one) */
  refs = 0;
  /** the simulated device should fail allocation in add_one (D1's error path) */
  failAlloc = false;
  constructor(name: string) {
    super('ib_device', name);
  }
}

/** struct rds_ib_device */
export class RdsIbDevice extends KObject {
  readonly refcount: Refcount;
  readonly freeWork: Work;
  readonly spinlock = new SpinLock('rds_ibdev->spinlock');
  /** NULL until INIT_LIST_HEAD (bug D1 walks it uninitialised) */
  ipaddrList: string[] | null = null;
  connList: Conn[] | null = null;
  ctx: ContextHandle | null = null;
  pd: PdHandle | null = null;
  mrPool: MrPool | null = null;
  constructor(
    readonly dev: IbDevice,
    freeFn: (t: Task) => Promise<void>,
  ) {
    super('rds_ib_device', dev.name);
    this.refcount = new Refcount(this, 1);
    this.freeWork = new Work(`free_work(${dev.name})`, freeFn);
  }
}

/** struct rds_ib_mr_pool */
export class MrPool extends KObject {
  readonly flushLock = new Mutex('pool->flush_lock');
  readonly flushWorker: Work;
  /** MRs handed back by free_mr, waiting for a flush to unmap / invalidate them (drop_list) */
  readonly dropList: Mr[] = [];
  /** MRs allocated from this pool and not yet unmapped (item_count) */
  itemCount = 0;
  constructor(
    readonly rdsIbDev: RdsIbDevice,
    flushFn: (t: Task) => Promise<void>,
  ) {
    super('rds_ib_mr_pool', rdsIbDev.name);
    this.flushWorker = new Work(`flush_worker(${rdsIbDev.name})`, flushFn);
  }
}

export type ConnState = 'init' | 'connecting' | 'up' | 'down' | 'failed';

/** struct rds_connection + struct rds_ib_connection (one path). */
export class Conn {
  state: ConnState = 'init';
  /** ic->rds_ibdev: holds a reference from add_conn to remove_conn */
  rdsIbDev: RdsIbDevice | null = null;
  /** on ib_nodev_conns (true) or on rdsIbDev.connList (false) */
  onNodev = true;
  /** rds_conn_drop was called: the shutdown is queued or done, and the path does not reconnect */
  dropped = false;
  /** ic->i_cm_id is bound to `ibdev` */
  cmId = false;
  readonly cmLock = new Mutex('cp->cp_cm_lock');
  readonly shutdownWork: Work;
  /** the other end of the RDS connection (it sees DISCONNECTED when this end shuts down) */
  peer: Conn | null = null;
  /** i_fastreg_inuse_count (V3 FRWR): MRs registered on this connection and not invalidated */
  frInuse = 0;
  qp: QpHandle | null = null;
  cq: CqHandle | null = null;
  constructor(
    readonly name: string,
    readonly ibdev: IbDevice,
    readonly laddr: string,
    shutdownFn: (t: Task) => Promise<void>,
  ) {
    this.shutdownWork = new Work(`shutdown(${name})`, shutdownFn);
  }
}

export type MrState = 'new' | 'mapped' | 'dropped' | 'invalidated' | 'failed';

/** struct rds_ib_mr, owned by a socket bound to `laddr`. */
export class Mr {
  state: MrState = 'new';
  /** ibmr->device: holds a reference (V1+) from get_mr until the end of free_mr */
  device: RdsIbDevice | null = null;
  /** the device whose pool the MR sits in after free_mr (until a flush unmaps it) */
  pool: MrPool | null = null;
  verbsMr: MrHandle | null = null;
  constructor(
    readonly name: string,
    readonly laddr: string,
    /** the connection whose QP registers it (FRWR, V3) */
    readonly conn: Conn,
  ) {}
}

/** Module-global state of rds_rdma plus the IB core pieces it talks to. */
export class RdsIb {
  readonly rcu = new Rcu();
  /** rds_ib_devices */
  devices: RdsIbDevice[] = [];
  /** rds_ib_devices_lock (ea819867) */
  readonly devicesLock = new RwSem('rds_ib_devices_lock');
  readonly nodevConnsLock = new SpinLock('ib_nodev_conns_lock');
  readonly ibDevices: IbDevice[] = [];
  readonly conns: Conn[] = [];
  readonly mrs: Mr[] = [];
  /** every rds_ib_device ever allocated, freed or not (for traces and the leak check) */
  readonly allocated: RdsIbDevice[] = [];
  /** rds_wq, "krdsd": single-threaded, ordered */
  readonly rdsWq: Workqueue;
  /** V3: rds_ib_mr_wq "rds_mr_flushd" for the pools' flush workers */
  readonly mrWq: Workqueue;
  /** pool flush threshold (dirty MRs) above which free_mr queues the flush worker */
  readonly dirtyThreshold = 2;
  /** the IB core deallocated an ib_device (the sim backend unplugs it: later verbs fail with EIO) */
  onIbDealloc: ((name: string) => void) | null = null;
  private readonly pending = new Map<Task, { action: ActionName; params: TraceParams }>();
  private seq = 0;

  constructor(
    readonly k: Kernel,
    readonly verbs: Verbs,
    readonly v: Variant,
    readonly trace: ((e: TraceEvent) => void) | null = null,
  ) {
    this.rdsWq = new Workqueue(k, 'rds_wq');
    this.mrWq = v.KERNEL === 'v3' ? new Workqueue(k, 'rds_ib_mr_wq') : this.rdsWq;
    if (trace) k.onStepEnd = (t) => this.flushEvent(t);
  }

  /** Begin the atomic step `action` of task `t`: a scheduling point, then the step runs until the
   *  task's next point; its trace event carries the variables as they are when the step ends. */
  async at(t: Task, action: ActionName, params: TraceParams = {}): Promise<void> {
    await this.k.point(t, action);
    if (this.trace) this.pending.set(t, { action, params });
  }

  private flushEvent(t: Task): void {
    const p = this.pending.get(t);
    if (!p || !this.trace) return;
    this.pending.delete(t);
    this.trace({ ts: this.k.step, seq: ++this.seq, task: t.name, taskId: t.id, irq: t.irq, action: p.action, params: p.params, vars: this.vars() });
  }

  vars(): TraceVars {
    const name = (d: RdsIbDevice | null): string | null => (d ? d.name : null);
    return {
      refcount: Object.fromEntries(this.allocated.map((d) => [d.name, d.refcount.value])),
      freed: this.allocated.filter((d) => d.freed).map((d) => d.name),
      devList: this.devices.map((d) => d.name),
      clientData: Object.fromEntries(this.ibDevices.map((i) => [i.name, name(i.clientData)])),
      ipaddrs: Object.fromEntries(this.allocated.filter((d) => !d.freed).map((d) => [d.name, d.ipaddrList ? [...d.ipaddrList] : null])),
      connDev: Object.fromEntries(this.conns.map((c) => [c.name, name(c.rdsIbDev)])),
      connState: Object.fromEntries(this.conns.map((c) => [c.name, c.state])),
      mrDev: Object.fromEntries(this.mrs.map((m) => [m.name, name(m.device)])),
      mrState: Object.fromEntries(this.mrs.map((m) => [m.name, m.state])),
      rdsWq: this.rdsWq.items,
      rcuReaders: this.rcu.readers,
      ibDeallocated: this.ibDevices.filter((i) => i.freed).map((i) => i.name),
    };
  }
}
