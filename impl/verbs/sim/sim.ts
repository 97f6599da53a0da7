// The simulated verbs backend: devices, contexts, PDs, MRs, CQs and RC QPs in memory, with the
// error behaviour of real verbs that the device manager depends on:
// - ibv_dealloc_pd on a PD with MRs or QPs → EBUSY (ib_dealloc_pd_user; perftest PR #77);
// - ibv_destroy_cq with a QP attached → EBUSY; ibv_close_device with objects left → EBUSY;
// - calls on a closed context or a destroyed object → EINVAL / EBADF;
// - a device that was unplugged (the ib_device deallocated under its users, V3's bug (B)) → EIO.
// Removal behaves like rxe (shared/design/rxe-vm.md): `removeDevice` hides the device from the
// device list at once, notifies `onRemoval` subscribers, and resolves only when every context
// on it was closed.
import {
  fail,
  ok,
  type AsyncEvent,
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
  type QpDest,
  type QpHandle,
  type QpInfo,
  type QpInit,
  type QpState,
  type RecvWr,
  type RemovalNotice,
  type ResourceCounts,
  type SendWr,
  type Unsubscribe,
  type Verbs,
  type VerbsResult,
  type WorkCompletion,
} from '../types.js';

interface SimDevice {
  readonly name: string;
  readonly generation: number;
  readonly guid: string;
  /** still listed by ibv_get_device_list */
  listed: boolean;
  /** deallocated under its users: every later call fails with EIO */
  unplugged: boolean;
  readonly counts: { contexts: number; pd: number; mr: number; cq: number; qp: number; compChannels: number };
  removalWaiters: (() => void)[];
}

type Obj =
  | { kind: 'context'; dev: SimDevice; open: boolean; listeners: Set<(e: AsyncEvent) => void> }
  | { kind: 'pd'; dev: SimDevice; ctx: string; users: number }
  | { kind: 'mr'; dev: SimDevice; pd: string; info: MrInfo; buf: Uint8Array }
  | { kind: 'comp-channel'; dev: SimDevice; ctx: string; events: string[]; waiters: ((cq: string) => void)[] }
  | { kind: 'cq'; dev: SimDevice; ctx: string; cqe: number; channel?: string; wcs: WorkCompletion[]; users: number; armed: boolean; unacked: number }
  | { kind: 'qp'; dev: SimDevice; pd: string; init: QpInit; qpNum: number; state: QpState; dest?: QpDest; recvs: RecvWr[] };

type Kind = Obj['kind'];
type ObjOf<K extends Kind> = Extract<Obj, { kind: K }>;

const COUNTER: { readonly [K in Exclude<Kind, 'context'>]: keyof SimDevice['counts'] } = {
  pd: 'pd',
  mr: 'mr',
  'comp-channel': 'compChannels',
  cq: 'cq',
  qp: 'qp',
};

export class SimVerbs implements Verbs {
  readonly backend = 'sim' as const;
  private readonly devices = new Map<string, SimDevice>();
  private readonly objs = new Map<string, Obj>();
  /** handles destroyed by a forced close of their context: later calls fail with EBADF */
  private readonly orphans = new Set<string>();
  private readonly removalListeners = new Set<(n: RemovalNotice) => void>();
  private nextId = 0;
  private nextQpNum = 17;
  private nextKey = 0x100;
  private generation = 0;

  /** Register a device (rdma link add). Names may be reused after removal. */
  addDevice(name: string): DeviceInfo {
    const dev: SimDevice = {
      name,
      generation: ++this.generation,
      guid: (0x0200_0000_0000_0000n + BigInt(this.generation)).toString(16).padStart(16, '0'),
      listed: true,
      unplugged: false,
      counts: { contexts: 0, pd: 0, mr: 0, cq: 0, qp: 0, compChannels: 0 },
      removalWaiters: [],
    };
    this.devices.set(name, dev);
    return { name, guid: dev.guid, generation: dev.generation };
  }

  /** rdma link delete on rxe: unlisted now; resolves when the last context is closed. */
  removeDevice(name: string): Promise<void> {
    const dev = this.devices.get(name);
    if (!dev) return Promise.resolve();
    dev.listed = false;
    for (const l of this.removalListeners) l({ device: name, generation: dev.generation, cause: 'unregister' });
    if (dev.counts.contexts === 0) return Promise.resolve();
    return new Promise((res) => dev.removalWaiters.push(res));
  }

  /** The ib_device deallocated under its users (V3 bug (B)): later calls fail with EIO. */
  unplugDevice(name: string): void {
    const dev = this.devices.get(name);
    if (!dev) return;
    dev.listed = false;
    dev.unplugged = true;
  }

