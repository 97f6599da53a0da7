// The native `Verbs` backend: libibverbs through the N-API addon in impl/verbs/native (issue #6).
// Same contract and error behaviour as the simulated backend (impl/verbs/sim/sim.ts), on a real
// device (Soft-RoCE rxe in the test VM, test/rxe). The addon does the verbs and owns all native
// memory; this file maps handles, names and events onto the `Verbs` types and turns the
// "device no longer listed" signal into `onRemoval` (see native/removal.ts for the measurements).
//
// When the addon is not built or libibverbs is missing, `openNativeVerbs()` returns the reason
// instead of a backend, and the package keeps working on the simulated backend.
import { loadAddon, type Raw, type RawAddon, type RawEvent, type RawSge, type RawWc } from './native/addon.js';
import { DeviceTracker, RemovalWatcher } from './native/removal.js';
import {
  ok,
  type AsyncEvent,
  type AsyncEventType,
  type CompChannelHandle,
  type ContextHandle,
  type CqHandle,
  type CqInfo,
  type DeviceAttr,
  type DeviceInfo,
  type MrAccess,
  type MrHandle,
  type MrInfo,
  type PdHandle,
  type PortAttr,
  type PortState,
  type QpDest,
  type QpHandle,
  type QpInfo,
  type QpInit,
  type QpState,
  type RecvWr,
  type RemovalNotice,
  type ResourceCounts,
  type SendWr,
  type Sge,
  type Unsubscribe,
  type Verbs,
  type VerbsResult,
  type WcOpcode,
  type WcStatus,
  type WorkCompletion,
} from './types.js';

export type NativeAvailability = { readonly ok: true; readonly verbs: NativeVerbs } | { readonly ok: false; readonly reason: string };

/** The native backend, or why there is none (addon not built, libibverbs missing). */
export function openNativeVerbs(): NativeAvailability {
  const load = loadAddon();
  return load.available ? { ok: true, verbs: new NativeVerbs(load.addon) } : { ok: false, reason: load.reason };
}

// Handles are "<kind>:<addon handle>"; the prefix lets a handle of the wrong kind fail with EINVAL
// before it reaches the addon, like the sim's "is a pd, not a cq".
type HandleKind = 'ctx' | 'pd' | 'mr' | 'ch' | 'cq' | 'qp';
const EINVAL = 22;

function wrap<T, U>(r: Raw<T>, f: (v: T) => U): VerbsResult<U> {
  return r.ok ? ok(f(r.value)) : { ok: false, error: { errno: r.errno, name: r.name, message: r.message } };
}
function same<T>(r: Raw<T>): VerbsResult<T> {
  return wrap(r, (v) => v);
}
function badHandle<T>(verb: string, h: string, kind: HandleKind): VerbsResult<T> {
  return { ok: false, error: { errno: EINVAL, name: 'EINVAL', message: `${verb}: ${h} is not a ${kind} handle` } };
}

// ibv_event_type numbers (verbs.h) for the events the Verbs contract names.
const ASYNC_TYPES: { readonly [n: number]: AsyncEventType } = {
  0: 'cq-err',
  1: 'qp-fatal',
  4: 'comm-est',
  8: 'device-fatal',
  9: 'port-active',
  10: 'port-err',
  16: 'qp-last-wqe-reached',
};

// enum ibv_wc_status numbers (verbs.h) → the contract's names; the rest are 'general-err'.
const WC_STATUS: { readonly [n: number]: WcStatus } = { 0: 'success', 1: 'loc-len-err', 4: 'loc-prot-err', 5: 'wr-flush-err', 10: 'rem-access-err' };

// enum ibv_port_state numbers (verbs.h); 0 is IBV_PORT_NOP.
const PORT_STATES: { readonly [n: number]: PortState } = { 1: 'down', 2: 'init', 3: 'armed', 4: 'active', 5: 'active-defer' };

const IBV_ACCESS = { localWrite: 1, remoteWrite: 2, remoteRead: 4 } as const;

interface ChannelState {
  readonly events: CqHandle[];
  readonly waiters: ((r: VerbsResult<CqHandle>) => void)[];
}

