// The `Verbs` interface: the subset of libibverbs (rdma-core `infiniband/verbs.h`) that the RDS IB
// device manager needs, shared by two backends — the simulated device (`impl/verbs/sim`) and the
// N-API binding over libibverbs on rxe (`impl/verbs/native`).
//
// Contract (keep it stable; add, don't break):
// - Every method is async-friendly and returns `VerbsResult<T>`; a verbs failure is a value
//   `{ ok: false, error: { errno, name } }`, never a thrown exception. Throwing is reserved for
//   programming errors in the caller (e.g. a handle of the wrong backend).
// - Resource handles are opaque ids (branded strings). A handle stays invalid after it was
//   destroyed; using it again returns EINVAL (as libibverbs does for a freed object we can detect)
//   or EIO/ENODEV for a context whose device has gone.
// - Errors that matter for the device manager, as real verbs report them:
//   * `deallocPd` with MRs or QPs still on the PD → EBUSY (ib_dealloc_pd_user / perftest PR #77);
//   * `destroyCq` with a QP still using it → EBUSY;
//   * any call on a closed context (or a resource of one) → EBADF / EINVAL;
//   * `closeDevice` with resources still open → EBUSY (uverbs refuses to close a context that
//     still owns objects only via destroy ordering; we make it explicit so leaks are visible).
// - Removal: `onRemoval` is the hook through which a backend tells its user that a device is going
//   away (rxe: `rdma link delete` blocks until every user closed the device — see
//   shared/design/rxe-vm.md; sim: `SimVerbs.removeDevice` resolves only when the last context closed).

/** errno values used by both backends (Linux asm-generic/errno-base.h). */
export const Errno = {
  EPERM: 1,
  ENOENT: 2,
  EIO: 5,
  EBADF: 9,
  EAGAIN: 11,
  ENOMEM: 12,
  EBUSY: 16,
  ENODEV: 19,
  EINVAL: 22,
  ENOSYS: 38,
  EOPNOTSUPP: 95,
} as const;
export type ErrnoName = keyof typeof Errno;

export interface VerbsError {
  readonly errno: number;
  /** symbolic name, e.g. "EBUSY" */
  readonly name: string;
  /** which verb failed and why, for humans */
  readonly message?: string;
}

export type VerbsResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: VerbsError };

export function ok<T>(value: T): VerbsResult<T> {
  return { ok: true, value };
}
export function fail<T = never>(name: ErrnoName, message?: string): VerbsResult<T> {
  return { ok: false, error: message === undefined ? { errno: Errno[name], name } : { errno: Errno[name], name, message } };
}

// Opaque handles. The brand keeps a PD id from being passed where an MR id is expected.
declare const brand: unique symbol;
type Handle<K extends string> = string & { readonly [brand]: K };
export type ContextHandle = Handle<'context'>;
export type PdHandle = Handle<'pd'>;
export type MrHandle = Handle<'mr'>;
export type CompChannelHandle = Handle<'comp-channel'>;
export type CqHandle = Handle<'cq'>;
export type QpHandle = Handle<'qp'>;

export interface DeviceInfo {
  /** kernel name, e.g. "rxe0" */
  readonly name: string;
  /** node GUID as 16 hex digits */
  readonly guid: string;
  /** names can be reused after a delete; (name, generation) identifies one registration */
  readonly generation: number;
}

export interface DeviceAttr {
  readonly name: string;
  readonly maxQp: number;
  readonly maxCq: number;
  readonly maxCqe: number;
  readonly maxMr: number;
  readonly maxPd: number;
  readonly maxQpWr: number;
  readonly maxSge: number;
  readonly physPortCnt: number;
}

export type PortState = 'down' | 'init' | 'armed' | 'active' | 'active-defer';
export interface PortAttr {
  readonly state: PortState;
  readonly lid: number;
  readonly activeMtu: number;
  readonly gidTblLen: number;
}

/** IBV_ACCESS_* flags that matter here. */
export interface MrAccess {
  readonly localWrite?: boolean;
  readonly remoteWrite?: boolean;
  readonly remoteRead?: boolean;
}