  async listDevices(): Promise<VerbsResult<readonly DeviceInfo[]>> {
    return ok([...this.devices.values()].filter((d) => d.listed).map((d) => ({ name: d.name, guid: d.guid, generation: d.generation })));
  }

  async openDevice(name: string): Promise<VerbsResult<ContextHandle>> {
    const dev = this.devices.get(name);
    if (!dev || !dev.listed) return fail('ENODEV', `ibv_open_device(${name}): no such device`);
    const id = this.newId('ctx');
    this.objs.set(id, { kind: 'context', dev, open: true, listeners: new Set() });
    dev.counts.contexts++;
    return ok(id as ContextHandle);
  }

  async closeDevice(ctx: ContextHandle, opts: { readonly force?: boolean } = {}): Promise<VerbsResult<void>> {
    const c = this.get(ctx, 'context', 'ibv_close_device');
    if (!c.ok) return c;
    const dev = c.value.dev;
    const owned = [...this.objs.values()].some((o) => o.kind !== 'context' && 'ctx' in o && o.ctx === ctx);
    if (owned && !opts.force) return fail('EBUSY', 'ibv_close_device: the context still owns PDs, CQs or channels');
    if (owned) {
      // as the native addon's closeContext: QPs and MRs (on the context's PDs), CQs, PDs, channels
      const pds = new Set([...this.objs].filter(([, o]) => o.kind === 'pd' && o.ctx === ctx).map(([id]) => id));
      for (const [id, o] of [...this.objs]) {
        if (o.kind === 'context') continue;
        if (('ctx' in o && o.ctx === ctx) || ('pd' in o && pds.has(o.pd))) {
          this.destroy(id, o);
          this.orphans.add(id);
        }
      }
    }
    this.objs.delete(ctx);
    dev.counts.contexts--;
    if (dev.counts.contexts === 0) for (const w of dev.removalWaiters.splice(0)) w();
    return ok(undefined);
  }

  async queryDevice(ctx: ContextHandle): Promise<VerbsResult<DeviceAttr>> {
    const c = this.get(ctx, 'context', 'ibv_query_device');
    if (!c.ok) return c;
    return ok({ name: c.value.dev.name, maxQp: 1024, maxCq: 1024, maxCqe: 4096, maxMr: 4096, maxPd: 256, maxQpWr: 1024, maxSge: 4, physPortCnt: 1 });
  }

  async queryPort(ctx: ContextHandle, port: number): Promise<VerbsResult<PortAttr>> {
    const c = this.get(ctx, 'context', 'ibv_query_port');
    if (!c.ok) return c;
    if (port !== 1) return fail('EINVAL', `ibv_query_port: no port ${port}`);
    return ok({ state: 'active', lid: 0, activeMtu: 1024, gidTblLen: 16 });
  }

  async queryGid(ctx: ContextHandle, port: number, index: number): Promise<VerbsResult<string>> {
    const c = this.get(ctx, 'context', 'ibv_query_gid');
    if (!c.ok) return c;
    if (port !== 1 || index < 0 || index >= 16) return fail('EINVAL', 'ibv_query_gid: bad port or index');
    return ok(`fe800000000000000000${c.value.dev.guid.slice(4)}`.slice(0, 32));
  }

  async allocPd(ctx: ContextHandle): Promise<VerbsResult<PdHandle>> {
    const c = this.get(ctx, 'context', 'ibv_alloc_pd');
    if (!c.ok) return c;
    return ok(this.create({ kind: 'pd', dev: c.value.dev, ctx, users: 0 }, 'pd') as PdHandle);
  }

  async deallocPd(pd: PdHandle): Promise<VerbsResult<void>> {
    const p = this.get(pd, 'pd', 'ibv_dealloc_pd');
    if (!p.ok) return p;
    if (p.value.users > 0) return fail('EBUSY', `ibv_dealloc_pd: ${p.value.users} MRs/QPs still use the PD`);
    this.destroy(pd, p.value);
    return ok(undefined);
  }

  async regMr(pd: PdHandle, length: number, access: MrAccess): Promise<VerbsResult<MrInfo>> {
    const p = this.get(pd, 'pd', 'ibv_reg_mr');
    if (!p.ok) return p;
    if (length <= 0) return fail('EINVAL', 'ibv_reg_mr: length must be positive');
    void access;
    const key = this.nextKey++;
    const id = this.newId('mr') as MrHandle;
    const info: MrInfo = { mr: id, lkey: key, rkey: key, addr: BigInt(key) << 20n, length };
    this.objs.set(id, { kind: 'mr', dev: p.value.dev, pd, info, buf: new Uint8Array(length) });
    p.value.dev.counts.mr++;
    p.value.users++;
    return ok(info);
  }