interface ContextState {
  readonly device: string;
  readonly listeners: Set<(e: AsyncEvent) => void>;
}

export class NativeVerbs implements Verbs {
  readonly backend = 'native' as const;
  private readonly contexts = new Map<number, ContextState>();
  private readonly channels = new Map<number, ChannelState>();
  private readonly qpByNum = new Map<number, QpHandle>();
  /** addon QP handle → its QP number and context */
  private readonly qpInfo = new Map<number, { readonly qpNum: number; readonly ctx: number }>();
  /** opcode of each outstanding signaled send / recv, because a failed completion carries none */
  private readonly pending = new Map<string, WcOpcode>();
  private readonly removalListeners = new Set<(n: RemovalNotice) => void>();
  private readonly tracker = new DeviceTracker();
  private readonly watcher = new RemovalWatcher(() => this.scan());

  constructor(private readonly addon: RawAddon) {
    this.scan();
  }

  // --- devices and contexts ---

  async listDevices(): Promise<VerbsResult<readonly DeviceInfo[]>> {
    const r = this.addon.getDeviceList();
    if (r.ok) this.notifyGone(this.tracker.update(r.value));
    return wrap(r, (ds) => ds.map((d) => ({ name: d.name, guid: d.guid, generation: this.tracker.generation(d.name) })));
  }

  async openDevice(name: string): Promise<VerbsResult<ContextHandle>> {
    const state: ContextState = { device: name, listeners: new Set() };
    const r = this.addon.openDevice(name, (e) => this.onRawAsync(state, e));
    if (r.ok) {
      this.contexts.set(r.value, state);
      this.watcher.start();
    }
    return wrap(r, (h) => `ctx:${h}` as ContextHandle);
  }

  async closeDevice(ctx: ContextHandle, opts: { readonly force?: boolean } = {}): Promise<VerbsResult<void>> {
    const h = this.id(ctx, 'ctx');
    if (h === undefined) return badHandle('ibv_close_device', ctx, 'ctx');
    const r = this.addon.closeDevice(h, opts.force ?? false);
    if (r.ok) {
      this.contexts.delete(h);
      if (this.contexts.size === 0 && this.removalListeners.size === 0) this.watcher.stop();
    }
    return wrap(r, () => undefined);
  }

  async queryDevice(ctx: ContextHandle): Promise<VerbsResult<DeviceAttr>> {
    const h = this.id(ctx, 'ctx');
    if (h === undefined) return badHandle('ibv_query_device', ctx, 'ctx');
    return wrap(this.addon.queryDevice(h), (a) => ({
      name: a.name,
      maxQp: a.maxQp,
      maxCq: a.maxCq,
      maxCqe: a.maxCqe,
      maxMr: a.maxMr,
      maxPd: a.maxPd,
      maxQpWr: a.maxQpWr,
      maxSge: a.maxSge,
      physPortCnt: a.physPortCnt,
    }));
  }

  async queryPort(ctx: ContextHandle, port: number): Promise<VerbsResult<PortAttr>> {
    const h = this.id(ctx, 'ctx');
    if (h === undefined) return badHandle('ibv_query_port', ctx, 'ctx');
    return wrap(this.addon.queryPort(h, port), (a) => ({
      state: PORT_STATES[a.stateNum] ?? 'down',
      lid: a.lid,
      activeMtu: Number(a.activeMtu),
      gidTblLen: a.gidTblLen,
    }));
  }

  async queryGid(ctx: ContextHandle, port: number, index: number): Promise<VerbsResult<string>> {
    const h = this.id(ctx, 'ctx');
    if (h === undefined) return badHandle('ibv_query_gid', ctx, 'ctx');
    return same(this.addon.queryGid(h, port, index));
  }

  // --- protection domains and memory regions ---

  async allocPd(ctx: ContextHandle): Promise<VerbsResult<PdHandle>> {
    const h = this.id(ctx, 'ctx');
    if (h === undefined) return badHandle('ibv_alloc_pd', ctx, 'ctx');
    return wrap(this.addon.allocPd(h), (p) => `pd:${p}` as PdHandle);
  }

