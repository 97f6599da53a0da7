// The data structures of net/rds/ib.h and the module-global state of net/rds/ib.c, on top of the
// kernel runtime. Field names follow the kernel's (struct rds_ib_device, rds_ib_connection,
// rds_ib_mr, rds_ib_mr_pool) so the functions in ib.ts / ib_rdma.ts / ib_cm.ts read like theirs.
import { KObject, Refcount } from '../kernel/memory.js';
import { Mutex, RwSem, SpinLock } from '../kernel/locks.js';
import { Rcu } from '../kernel/rcu.js';
import type { Kernel, Task } from '../kernel/scheduler.js';
import { Work, Workqueue } from '../kernel/workqueue.js';
import type { ContextHandle, CqHandle, MrHandle, PdHandle, QpHandle, Verbs } from '../verbs/types.js';
import { isSubStep, modelActionOf, type ActionName, type ModelAction, type TraceEvent, type TraceParams, type TraceVars } from './trace.js';

export type Granularity = 'fine' | 'model';
import type { Variant } from './variant.js';

/** struct ib_device, as far as the IB core's lifetime matters here (V3). */
export class IbDevice extends KObject {
  /** ib_get_client_data(dev, &rds_ib_client) */
  clientData: RdsIbDevice | null = null;
  /** add_one has returned (the core serialises add and remove under device_mutex) */
  added = false;
  /** ib_unregister_device has started (the model's ib_device = "unregistering"). cm handlers still run
   *  on it: RDS's remove_one comes before cma's, so a setup still finds client data until it is cleared */
  unregistering = false;
  /** cm_ids bound to this device (cma_remove_one waits until there are none) */
  readonly cmIds = new Set<Conn>();
  /** the client's remove (rds_ib_remove_one) was called for it */
  removeCalled = false;
  /** the simulated device should fail allocation in add_one (D1's error path) */
  failAlloc = false;
  constructor(
    name: string,
    /** the device's name for the verbs backend (e.g. "rxe0"; the model's name by default) */
    readonly verbsName: string = name,
  ) {
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
  /** rds_ib_destroy_mr_pool has run */
  poolDestroyed = false;
  /** the pool rds_ib_destroy_mr_pool freed: V0's rds_ibdev->mr_pool still points there, so an MR
   *  mapped across its BUG_ON (with continueAfterFault) reaches the freed pool in free_mr */
  freedPool: MrPool | null = null;
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

export type ConnState = 'init' | 'connecting' | 'up' | 'down' | 'failed' | 'destroyed';

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
  /** the model's ibmr_device: set by the lookup, kept after the free (the pool it sits in) */
  modelDevice: RdsIbDevice | null = null;
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
  /** the IB core's device_mutex: client add and remove calls never overlap */
  readonly deviceMutex = new Mutex('device_mutex');
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
  /** model granularity: the model action each task is in the middle of */
  private readonly open = new Map<Task, ModelAction | null>();
  private seq = 0;

  constructor(
    readonly k: Kernel,
    readonly verbs: Verbs,
    readonly v: Variant,
    readonly trace: ((e: TraceEvent) => void) | null = null,
    /** 'fine': a scheduling point before every step and sub-step (bug search); 'model': points
     *  only where the model's actions begin, and only model actions are logged, so each logged
     *  state is one the model can be in (trace validation) */
    readonly granularity: Granularity = 'fine',
  ) {
    this.rdsWq = new Workqueue(k, 'rds_wq');
    this.mrWq = v.KERNEL === 'v3' ? new Workqueue(k, 'rds_ib_mr_wq') : this.rdsWq;
    if (trace) k.onStepEnd = (t) => this.flushEvent(t);
  }

  /** Begin the atomic step `action` of task `t`: a scheduling point, then the step runs until the
   *  task's next point; its trace event carries the variables as they are when the step ends. */
  async at(t: Task, action: ActionName, params: TraceParams = {}): Promise<void> {
    if (this.granularity === 'fine') {
      await this.k.point(t, action);
      if (this.trace) this.pending.set(t, { action, params });
      return;
    }
    const model = modelActionOf(action);
    const sub = isSubStep(action);
    if (sub && model === null) {
      t.label = action; // part of whatever the task is doing: no point, no event
      return;
    }
    if (this.open.get(t) === model && model !== null) t.label = action; // same model action goes on
    else await this.k.point(t, action);
    this.open.set(t, model);
    if (!sub && this.trace) this.pending.set(t, { action, params });
  }

  /** Model granularity: the model action `action` begins here, before the work it logs at its
   *  own step (a lookup walk the model makes part of GetMR_Lookup). Fine granularity has a
   *  point at every step of the walk already. */
  async begin(t: Task, action: ModelAction): Promise<void> {
    if (this.granularity === 'fine') return;
    await this.k.point(t, action);
    this.open.set(t, action);
  }

  private flushEvent(t: Task): void {
    const p = this.pending.get(t);
    if (!p || !this.trace) return;
    this.pending.delete(t);
    const params = this.withBackendNames(p.params);
    // args are the model's values: the backend's device name is the implementation's business
    const args = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'verbs').map(([k, v]) => [k, typeof v === 'string' ? modelIndexOr(v) : v]));
    this.trace({
      ts: this.k.step,
      seq: ++this.seq,
      task: t.name,
      taskId: t.id,
      irq: t.irq,
      step: p.action,
      action: modelActionOf(p.action),
      params,
      args,
      vars: this.vars(),
    });
  }

  /** The step's parameters, plus `verbs`: the backend's name of the device `d` where it is not
   *  the workload's (rxe0 for d1), so a trace from real devices still says which one it was. */
  private withBackendNames(params: TraceParams): TraceParams {
    const d = params['d'];
    const ibdev = typeof d === 'string' ? this.ibDevices.find((i) => i.name === d) : undefined;
    return ibdev && ibdev.verbsName !== ibdev.name ? { ...params, verbs: ibdev.verbsName } : params;
  }

  /** Model granularity: the task's open model action becomes `action` without a scheduling
   *  point (a walk step that turns out to be the walk's end: FlushMRs_Next → FlushMRs_End). */
  reopen(t: Task, action: ModelAction): void {
    if (this.granularity === 'model') this.open.set(t, action);
  }

  /** The step just begun with `at` does not happen after all (its condition no longer holds once
   *  the task runs): no event is logged for it. */
  retract(t: Task): void {
    this.pending.delete(t);
    this.open.delete(t); // whatever the task does next begins at a scheduling point of its own
  }

  /** The model's variables in the model's shape (tla/RdsIbDevice.tla VARIABLES). */
  vars(): TraceVars {
    const idx = (o: { name: string } | null): number => (o ? modelIndex(o.name) : 0);
    const byDev = <T>(f: (i: IbDevice, d: RdsIbDevice | undefined) => T): Record<number, T> =>
      Object.fromEntries(this.ibDevices.map((i) => [idx(i), f(i, this.allocated.filter((d) => d.dev === i).at(-1))]));
    const frState = { new: 'none', failed: 'none', mapped: 'inuse', dropped: 'dirty', invalidated: 'clean' } as const;
    const wqItem = (name: string): readonly [string, number] => {
      const m = /^(\w+)\((\w+)\)$/.exec(name);
      return m ? [m[1] === 'shutdown' ? 'shutdown' : m[1]!, modelIndex(m[2]!)] : [name, 0];
    };
    return {
      ib_device: byDev((i) => (i.freed ? 'deallocated' : i.unregistering ? 'unregistering' : 'registered')),
      rds_ibdev: byDev((_, d) => (!d ? 'none' : d.freed ? 'freed' : 'alloc')),
      // V0 has no refcount field: the model keeps it at 0 (the counter here is only the runtime's)
      refcount: byDev((_, d) => (this.v.REFCOUNT ? (d?.refcount.value ?? 0) : 0)),
      client_data: byDev((i) => i.clientData !== null),
      rds_ib_devices: this.devices.map(idx).sort((a, b) => a - b),
      lists_inited: byDev((_, d) => !!d && d.ipaddrList !== null),
      mr_pool: byDev((_, d) => (!d?.mrPool ? (d?.poolDestroyed ? 'destroyed' : 'none') : 'live')),
      ipaddr_list: byDev((_, d) => !!d && !d.freed && (d.ipaddrList?.length ?? 0) > 0),
      ic_rds_ibdev: Object.fromEntries(this.conns.map((c) => [idx(c), idx(c.rdsIbDev)])),
      i_cm_id: Object.fromEntries(this.conns.map((c) => [idx(c), c.cmId])),
      ibmr_device: Object.fromEntries(this.mrs.map((m) => [idx(m), idx(m.modelDevice)])),
      fr_state: Object.fromEntries(this.mrs.map((m) => [idx(m), frState[m.state]])),
      rds_wq: this.rdsWq.items.map(wqItem),
      rcu_readers: this.rcu.readers,
    };
  }
}

/** "d2" → 2: devices, connections and MRs are numbered like the model's 1..NDEV etc. */
export function modelIndex(name: string): number {
  const m = /^[a-z]+(\d+)$/.exec(name);
  return m ? Number(m[1]) : 0;
}
function modelIndexOr(v: string): string | number {
  return /^[dcm]\d+$/.test(v) ? modelIndex(v) : v;
}