  async deregMr(mr: MrHandle): Promise<VerbsResult<void>> {
    const m = this.get(mr, 'mr', 'ibv_dereg_mr');
    if (!m.ok) return m;
    this.release(m.value.pd);
    this.destroy(mr, m.value);
    return ok(undefined);
  }

  async writeMr(mr: MrHandle, offset: number, data: Uint8Array): Promise<VerbsResult<void>> {
    const m = this.get(mr, 'mr', 'write to MR');
    if (!m.ok) return m;
    if (offset < 0 || offset + data.length > m.value.buf.length) return fail('EINVAL', 'write outside the MR');
    m.value.buf.set(data, offset);
    return ok(undefined);
  }

  async readMr(mr: MrHandle, offset: number, length: number): Promise<VerbsResult<Uint8Array>> {
    const m = this.get(mr, 'mr', 'read from MR');
    if (!m.ok) return m;
    if (offset < 0 || offset + length > m.value.buf.length) return fail('EINVAL', 'read outside the MR');
    return ok(m.value.buf.slice(offset, offset + length));
  }

  async createCompChannel(ctx: ContextHandle): Promise<VerbsResult<CompChannelHandle>> {
    const c = this.get(ctx, 'context', 'ibv_create_comp_channel');
    if (!c.ok) return c;
    return ok(this.create({ kind: 'comp-channel', dev: c.value.dev, ctx, events: [], waiters: [] }, 'ch') as CompChannelHandle);
  }

  async destroyCompChannel(ch: CompChannelHandle): Promise<VerbsResult<void>> {
    const c = this.get(ch, 'comp-channel', 'ibv_destroy_comp_channel');
    if (!c.ok) return c;
    if ([...this.objs.values()].some((o) => o.kind === 'cq' && o.channel === ch)) return fail('EBUSY', 'ibv_destroy_comp_channel: a CQ still uses it');
    this.destroy(ch, c.value);
    return ok(undefined);
  }

  async createCq(ctx: ContextHandle, cqe: number, channel?: CompChannelHandle): Promise<VerbsResult<CqInfo>> {
    const c = this.get(ctx, 'context', 'ibv_create_cq');
    if (!c.ok) return c;
    if (channel !== undefined) {
      const ch = this.get(channel, 'comp-channel', 'ibv_create_cq');
      if (!ch.ok) return ch;
    }
    if (cqe <= 0 || cqe > 4096) return fail('EINVAL', 'ibv_create_cq: bad cqe');
    const obj: ObjOf<'cq'> = { kind: 'cq', dev: c.value.dev, ctx, cqe, wcs: [], users: 0, armed: false, unacked: 0 };
    if (channel !== undefined) obj.channel = channel;
    return ok({ cq: this.create(obj, 'cq') as CqHandle, cqe });
  }

  async destroyCq(cq: CqHandle): Promise<VerbsResult<void>> {
    const c = this.get(cq, 'cq', 'ibv_destroy_cq');
    if (!c.ok) return c;
    if (c.value.users > 0) return fail('EBUSY', 'ibv_destroy_cq: a QP still uses the CQ');
    this.destroy(cq, c.value);
    return ok(undefined);
  }

  async reqNotifyCq(cq: CqHandle, solicitedOnly: boolean): Promise<VerbsResult<void>> {
    const c = this.get(cq, 'cq', 'ibv_req_notify_cq');
    if (!c.ok) return c;
    void solicitedOnly;
    c.value.armed = true;
    if (c.value.wcs.length > 0) this.notify(cq, c.value);
    return ok(undefined);
  }

  async getCqEvent(ch: CompChannelHandle): Promise<VerbsResult<CqHandle>> {
    const c = this.get(ch, 'comp-channel', 'ibv_get_cq_event');
    if (!c.ok) return c;
    const ready = c.value.events.shift();
    const cq = ready ?? (await new Promise<string>((res) => c.value.waiters.push(res)));
    const q = this.objs.get(cq);
    if (q?.kind === 'cq') q.unacked++;
    return ok(cq as CqHandle);
  }

  async ackCqEvents(cq: CqHandle, n: number): Promise<VerbsResult<void>> {
    const c = this.get(cq, 'cq', 'ibv_ack_cq_events');
    if (!c.ok) return c;
    c.value.unacked = Math.max(0, c.value.unacked - n);
    return ok(undefined);
  }