  async deallocPd(pd: PdHandle): Promise<VerbsResult<void>> {
    const h = this.id(pd, 'pd');
    if (h === undefined) return badHandle('ibv_dealloc_pd', pd, 'pd');
    return wrap(this.addon.deallocPd(h), () => undefined);
  }

  async regMr(pd: PdHandle, length: number, access: MrAccess): Promise<VerbsResult<MrInfo>> {
    const h = this.id(pd, 'pd');
    if (h === undefined) return badHandle('ibv_reg_mr', pd, 'pd');
    const flags = (access.localWrite ? IBV_ACCESS.localWrite : 0) | (access.remoteWrite ? IBV_ACCESS.remoteWrite : 0) | (access.remoteRead ? IBV_ACCESS.remoteRead : 0);
    return wrap(this.addon.regMr(h, length, flags), (m) => ({
      mr: `mr:${m.handle}` as MrHandle,
      lkey: m.lkey,
      rkey: m.rkey,
      addr: BigInt(m.addr),
      length: m.length,
    }));
  }

  async deregMr(mr: MrHandle): Promise<VerbsResult<void>> {
    const h = this.id(mr, 'mr');
    if (h === undefined) return badHandle('ibv_dereg_mr', mr, 'mr');
    return wrap(this.addon.deregMr(h), () => undefined);
  }

  async writeMr(mr: MrHandle, offset: number, data: Uint8Array): Promise<VerbsResult<void>> {
    const h = this.id(mr, 'mr');
    if (h === undefined) return badHandle('write to MR', mr, 'mr');
    return wrap(this.addon.mrWrite(h, offset, Buffer.from(data.buffer, data.byteOffset, data.byteLength)), () => undefined);
  }

  async readMr(mr: MrHandle, offset: number, length: number): Promise<VerbsResult<Uint8Array>> {
    const h = this.id(mr, 'mr');
    if (h === undefined) return badHandle('read from MR', mr, 'mr');
    return wrap(this.addon.mrRead(h, offset, length), (b) => new Uint8Array(b));
  }

  // --- completion queues ---

  async createCompChannel(ctx: ContextHandle): Promise<VerbsResult<CompChannelHandle>> {
    const h = this.id(ctx, 'ctx');
    if (h === undefined) return badHandle('ibv_create_comp_channel', ctx, 'ctx');
    const state: ChannelState = { events: [], waiters: [] };
    const r = this.addon.createCompChannel(h, (e) => this.onRawCompletion(state, e));
    if (r.ok) this.channels.set(r.value, state);
    return wrap(r, (c) => `ch:${c}` as CompChannelHandle);
  }

  async destroyCompChannel(ch: CompChannelHandle): Promise<VerbsResult<void>> {
    const h = this.id(ch, 'ch');
    if (h === undefined) return badHandle('ibv_destroy_comp_channel', ch, 'ch');
    const r = this.addon.destroyCompChannel(h);
    if (r.ok) {
      const state = this.channels.get(h);
      this.channels.delete(h);
      for (const w of state?.waiters.splice(0) ?? []) w({ ok: false, error: { errno: 9, name: 'EBADF', message: `ibv_get_cq_event: ${ch} destroyed` } });
    }
    return wrap(r, () => undefined);
  }

  async createCq(ctx: ContextHandle, cqe: number, channel?: CompChannelHandle): Promise<VerbsResult<CqInfo>> {
    const h = this.id(ctx, 'ctx');
    if (h === undefined) return badHandle('ibv_create_cq', ctx, 'ctx');
    let ch = 0;
    if (channel !== undefined) {
      const c = this.id(channel, 'ch');
      if (c === undefined) return badHandle('ibv_create_cq', channel, 'ch');
      ch = c;
    }
    return wrap(this.addon.createCq(h, cqe, ch), (c) => ({ cq: `cq:${c}` as CqHandle, cqe }));
  }

  async destroyCq(cq: CqHandle): Promise<VerbsResult<void>> {
    const h = this.id(cq, 'cq');
    if (h === undefined) return badHandle('ibv_destroy_cq', cq, 'cq');
    return wrap(this.addon.destroyCq(h), () => undefined);
  }