export interface MrInfo {
  readonly mr: MrHandle;
  readonly lkey: number;
  readonly rkey: number;
  /** address of the registered buffer as the device sees it (for RDMA write targets) */
  readonly addr: bigint;
  readonly length: number;
}

export interface CqInfo {
  readonly cq: CqHandle;
  /** actual number of entries (>= requested) */
  readonly cqe: number;
}

export interface QpInit {
  readonly sendCq: CqHandle;
  readonly recvCq: CqHandle;
  readonly maxSendWr: number;
  readonly maxRecvWr: number;
  readonly maxSendSge?: number;
  readonly maxRecvSge?: number;
}

export interface QpInfo {
  readonly qp: QpHandle;
  readonly qpNum: number;
}

/** What the other end of an RC QP needs to know to connect (exchanged out of band; in loopback it
 *  is the other QP on the same device). */
export interface QpDest {
  readonly qpNum: number;
  readonly lid: number;
  /** GID as 32 hex digits (RoCE needs it; rxe is RoCE) */
  readonly gid: string;
  readonly psn: number;
}

export type QpState = 'reset' | 'init' | 'rtr' | 'rts' | 'sqd' | 'sqe' | 'err';

export interface Sge {
  readonly mr: MrHandle;
  readonly offset: number;
  readonly length: number;
}

export type SendWr =
  | { readonly kind: 'send'; readonly wrId: bigint; readonly sge: readonly Sge[]; readonly signaled: boolean }
  | {
      readonly kind: 'rdma-write';
      readonly wrId: bigint;
      readonly sge: readonly Sge[];
      readonly signaled: boolean;
      readonly remoteAddr: bigint;
      readonly rkey: number;
    };

export interface RecvWr {
  readonly wrId: bigint;
  readonly sge: readonly Sge[];
}

/** ibv_wc_status names (ibv_wc_status_str) that the device manager distinguishes. */
export type WcStatus = 'success' | 'loc-len-err' | 'loc-prot-err' | 'wr-flush-err' | 'rem-access-err' | 'general-err';
export type WcOpcode = 'send' | 'rdma-write' | 'recv';

export interface WorkCompletion {
  readonly wrId: bigint;
  readonly status: WcStatus;
  readonly opcode: WcOpcode;
  readonly byteLen: number;
  readonly qpNum: number;
}

/** ibv_event_type values (ibv_event_type_str) the device manager reacts to. */
export type AsyncEventType =
  | 'device-fatal'
  | 'port-active'
  | 'port-err'
  | 'qp-fatal'
  | 'cq-err'
  | 'comm-est'
  | 'qp-last-wqe-reached';

export interface AsyncEvent {
  readonly type: AsyncEventType;
  readonly device: string;
  /** the QP or CQ the event is about, if any */
  readonly resource?: QpHandle | CqHandle;
}

/** Why a device is going away, as far as the backend could tell (see kernel-brief §6). */
export type RemovalCause = 'unregister' | 'netlink-unregister' | 'cm-device-removal' | 'fatal';

export interface RemovalNotice {
  readonly device: string;
  readonly generation: number;
  readonly cause: RemovalCause;
}

/** Per-device counts of live verbs objects, so a test can assert that everything was released. */
export interface ResourceCounts {
  readonly contexts: number;
  readonly pd: number;
  readonly mr: number;
  readonly cq: number;
  readonly qp: number;
  readonly compChannels: number;
}

export type Unsubscribe = () => void;

export interface Verbs {
  readonly backend: 'sim' | 'native';