  async pollCq(cq: CqHandle, max: number): Promise<VerbsResult<readonly WorkCompletion[]>> {
    const c = this.get(cq, 'cq', 'ibv_poll_cq');
    if (!c.ok) return c;
    return ok(c.value.wcs.splice(0, Math.max(0, max)));
  }

  async createQp(pd: PdHandle, init: QpInit): Promise<VerbsResult<QpInfo>> {
    const p = this.get(pd, 'pd', 'ibv_create_qp');
    if (!p.ok) return p;
    const s = this.get(init.sendCq, 'cq', 'ibv_create_qp');
    if (!s.ok) return s;
    const r = this.get(init.recvCq, 'cq', 'ibv_create_qp');
    if (!r.ok) return r;
    const qpNum = this.nextQpNum++;
    const qp = this.create({ kind: 'qp', dev: p.value.dev, pd, init, qpNum, state: 'reset', recvs: [] }, 'qp') as QpHandle;
    p.value.users++;
    s.value.users++;
    r.value.users++;
    return ok({ qp, qpNum });
  }

  async qpDest(qp: QpHandle, port: number, gidIndex: number): Promise<VerbsResult<QpDest>> {
    const q = this.get(qp, 'qp', 'query QP address');
    if (!q.ok) return q;
    const ctx = [...this.objs.entries()].find(([, o]) => o.kind === 'context' && o.dev === q.value.dev)?.[0];
    const gid = ctx ? await this.queryGid(ctx as ContextHandle, port, gidIndex) : fail<string>('EINVAL');
    if (!gid.ok) return gid;
    return ok({ qpNum: q.value.qpNum, lid: 0, gid: gid.value, psn: q.value.qpNum * 7 });
  }

  async connectQp(qp: QpHandle, port: number, dest: QpDest): Promise<VerbsResult<void>> {
    const q = this.get(qp, 'qp', 'ibv_modify_qp');
    if (!q.ok) return q;
    if (port !== 1) return fail('EINVAL', `ibv_modify_qp: no port ${port}`);
    if (q.value.state !== 'reset') return fail('EINVAL', `ibv_modify_qp: QP in state ${q.value.state}, expected reset`);
    q.value.state = 'rts';
    q.value.dest = dest;
    return ok(undefined);
  }

  async disconnectQp(qp: QpHandle): Promise<VerbsResult<void>> {
    const q = this.get(qp, 'qp', 'ibv_modify_qp(ERR)');
    if (!q.ok) return q;
    q.value.state = 'err';
    for (const r of q.value.recvs.splice(0)) this.complete(q.value.init.recvCq, { wrId: r.wrId, status: 'wr-flush-err', opcode: 'recv', byteLen: 0, qpNum: q.value.qpNum });
    return ok(undefined);
  }

  async queryQpState(qp: QpHandle): Promise<VerbsResult<QpState>> {
    const q = this.get(qp, 'qp', 'ibv_query_qp');
    return q.ok ? ok(q.value.state) : q;
  }

  async destroyQp(qp: QpHandle): Promise<VerbsResult<void>> {
    const q = this.get(qp, 'qp', 'ibv_destroy_qp');
    if (!q.ok) return q;
    this.release(q.value.pd);
    this.release(q.value.init.sendCq);
    this.release(q.value.init.recvCq);
    this.destroy(qp, q.value);
    return ok(undefined);
  }

  async postSend(qp: QpHandle, wr: SendWr): Promise<VerbsResult<void>> {
    const q = this.get(qp, 'qp', 'ibv_post_send');
    if (!q.ok) return q;
    if (q.value.state !== 'rts') return fail('EINVAL', `ibv_post_send: QP in state ${q.value.state}`);
    const bytes = this.gather(wr.sge);
    if (!bytes.ok) return bytes;
    const peer = [...this.objs.values()].find((o): o is ObjOf<'qp'> => o.kind === 'qp' && o.qpNum === q.value.dest?.qpNum);
    let status: WorkCompletion['status'] = 'success';
    if (wr.kind === 'rdma-write') {
      const target = [...this.objs.values()].find((o): o is ObjOf<'mr'> => o.kind === 'mr' && o.info.rkey === wr.rkey);
      const off = target ? Number(wr.remoteAddr - target.info.addr) : -1;
      if (!target || off < 0 || off + bytes.value.length > target.buf.length) status = 'rem-access-err';
      else target.buf.set(bytes.value, off);
    } else {
      const recv = peer?.recvs.shift();
      if (!peer || !recv) status = 'general-err';
      else {
        this.scatter(recv, bytes.value);
        this.complete(peer.init.recvCq, { wrId: recv.wrId, status: 'success', opcode: 'recv', byteLen: bytes.value.length, qpNum: peer.qpNum });
      }
    }
    if (wr.signaled || status !== 'success') this.complete(q.value.init.sendCq, { wrId: wr.wrId, status, opcode: wr.kind, byteLen: bytes.value.length, qpNum: q.value.qpNum });
    return ok(undefined);
  }