  async reqNotifyCq(cq: CqHandle, solicitedOnly: boolean): Promise<VerbsResult<void>> {
    const h = this.id(cq, 'cq');
    if (h === undefined) return badHandle('ibv_req_notify_cq', cq, 'cq');
    return wrap(this.addon.reqNotifyCq(h, solicitedOnly), () => undefined);
  }

  async getCqEvent(ch: CompChannelHandle): Promise<VerbsResult<CqHandle>> {
    const h = this.id(ch, 'ch');
    const state = h === undefined ? undefined : this.channels.get(h);
    if (!state) return { ok: false, error: { errno: EINVAL, name: 'EINVAL', message: `ibv_get_cq_event: ${ch} is not a live completion channel` } };
    const ready = state.events.shift();
    if (ready) return ok(ready);
    return new Promise((res) => state.waiters.push(res));
  }

  /** The addon's channel thread acks each event as it reads it (so ibv_destroy_cq never waits on
   *  JS); this only checks the handle, keeping the call order of the contract meaningful. */
  async ackCqEvents(cq: CqHandle, n: number): Promise<VerbsResult<void>> {
    const h = this.id(cq, 'cq');
    if (h === undefined) return badHandle('ibv_ack_cq_events', cq, 'cq');
    void n;
    return wrap(this.addon.describe(h, 'cq', 'ibv_ack_cq_events'), () => undefined);
  }

  async pollCq(cq: CqHandle, max: number): Promise<VerbsResult<readonly WorkCompletion[]>> {
    const h = this.id(cq, 'cq');
    if (h === undefined) return badHandle('ibv_poll_cq', cq, 'cq');
    return wrap(this.addon.pollCq(h, max), (wcs) => wcs.map((w) => this.completion(w)));
  }

  // --- queue pairs ---

  async createQp(pd: PdHandle, init: QpInit): Promise<VerbsResult<QpInfo>> {
    const p = this.id(pd, 'pd');
    if (p === undefined) return badHandle('ibv_create_qp', pd, 'pd');
    const s = this.id(init.sendCq, 'cq');
    if (s === undefined) return badHandle('ibv_create_qp', init.sendCq, 'cq');
    const r = this.id(init.recvCq, 'cq');
    if (r === undefined) return badHandle('ibv_create_qp', init.recvCq, 'cq');
    const caps = { maxSendWr: init.maxSendWr, maxRecvWr: init.maxRecvWr, maxSendSge: init.maxSendSge ?? 1, maxRecvSge: init.maxRecvSge ?? 1 };
    const res = this.addon.createQp(p, s, r, caps);
    if (!res.ok) return same(res);
    const qp = `qp:${res.value.handle}` as QpHandle;
    this.qpByNum.set(res.value.qpNum, qp);
    this.qpInfo.set(res.value.handle, { qpNum: res.value.qpNum, ctx: res.value.ctx });
    return ok({ qp, qpNum: res.value.qpNum });
  }

  async qpDest(qp: QpHandle, port: number, gidIndex: number): Promise<VerbsResult<QpDest>> {
    const h = this.id(qp, 'qp');
    if (h === undefined) return badHandle('query QP address', qp, 'qp');
    const qpNum = this.qpNum(qp);
    const ctx = this.ctxOfQp(qp);
    if (qpNum === undefined || ctx === undefined) return badHandle('query QP address', qp, 'qp');
    const portAttr = this.addon.queryPort(ctx, port);
    if (!portAttr.ok) return same(portAttr);
    const gid = this.addon.queryGid(ctx, port, gidIndex);
    if (!gid.ok) return same(gid);
    return ok({ qpNum, lid: portAttr.value.lid, gid: gid.value, psn: psnOf(qpNum) });
  }