  // --- devices and contexts (ibv_get_device_list / ibv_open_device / ibv_close_device) ---
  listDevices(): Promise<VerbsResult<readonly DeviceInfo[]>>;
  openDevice(name: string): Promise<VerbsResult<ContextHandle>>;
  /** `force`: destroy whatever the context still owns first, as the process's teardown of the
   *  uverbs file does (and as V0's early free tears the device down); the owned handles then
   *  fail with EBADF (a resource of a closed context). Without it: EBUSY while objects remain. */
  closeDevice(ctx: ContextHandle, opts?: { readonly force?: boolean }): Promise<VerbsResult<void>>;
  queryDevice(ctx: ContextHandle): Promise<VerbsResult<DeviceAttr>>;
  queryPort(ctx: ContextHandle, port: number): Promise<VerbsResult<PortAttr>>;
  queryGid(ctx: ContextHandle, port: number, index: number): Promise<VerbsResult<string>>;

  // --- protection domains and memory regions ---
  allocPd(ctx: ContextHandle): Promise<VerbsResult<PdHandle>>;
  /** EBUSY while MRs or QPs still use the PD. */
  deallocPd(pd: PdHandle): Promise<VerbsResult<void>>;
  regMr(pd: PdHandle, length: number, access: MrAccess): Promise<VerbsResult<MrInfo>>;
  deregMr(mr: MrHandle): Promise<VerbsResult<void>>;
  /** Copy bytes into / out of a registered buffer (the process's own memory behind the MR). */
  writeMr(mr: MrHandle, offset: number, data: Uint8Array): Promise<VerbsResult<void>>;
  readMr(mr: MrHandle, offset: number, length: number): Promise<VerbsResult<Uint8Array>>;

  // --- completion queues ---
  createCompChannel(ctx: ContextHandle): Promise<VerbsResult<CompChannelHandle>>;
  destroyCompChannel(ch: CompChannelHandle): Promise<VerbsResult<void>>;
  createCq(ctx: ContextHandle, cqe: number, channel?: CompChannelHandle): Promise<VerbsResult<CqInfo>>;
  /** EBUSY while a QP uses the CQ. */
  destroyCq(cq: CqHandle): Promise<VerbsResult<void>>;
  reqNotifyCq(cq: CqHandle, solicitedOnly: boolean): Promise<VerbsResult<void>>;
  /** Resolves with the CQ of the next completion event on the channel (ibv_get_cq_event). */
  getCqEvent(ch: CompChannelHandle): Promise<VerbsResult<CqHandle>>;
  ackCqEvents(cq: CqHandle, n: number): Promise<VerbsResult<void>>;
  pollCq(cq: CqHandle, max: number): Promise<VerbsResult<readonly WorkCompletion[]>>;

  // --- queue pairs (RC) ---
  createQp(pd: PdHandle, init: QpInit): Promise<VerbsResult<QpInfo>>;
  /** Own addressing information, to hand to the peer. */
  qpDest(qp: QpHandle, port: number, gidIndex: number): Promise<VerbsResult<QpDest>>;
  /** RESET → INIT → RTR → RTS against `dest` (loopback: another QP on the same device). */
  connectQp(qp: QpHandle, port: number, dest: QpDest): Promise<VerbsResult<void>>;
  /** Move to ERR: outstanding work requests complete with `wr-flush-err` (rds_ib_conn_path_shutdown). */
  disconnectQp(qp: QpHandle): Promise<VerbsResult<void>>;
  queryQpState(qp: QpHandle): Promise<VerbsResult<QpState>>;
  destroyQp(qp: QpHandle): Promise<VerbsResult<void>>;
  postSend(qp: QpHandle, wr: SendWr): Promise<VerbsResult<void>>;
  postRecv(qp: QpHandle, wr: RecvWr): Promise<VerbsResult<void>>;

  // --- events ---
  /** Async events of a context (ibv_get_async_event, acked by the backend before delivery returns). */
  onAsyncEvent(ctx: ContextHandle, handler: (e: AsyncEvent) => void): Unsubscribe;
  /** A device is being removed: the user must close every resource of it so removal can finish. */
  onRemoval(handler: (n: RemovalNotice) => void): Unsubscribe;

  /** Live objects per device (sim: exact bookkeeping; native: the addon's own bookkeeping). */
  resources(device: string): ResourceCounts;
  /** Stop background threads / pollers; the backend is unusable afterwards. */
  shutdown(): Promise<void>;
}