  async postRecv(qp: QpHandle, wr: RecvWr): Promise<VerbsResult<void>> {
    const q = this.get(qp, 'qp', 'ibv_post_recv');
    if (!q.ok) return q;
    if (q.value.state === 'reset' || q.value.state === 'err') return fail('EINVAL', `ibv_post_recv: QP in state ${q.value.state}`);
    q.value.recvs.push(wr);
    return ok(undefined);
  }

  onAsyncEvent(ctx: ContextHandle, handler: (e: AsyncEvent) => void): Unsubscribe {
    const c = this.objs.get(ctx);
    if (c?.kind !== 'context') return () => {};
    c.listeners.add(handler);
    return () => c.listeners.delete(handler);
  }

  onRemoval(handler: (n: RemovalNotice) => void): Unsubscribe {
    this.removalListeners.add(handler);
    return () => this.removalListeners.delete(handler);
  }

  resources(device: string): ResourceCounts {
    const d = this.devices.get(device);
    return d ? { ...d.counts } : { contexts: 0, pd: 0, mr: 0, cq: 0, qp: 0, compChannels: 0 };
  }

  async shutdown(): Promise<void> {
    this.removalListeners.clear();
  }

  // --- bookkeeping ---

  private newId(prefix: string): string {
    return `${prefix}${++this.nextId}`;
  }

  private create(o: Exclude<Obj, { kind: 'context' }>, prefix: string): string {
    const id = this.newId(prefix);
    this.objs.set(id, o);
    o.dev.counts[COUNTER[o.kind]]++;
    return id;
  }

  private destroy(id: string, o: Exclude<Obj, { kind: 'context' }>): void {
    this.objs.delete(id);
    o.dev.counts[COUNTER[o.kind]]--;
  }

  private release(id: string): void {
    const o = this.objs.get(id);
    if (o && (o.kind === 'pd' || o.kind === 'cq')) o.users--;
  }

  /** Look a handle up, failing the way verbs does: unknown or destroyed → EINVAL; device gone → EIO. */
  private get<K extends Kind>(id: string, kind: K, verb: string): VerbsResult<ObjOf<K>> {
    const o = this.objs.get(id);
    if (!o && this.orphans.has(id)) return fail('EBADF', `${verb}: ${kind} ${id} belongs to a closed context`);
    if (!o) return fail(kind === 'context' ? 'EBADF' : 'EINVAL', `${verb}: ${kind} ${id} is closed or was never created`);
    if (o.kind !== kind) return fail('EINVAL', `${verb}: ${id} is a ${o.kind}, not a ${kind}`);
    if (o.dev.unplugged) return fail('EIO', `${verb}: device ${o.dev.name} is gone`);
    return ok(o as ObjOf<K>);
  }

  private gather(sge: readonly { mr: MrHandle; offset: number; length: number }[]): VerbsResult<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (const s of sge) {
      const m = this.get(s.mr, 'mr', 'ibv_post_send sge');
      if (!m.ok) return m;
      if (s.offset < 0 || s.offset + s.length > m.value.buf.length) return fail('EINVAL', 'sge outside its MR');
      parts.push(m.value.buf.subarray(s.offset, s.offset + s.length));
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return ok(out);
  }

  private scatter(wr: RecvWr, bytes: Uint8Array): void {
    let at = 0;
    for (const s of wr.sge) {
      const m = this.objs.get(s.mr);
      if (m?.kind !== 'mr') continue;
      const n = Math.min(s.length, bytes.length - at);
      m.buf.set(bytes.subarray(at, at + n), s.offset);
      at += n;
    }
  }

  private complete(cq: CqHandle, wc: WorkCompletion): void {
    const c = this.objs.get(cq);
    if (c?.kind !== 'cq') return;
    c.wcs.push(wc);
    if (c.armed) this.notify(cq, c);
  }

  private notify(cq: string, c: ObjOf<'cq'>): void {
    c.armed = false;
    if (c.channel === undefined) return;
    const ch = this.objs.get(c.channel);
    if (ch?.kind !== 'comp-channel') return;
    const w = ch.waiters.shift();
    if (w) w(cq);
    else ch.events.push(cq);
  }
}