  async connectQp(qp: QpHandle, port: number, dest: QpDest): Promise<VerbsResult<void>> {
    const h = this.id(qp, 'qp');
    const qpNum = this.qpNum(qp);
    const ctx = this.ctxOfQp(qp);
    if (h === undefined || qpNum === undefined || ctx === undefined) return badHandle('ibv_modify_qp', qp, 'qp');
    const state = this.addon.queryQpState(h);
    if (!state.ok) return same(state);
    if (state.value !== 'reset') return { ok: false, error: { errno: EINVAL, name: 'EINVAL', message: `ibv_modify_qp: QP in state ${state.value}, expected reset` } };
    // Source GID: the local entry equal to the destination's in loopback (rxe on lo: index 1,
    // ::ffff:127.0.0.1), else entry 0.
    let gidIndex = 0;
    for (let i = 0; i < 16; i++) {
      const g = this.addon.queryGid(ctx, port, i);
      if (!g.ok) break;
      if (g.value === dest.gid) {
        gidIndex = i;
        break;
      }
    }
    return wrap(
      this.addon.connectQp(h, { port, gidIndex, remoteQpNum: dest.qpNum, remoteGid: dest.gid, remoteLid: dest.lid, psn: psnOf(qpNum), remotePsn: dest.psn }),
      () => undefined,
    );
  }

  async disconnectQp(qp: QpHandle): Promise<VerbsResult<void>> {
    const h = this.id(qp, 'qp');
    if (h === undefined) return badHandle('ibv_modify_qp(ERR)', qp, 'qp');
    return wrap(this.addon.modifyQpState(h, 'ERR'), () => undefined);
  }

  async queryQpState(qp: QpHandle): Promise<VerbsResult<QpState>> {
    const h = this.id(qp, 'qp');
    if (h === undefined) return badHandle('ibv_query_qp', qp, 'qp');
    const r = this.addon.queryQpState(h);
    return wrap(r, (s) => (s === 'unknown' ? 'err' : s));
  }

  async destroyQp(qp: QpHandle): Promise<VerbsResult<void>> {
    const h = this.id(qp, 'qp');
    if (h === undefined) return badHandle('ibv_destroy_qp', qp, 'qp');
    const num = this.qpNum(qp);
    const r = this.addon.destroyQp(h);
    if (r.ok && num !== undefined) {
      this.qpByNum.delete(num);
      this.qpInfo.delete(h);
      for (const k of [...this.pending.keys()]) if (k.startsWith(`${num}:`)) this.pending.delete(k);
    }
    return wrap(r, () => undefined);
  }

  async postSend(qp: QpHandle, wr: SendWr): Promise<VerbsResult<void>> {
    const h = this.id(qp, 'qp');
    if (h === undefined) return badHandle('ibv_post_send', qp, 'qp');
    const sge = this.sges(wr.sge);
    if (!sge) return badHandle('ibv_post_send', wr.sge.map((s) => s.mr).join(','), 'mr');
    const r =
      wr.kind === 'send'
        ? this.addon.postSend(h, { wrId: wr.wrId, opcode: 'SEND', sge, signaled: wr.signaled })
        : this.addon.postSend(h, { wrId: wr.wrId, opcode: 'RDMA_WRITE', sge, signaled: wr.signaled, remoteAddr: Number(wr.remoteAddr), rkey: wr.rkey });
    const num = this.qpNum(qp);
    if (r.ok && num !== undefined) this.pending.set(`${num}:${wr.wrId}`, wr.kind);
    return wrap(r, () => undefined);
  }

  async postRecv(qp: QpHandle, wr: RecvWr): Promise<VerbsResult<void>> {
    const h = this.id(qp, 'qp');
    if (h === undefined) return badHandle('ibv_post_recv', qp, 'qp');
    const sge = this.sges(wr.sge);
    if (!sge) return badHandle('ibv_post_recv', wr.sge.map((s) => s.mr).join(','), 'mr');
    const r = this.addon.postRecv(h, { wrId: wr.wrId, sge });
    const num = this.qpNum(qp);
    if (r.ok && num !== undefined) this.pending.set(`${num}:${wr.wrId}`, 'recv');
    return wrap(r, () => undefined);
  }

  // --- events ---

  onAsyncEvent(ctx: ContextHandle, handler: (e: AsyncEvent) => void): Unsubscribe {
    const h = this.id(ctx, 'ctx');
    const state = h === undefined ? undefined : this.contexts.get(h);
    if (!state) return () => {};
    state.listeners.add(handler);
    return () => state.listeners.delete(handler);
  }

  onRemoval(handler: (n: RemovalNotice) => void): Unsubscribe {
    this.removalListeners.add(handler);
    this.watcher.start();
    return () => {
      this.removalListeners.delete(handler);
      if (this.removalListeners.size === 0 && this.contexts.size === 0) this.watcher.stop();
    };
  }

