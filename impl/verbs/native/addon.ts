// Loading the compiled addon (build/Release/rdsib_verbs.node) and the shape of its raw API.
// The addon is built on demand (`npm run build:native`), never on install, so its absence is a
// normal state: `loadAddon` then says why, and callers fall back to the simulated backend.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A failed verb as the addon reports it: errno, its symbolic name, and which verb failed. */
export interface RawError {
  readonly ok: false;
  readonly errno: number;
  readonly name: string;
  readonly verb: string;
  readonly message: string;
}
export type Raw<T> = { readonly ok: true; readonly value: T } | RawError;

export interface RawDevice {
  readonly name: string;
  readonly guid: string;
  readonly nodeType: string;
  readonly ibdevPath: string;
  readonly devPath: string;
}

export interface RawMr {
  readonly handle: number;
  readonly lkey: number;
  readonly rkey: number;
  readonly addr: number;
  readonly length: number;
}

export interface RawSge {
  readonly mr: number;
  readonly offset: number;
  readonly length: number;
}

export interface RawWc {
  readonly wrId: bigint;
  readonly status: number;
  readonly statusName: string;
  readonly opcode: 'SEND' | 'RDMA_WRITE' | 'RDMA_READ' | 'RECV' | 'RECV_RDMA_WITH_IMM' | 'OTHER' | 'UNKNOWN';
  readonly byteLen: number;
  readonly qpNum: number;
  readonly imm?: number;
}

/** Delivered on the main thread by the addon's event threads (already acked natively). */
export type RawEvent =
  | { readonly kind: 'async'; readonly type: number; readonly typeName: string; readonly qpNum?: number; readonly cq?: number; readonly port?: number }
  | { readonly kind: 'completion'; readonly cq: number }
  | { readonly kind: 'pump_error'; readonly errno: number; readonly name: string };

export type RawCounts = { readonly pd: number; readonly mr: number; readonly cq: number; readonly qp: number; readonly comp_channel: number };

export interface RawAddon {
  getDeviceList(): Raw<RawDevice[]>;
  openDevice(name: string, onEvent?: (e: RawEvent) => void): Raw<number>;
  closeDevice(ctx: number, force?: boolean): Raw<RawCounts>;
  queryDevice(ctx: number): Raw<{
    name: string; fwVer: string; vendorId: number; physPortCnt: number; maxQp: number; maxQpWr: number;
    maxCq: number; maxCqe: number; maxMr: number; maxPd: number; maxSge: number;
  }>;
  queryPort(ctx: number, port: number): Raw<{ port: number; state: string; stateNum: number; activeMtu: string; lid: number; gidTblLen: number; linkLayer: string }>;
  /** 32 hex digits */
  queryGid(ctx: number, port: number, index: number): Raw<string>;
  allocPd(ctx: number): Raw<number>;
  deallocPd(pd: number): Raw<undefined>;
  regMr(pd: number, length: number, access?: number): Raw<RawMr>;
  deregMr(mr: number): Raw<undefined>;
  mrWrite(mr: number, offset: number, data: Buffer): Raw<undefined>;
  mrRead(mr: number, offset: number, length: number): Raw<Buffer>;
  createCompChannel(ctx: number, onEvent: (e: RawEvent) => void): Raw<number>;
  destroyCompChannel(ch: number): Raw<undefined>;
  createCq(ctx: number, cqe: number, channel?: number): Raw<number>;
  destroyCq(cq: number): Raw<undefined>;
  createQp(pd: number, sendCq: number, recvCq: number, caps: { maxSendWr?: number; maxRecvWr?: number; maxSendSge?: number; maxRecvSge?: number }): Raw<{ handle: number; qpNum: number; ctx: number }>;
  connectQp(qp: number, opts: { port?: number; gidIndex?: number; remoteQpNum?: number; remoteGid?: string; remoteLid?: number; psn?: number; remotePsn?: number }): Raw<undefined>;
  modifyQpState(qp: number, state: 'ERR' | 'RESET'): Raw<undefined>;
  queryQpState(qp: number): Raw<'reset' | 'init' | 'rtr' | 'rts' | 'sqd' | 'sqe' | 'err' | 'unknown'>;
  destroyQp(qp: number): Raw<undefined>;
  postSend(qp: number, wr: {
    wrId: bigint | number; opcode?: 'SEND' | 'SEND_WITH_IMM' | 'RDMA_WRITE' | 'RDMA_WRITE_WITH_IMM' | 'RDMA_READ';
    sge?: readonly RawSge[]; mr?: number; offset?: number; length?: number; signaled?: boolean; remoteAddr?: number; rkey?: number; imm?: number;
  }): Raw<undefined>;
  postRecv(qp: number, wr: { wrId: bigint | number; sge?: readonly RawSge[]; mr?: number; offset?: number; length?: number }): Raw<undefined>;
  pollCq(cq: number, max: number): Raw<RawWc[]>;
  reqNotifyCq(cq: number, solicitedOnly: boolean): Raw<undefined>;
  counts(ctx: number): Raw<RawCounts>;
  /** Checks that a handle is live and of `kind` without touching the object: EINVAL / EBADF like any verb. */
  describe(handle: number, kind: 'context' | 'pd' | 'mr' | 'cq' | 'qp' | 'comp_channel', verb: string): Raw<{ kind: string; ctx: number }>;
  errnoName(errno: number): string;
}

export type AddonLoad =
  | { readonly available: true; readonly addon: RawAddon; readonly path: string }
  | { readonly available: false; readonly reason: string };

const here = dirname(fileURLToPath(import.meta.url));
/** RDSIB_VERBS_ADDON overrides the location (a bundled script no longer sits next to build/). */
export const ADDON_PATH = process.env.RDSIB_VERBS_ADDON ?? join(here, 'build', 'Release', 'rdsib_verbs.node');

let cached: AddonLoad | undefined;

export function loadAddon(): AddonLoad {
  if (cached) return cached;
  if (!existsSync(ADDON_PATH)) {
    const headers = existsSync('/usr/include/infiniband/verbs.h');
    cached = {
      available: false,
      reason: headers
        ? `native verbs addon not built (${ADDON_PATH} missing): run \`npm run build:native\``
        : 'libibverbs is not installed (no /usr/include/infiniband/verbs.h; Debian: apt-get install libibverbs-dev rdma-core ibverbs-providers), so the native addon is not built',
    };
    return cached;
  }
  try {
    cached = { available: true, addon: createRequire(import.meta.url)(ADDON_PATH) as RawAddon, path: ADDON_PATH };
  } catch (e) {
    // e.g. libibverbs.so.1 removed after the build: dlopen fails
    cached = { available: false, reason: `native verbs addon failed to load: ${(e as Error).message.split('\n')[0]}` };
  }
  return cached;
}