  resources(device: string): ResourceCounts {
    const out = { contexts: 0, pd: 0, mr: 0, cq: 0, qp: 0, compChannels: 0 };
    for (const [h, c] of this.contexts) {
      if (c.device !== device) continue;
      const n = this.addon.counts(h);
      if (!n.ok) continue;
      out.contexts++;
      out.pd += n.value.pd;
      out.mr += n.value.mr;
      out.cq += n.value.cq;
      out.qp += n.value.qp;
      out.compChannels += n.value.comp_channel;
    }
    return out;
  }

  async shutdown(): Promise<void> {
    this.watcher.stop();
    this.removalListeners.clear();
  }

  // --- internals ---

  private id(handle: string, kind: HandleKind): number | undefined {
    const i = handle.indexOf(':');
    if (i < 0 || handle.slice(0, i) !== kind) return undefined;
    const n = Number(handle.slice(i + 1));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }

  private qpNum(qp: QpHandle): number | undefined {
    const h = this.id(qp, 'qp');
    return h === undefined ? undefined : this.qpInfo.get(h)?.qpNum;
  }

  private ctxOfQp(qp: QpHandle): number | undefined {
    const h = this.id(qp, 'qp');
    return h === undefined ? undefined : this.qpInfo.get(h)?.ctx;
  }

  private sges(list: readonly Sge[]): RawSge[] | undefined {
    const out: RawSge[] = [];
    for (const s of list) {
      const mr = this.id(s.mr, 'mr');
      if (mr === undefined) return undefined;
      out.push({ mr, offset: s.offset, length: s.length });
    }
    return out;
  }

  private completion(w: RawWc): WorkCompletion {
    const key = `${w.qpNum}:${w.wrId}`;
    const posted = this.pending.get(key);
    this.pending.delete(key);
    const opcode: WcOpcode =
      w.opcode === 'SEND' ? 'send' : w.opcode === 'RDMA_WRITE' ? 'rdma-write' : w.opcode === 'RECV' || w.opcode === 'RECV_RDMA_WITH_IMM' ? 'recv' : (posted ?? 'send');
    return { wrId: w.wrId, status: WC_STATUS[w.status] ?? 'general-err', opcode, byteLen: w.byteLen, qpNum: w.qpNum };
  }

  private onRawAsync(state: ContextState, e: RawEvent): void {
    if (e.kind === 'pump_error') {
      // The async fd hung up: the device was disassociated under us (hardware with
      // disassociate_ucontext; never rxe). Treat it as a fatal removal of that device.
      this.emitRemoval({ device: state.device, generation: this.tracker.generation(state.device), cause: 'fatal' });
      return;
    }
    if (e.kind !== 'async') return;
    const type = ASYNC_TYPES[e.type];
    if (!type) return;
    const resource = e.qpNum !== undefined ? this.qpByNum.get(e.qpNum) : e.cq !== undefined ? (`cq:${e.cq}` as CqHandle) : undefined;
    const ev: AsyncEvent = resource === undefined ? { type, device: state.device } : { type, device: state.device, resource };
    for (const l of state.listeners) l(ev);
  }

  private onRawCompletion(state: ChannelState, e: RawEvent): void {
    if (e.kind !== 'completion') return;
    const cq = `cq:${e.cq}` as CqHandle;
    const w = state.waiters.shift();
    if (w) w(ok(cq));
    else state.events.push(cq);
  }

  private scan(): void {
    const r = this.addon.getDeviceList();
    if (r.ok) this.notifyGone(this.tracker.update(r.value));
  }

  private notifyGone(gone: readonly { name: string; generation: number }[]): void {
    for (const g of gone) this.emitRemoval({ device: g.name, generation: g.generation, cause: 'unregister' });
  }

  private emitRemoval(n: RemovalNotice): void {
    for (const l of [...this.removalListeners]) l(n);
  }
}

/** Initial packet sequence number of a QP (any 24-bit value works; derived from the QP number so both ends agree in loopback, as the sim does). */
function psnOf(qpNum: number): number {
  return (qpNum * 7) & 0xffffff;
}

