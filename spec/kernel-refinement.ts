// The refinement map from the real kernel's kprobe trace (ftrace text from trace_pipe, written by
// test/rxe/kernel/guest.sh with the probes of test/rxe/kernel/kprobes.sh) to the model's generic
// trace events (engine/trace/events.ts), and the cfg constants of the scenario the trace shows.
// The kernel is Debian's 6.1, the model's KERNEL = "v3" family. spec/refinement.ts is the same
// map for our own implementation's traces; tla/ACTIONS.md is the contract for both.
//
// How the kernel's steps become model steps (rds-kernel-trace.md §9, checked on the traces):
// - The kernel's refcount is observed at every change (ref_before at entry probes, ref_after at
//   return probes). Some changes belong to a model step that comes later (add_conn's increment is
//   the model's ConnSetup_AddConn, together with the put at the end of rds_ib_setup_qp) or to no
//   model step at all (a lookup reference taken and put inside one operation). Such a change is a
//   *transient* hold of the task that made it; the `refcount` logged with each event is the
//   kernel's count minus the transient holds, which is what the model's count means.
// - A dev_put belongs to the operation its task is in (task = ftrace pid): the end of a setup, a
//   shutdown's remove_conn, remove_one's two puts, free_mr, or a transient lookup. A put with no
//   such operation is an error: the map cannot say which model step it is.
// - Connections: each device has one local address and so one connection end (Peer ends on the
//   two devices). The kernel re-sets up a connection after it shut down; the model sets each
//   connection up at most once, so the k-th setup of the end on device d is model connection
//   (k-1)*NDEV + d (ConnDev(c) = d still holds), and NCONN = NDEV * the most setups of one end.
// - Not model steps (dropped): probe returns and entries that only carry context (the other half of
//   a step), rds_ib_flush_mrs called by a shutdown or by a socket that owns no MR (the model's
//   FlushMRs is the close of an MR's socket), rds_conn_path_drop of a connection that is not up in
//   the model (still connecting, already dropped, or torn down by module exit), conn_destroy,
//   trace markers.
import { readFileSync } from 'node:fs';
import { type FtraceLine, KERNEL_EVENTS, KERNEL_FIX_EVENTS, type KernelBaseEventName, type KernelEventName, type KernelFixEventName, KernelTraceError, parseFtrace } from './kernel-ftrace.js';

export { type FtraceLine, KERNEL_EVENTS, KERNEL_FIX_EVENTS, type KernelEventName, KernelTraceError, parseFtrace } from './kernel-ftrace.js';

// ---------------------------------------------------------------------------------------------
// the map

/** A model event before decoding (engine/trace/events.ts shape) and the trace line it came from. */
export interface MappedEvent {
  readonly line: number;
  readonly obj: Record<string, unknown>;
}

/** What the trace shows about the scenario: the cfg constants that differ between traces. */
export interface KernelScenario {
  readonly ndev: number;
  readonly nconn: number;
  readonly nmr: number;
  /** model numbers of the devices `rdma link delete` removed */
  readonly removable: readonly number[];
  readonly moduleExit: boolean;
  readonly freeInvalidate: boolean;
  /** model device number of each ib_device name, in order of arrival */
  readonly devices: ReadonlyMap<string, number>;
  /** the trace is of rds_rdma with the removal fix (kernel/0001-*.patch): REMOVE_FIX = all three */
  readonly removeFix?: boolean;
}

/** How to read a trace. */
export interface KernelMapOptions {
  /** The trace is of the patched rds_rdma (kernel/, the model's REMOVE_FIX = {"wait_free",
   *  "shutdown_flush", "redrop"}), traced with KERNEL_FIX_EVENTS too. Its three changes become the
   *  fix's model steps: rds_ib_remove_one returns only after rds_ib_dev_free (RemoveOne_WaitFree
   *  at remove_one_ret), a rds_conn_path_drop(destroy=1) by the removing task after its two puts
   *  is RemoveOne_Redrop, and rds_ib_flush_dev_mrs from a waiting shutdown that finds a dirty MR
   *  of its device is ConnShutdown_FlushPool. */
  readonly removeFix?: boolean;
}

export interface KernelMapping {
  readonly events: MappedEvent[];
  readonly scenario: KernelScenario;
}

/** What a task is in the middle of; a dev_put (or a return probe) is read in this context. */
type TaskOp =
  | { kind: 'add'; d: number }
  | { kind: 'lookup'; d: number }
  | { kind: 'setup'; c: number; d: number; added: boolean }
  | { kind: 'transient'; d: number }
  | { kind: 'mrLookup'; m: number; d: number }
  | { kind: 'freeMr'; m: number; d: number }
  | { kind: 'removeConn'; c: number; d: number }
  | { kind: 'flush'; m: number }
  | { kind: 'remove'; d: number; puts: number };

type ConnState = 'setup' | 'connected' | 'up' | 'dropped' | 'closed';
type MrState = 'mapped' | 'closing' | 'done';

const NULL_PTR = /^0x0+$/;
/** ERR_PTR values: the top 4095 addresses. */
const isErrPtr = (p: string): boolean => /^0xfffffffffffff[0-9a-f]{3}$/.test(p) && p !== '0xfffffffffffff000';

/** Map a parsed kernel trace to model events. */
export function mapKernelTrace(lines: readonly FtraceLine[], file: string, opts: KernelMapOptions = {}): KernelMapping {
  const NDEV = 2; // the two rxe devices of the scenario (guest.sh); a third one is refused below
  const devices = new Map<string, number>();
  const devByPtr = new Map<string, number>();
  const addrDev = new Map<string, number>();
  const observed: number[] = Array(NDEV + 1).fill(0); // the kernel's count, as last seen
  const transient: number[] = Array(NDEV + 1).fill(0); // kernel minus model
  const setups: number[] = Array(NDEV + 1).fill(0); // setups of the end on d so far
  const connState = new Map<number, ConnState>();
  const mrState = new Map<number, MrState>();
  const mrByPtr = new Map<string, number>();
  const ops = new Map<number, TaskOp>();
  const unregistering = new Map<number, number>(); // pid -> device of ib_unregister_device_and_put
  const removable = new Set<number>();
  let nmr = 0;
  let moduleExit = false;
  let freeInvalidate: boolean | undefined;
  const events: MappedEvent[] = [];
  // removeFix: the MRs freed without invalidate whose pool no flush has visited yet (the model's
  // fr_state "dirty"), with their device; and the connection each shutdown worker is tearing down
  const dirty = new Map<number, number>();
  const shuttingDown = new Map<number, number>(); // pid -> connection
  const cleanPool = (d: number): void => {
    for (const [m, e] of dirty) if (e === d) dirty.delete(m);
  };

  let cur: FtraceLine = lines[0]!;
  const fail = (msg: string): never => {
    throw new KernelTraceError(msg, file, cur.line);
  };
  const arg = (k: string): string => cur.args.get(k) ?? fail(`${cur.event} has no ${k}=`);
  const num = (k: string): number => {
    const n = Number(arg(k));
    return Number.isInteger(n) ? n : fail(`${cur.event}: ${k}=${arg(k)} is not an integer`);
  };
  const devNamed = (name: string): number => devices.get(name) ?? fail(`${cur.event}: device "${name}" was never added (no add_one)`);
  const devAt = (ptr: string): number => devByPtr.get(ptr) ?? fail(`${cur.event}: rds_ib_device ${ptr} is not known (no set_client_data for it)`);
  const endOf = (laddr: string): number | undefined => addrDev.get(laddr);
  const connOn = (d: number): number => (setups[d]! - 1) * NDEV + d;
  const refcount = (): number[] => Array.from({ length: NDEV }, (_, i) => observed[i + 1]! - transient[i + 1]!);
  /** every model event carries the whole refcount function, so a wrong count is caught at once */
  const emit = (action: string | string[], params: Record<string, unknown> = {}): void => {
    events.push({ line: cur.line, obj: { action, params, vars: { refcount: refcount() }, task: String(cur.pid), start: cur.ts, end: cur.ts } });
  };
  const takeOp = (): TaskOp | undefined => {
    const op = ops.get(cur.pid);
    ops.delete(cur.pid);
    return op;
  };
  const dropConnsOn = (d: number): void => {
    for (const [c, st] of connState) if ((c - 1) % NDEV + 1 === d && (st === 'connected' || st === 'up')) connState.set(c, 'dropped');
  };

  let pools = new Map<string, number>(); // pool pointer -> device; read again when a pool is new
  const poolDev = (pool: string): number =>
    pools.get(pool) ?? (pools = poolOwners(lines, devByPtr)).get(pool) ?? fail(`flush_mr_pool of pool ${pool}, which no rds_ib_add_one created`);
  /** the next line of the same task after index i that is one of `events` */
  const nextOfTask = (i: number, events: readonly string[]): FtraceLine | undefined => lines.slice(i + 1).find((n) => n.pid === lines[i]!.pid && events.includes(n.event));

  for (const [i, l] of lines.entries()) {
    cur = l;
    const ev = l.event as KernelEventName | 'tracing_mark_write';
    if (ev === 'tracing_mark_write') continue;
    if (!KERNEL_EVENTS.includes(ev as KernelBaseEventName) && !(opts.removeFix && KERNEL_FIX_EVENTS.includes(ev as KernelFixEventName))) {
      fail(`unknown event "${l.event}" (kprobes.sh defines: ${KERNEL_EVENTS.join(', ')}${opts.removeFix ? `; the fix adds: ${KERNEL_FIX_EVENTS.join(', ')}` : ''})`);
    }
    switch (ev) {
      case 'add_one': {
        const name = arg('name');
        if (devices.has(name)) fail(`device "${name}" added twice: the model adds each device once`);
        const d = devices.size + 1;
        if (d > NDEV) fail(`a third device ("${name}"): the scenario has ${NDEV}`);
        devices.set(name, d);
        observed[d] = 1; // rds_ib_add_one: refcount_set(&rds_ibdev->refcount, 1)
        ops.set(l.pid, { kind: 'add', d });
        emit('AddOne_Alloc', { d });
        break;
      }
      case 'create_mr_pool':
      case 'create_mr_pool_ret':
        break;
      case 'set_client_data': {
        const d = devNamed(arg('name'));
        if (NULL_PTR.test(arg('data'))) {
          // rds_ib_remove_one: ib_set_client_data(device, &rds_ib_client, NULL); ref= is read
          // through the NULL pointer here and means nothing (pitfall 3)
          emit('RemoveOne_ClearClientData', { d });
          break;
        }
        const op = ops.get(l.pid);
        if (op?.kind !== 'add' || op.d !== d) fail(`set_client_data for ${arg('name')} outside its rds_ib_add_one`);
        devByPtr.set(arg('data'), d);
        // 6.1: the list reference (refcount_inc after list_add_tail_rcu) is taken before this;
        // the initial reference becomes the client-data one. The model takes list and client-data
        // references and puts the initial one (V2 shape): both end at 2, at add_one_ret.
        transient[d] = num('ref') - 1;
        observed[d] = num('ref');
        break;
      }
      case 'add_one_ret': {
        const op = takeOp();
        if (op?.kind !== 'add') fail('add_one_ret without add_one in the same task');
        const d = (op as { d: number }).d;
        if (num('ret') !== 0) fail(`rds_ib_add_one failed (ret=${arg('ret')}): the scenario's cfg has ALLOC_FAIL = FALSE`);
        transient[d] = 0;
        emit(['AddOne_ListAdd', 'AddOne_SetClientData', 'AddOne_Put'], { d });
        break;
      }
      case 'get_client_data':
        ops.set(l.pid, { kind: 'lookup', d: devNamed(arg('name')) });
        break;
      case 'get_client_data_ret': {
        const op = takeOp();
        if (op?.kind !== 'lookup') fail('get_client_data_ret without get_client_data in the same task');
        if (l.caller !== 'rds_ib_setup_qp') fail(`rds_ib_get_client_data called from ${l.caller ?? '?'}: only rds_ib_setup_qp is modelled`);
        const d = (op as { d: number }).d;
        setups[d]!++;
        const c = connOn(d);
        if (NULL_PTR.test(arg('dev'))) {
          // client data already NULL (remove_one began): the setup gives up
          connState.set(c, 'closed');
          emit('ConnSetup_GetClientData', { c });
        } else {
          if (devAt(arg('dev')) !== d) fail(`client data of ${devName(devices, d)} is another device's rds_ib_device`);
          observed[d] = num('ref_after');
          connState.set(c, 'setup');
          ops.set(l.pid, { kind: 'setup', c, d, added: false });
          emit(['ConnSetup_GetClientData', 'ConnSetup_DevGet'], { c });
        }
        break;
      }
      case 'add_conn': {
        const op = ops.get(l.pid);
        const d = devAt(arg('dev'));
        if (op?.kind !== 'setup' || op.d !== d) fail('add_conn outside rds_ib_setup_qp of the same device');
        const known = endOf(arg('laddr'));
        if (known !== undefined && known !== d) fail(`address ${arg('laddr')} moved from ${devName(devices, known)} to ${devName(devices, d)}`);
        for (const [a, e] of addrDev) if (e === d && a !== arg('laddr')) fail(`a second connection end (${arg('laddr')}, ${a}) on ${devName(devices, d)}: the model has one address per device`);
        addrDev.set(arg('laddr'), d);
        (op as { added: boolean }).added = true;
        observed[d] = num('ref_before') + 1;
        transient[d]!++; // the connection's reference: the model's ConnSetup_AddConn, at the put below
        break;
      }
      case 'dev_put': {
        const d = devAt(arg('dev'));
        const op = takeOp() ?? fail(`dev_put of ${arg('name')} with no operation of task ${l.pid} to attribute it to`);
        if ('d' in op && op.d !== d) fail(`dev_put of ${arg('name')} inside an operation on ${devName(devices, op.d)}`);
        observed[d] = num('ref_before') - 1;
        switch (op.kind) {
          case 'setup':
            if (!op.added) fail('rds_ib_setup_qp put its lookup reference without rds_ib_add_conn: a failed setup is not modelled');
            transient[d]!--;
            connState.set(op.c, 'connected');
            emit('ConnSetup_AddConn', { c: op.c });
            break;
          case 'transient':
            transient[d]!--;
            break;
          case 'freeMr':
            mrState.set(op.m, 'closing');
            if (freeInvalidate === false) dirty.set(op.m, d);
            emit('FreeMR', { m: op.m, ctx: 'process' });
            break;
          case 'removeConn':
            connState.set(op.c, 'closed');
            emit('ConnShutdown_RemoveConn', { c: op.c });
            break;
          case 'remove':
            if (op.puts === 0) {
              // list_del_rcu + synchronize_rcu have run; the model puts both references at once
              transient[d]!--;
              ops.set(l.pid, { ...op, puts: 1 });
              emit(['RemoveOne_ListDel', 'RemoveOne_SyncRcu'], { d });
            } else {
              transient[d]!++;
              ops.set(l.pid, { ...op, puts: 2 });
              emit('RemoveOne_Put', { d });
            }
            break;
          case 'add':
          case 'lookup':
          case 'mrLookup':
          case 'flush':
            fail(`dev_put in the middle of ${op.kind}: not a step of the 6.1 protocol`);
            break;
          default:
            return assertNever(op);
        }
        break;
      }
      case 'connect_complete':
        break;
      case 'update_ipaddr': {
        const d = devAt(arg('dev'));
        const c = connOn(d);
        connState.set(c, 'up'); // the model checks that the setup came first
        emit('ConnComplete', { c });
        break;
      }
      case 'get_device':
        break;
      case 'get_device_ret': {
        const found = !NULL_PTR.test(arg('dev'));
        if (l.caller === 'rds_ib_get_mr') {
          const m = ++nmr;
          if (!found) {
            mrState.set(m, 'done');
            emit('GetMR_Lookup', { m });
            break;
          }
          const d = devAt(arg('dev'));
          observed[d] = num('ref_after');
          transient[d]!++;
          ops.set(l.pid, { kind: 'mrLookup', m, d });
          emit('GetMR_Lookup', { m });
        } else if (found) {
          // rds_ib_update_ipaddr / rds_ib_laddr_check: a lookup reference put before they return
          const d = devAt(arg('dev'));
          observed[d] = num('ref_after');
          transient[d]!++;
          ops.set(l.pid, { kind: 'transient', d });
        }
        break;
      }
      case 'get_mr':
        break;
      case 'get_mr_ret': {
        const op = takeOp();
        if (op?.kind !== 'mrLookup') break; // the lookup found no device: GetMR_Lookup already ended it
        const ibmr = arg('ibmr');
        if (NULL_PTR.test(ibmr) || isErrPtr(ibmr)) fail(`rds_ib_get_mr failed (${ibmr}) after finding a device: not in the scenario`);
        transient[op.d]!--;
        mrByPtr.set(ibmr, op.m);
        mrState.set(op.m, 'mapped');
        emit('GetMR_Map', { m: op.m });
        break;
      }
      case 'free_mr': {
        const m = mrByPtr.get(arg('ibmr')) ?? fail(`free_mr of ${arg('ibmr')}, which rds_ib_get_mr never returned`);
        const inv = num('invalidate') !== 0;
        if (freeInvalidate !== undefined && freeInvalidate !== inv) fail('MRs freed both with and without RDS_RDMA_INVALIDATE: FREE_INVALIDATE is one constant');
        freeInvalidate = inv;
        ops.set(l.pid, { kind: 'freeMr', m, d: devAt(arg('dev')) });
        break;
      }
      case 'flush_mrs': {
        // The model's FlushMRs is the close of an MR's socket (rds_release -> rds_rdma_drop_keys);
        // who called is known at the return probe, read ahead.
        if (nextOfTask(i, ['flush_mrs_ret'])?.caller !== 'rds_release') break;
        const m = [...mrState].find(([, s]) => s === 'closing')?.[0];
        if (m === undefined) break;
        ops.set(l.pid, { kind: 'flush', m });
        emit('FlushMRs_Begin', { m });
        break;
      }
      case 'flush_mr_pool': {
        const op = ops.get(l.pid);
        if (op?.kind !== 'flush') break; // a shutdown's, free_mr's or rds_ib_dev_free's flush
        // One model step per listed device, at its last pool (8k, then 1m): the shutdown waiting
        // for the MR may go on as soon as that flush has invalidated it, before the walk returns.
        const d = poolDev(arg('pool'));
        const next = nextOfTask(i, ['flush_mr_pool', 'flush_mrs_ret']);
        if (next?.event === 'flush_mr_pool' && poolDev(next.args.get('pool') ?? '') === d) break;
        cleanPool(d);
        emit(['FlushMRs_Next', 'FlushMRs_Pool'], { m: op.m });
        break;
      }
      case 'flush_mrs_ret': {
        const op = ops.get(l.pid);
        if (op?.kind !== 'flush') break;
        takeOp();
        mrState.set(op.m, 'done');
        emit('FlushMRs_End', { m: op.m });
        break;
      }
      case 'remove_one': {
        const d = devNamed(arg('name'));
        observed[d] = num('ref_before');
        ops.set(l.pid, { kind: 'remove', d, puts: 0 });
        dropConnsOn(d); // rds_ib_dev_shutdown: rds_conn_drop of every connection on conn_list
        emit('RemoveOne_Begin', { d });
        break;
      }
      case 'remove_one_ret': {
        const op = takeOp();
        if (op?.kind !== 'remove' || op.puts !== 2) fail('remove_one_ret without remove_one and its two puts in the same task');
        // cma_remove_one runs next (rdma_cm is a client registered before rds_ib, removed after):
        // RDMA_CM_EVENT_DEVICE_REMOVAL to the ids still on the device. Module exit goes on to the
        // next device instead.
        // With the fix rds_ib_remove_one has waited for rds_ib_dev_free first.
        const waited = opts.removeFix ? ['RemoveOne_WaitFree'] : [];
        if (!moduleExit) {
          dropConnsOn((op as { d: number }).d);
          emit([...waited, 'CmaRemoveOne_DeviceRemoval'], { d: (op as { d: number }).d });
        } else if (waited.length > 0) {
          emit(waited, { d: (op as { d: number }).d });
        }
        break;
      }
      case 'ib_unregister': {
        const d = devices.get(arg('name'));
        if (d === undefined || moduleExit) break;
        unregistering.set(l.pid, d);
        removable.add(d); // even if the delete never returns (bug C)
        break;
      }
      case 'ib_unregister_ret': {
        const d = unregistering.get(l.pid);
        unregistering.delete(l.pid);
        if (d === undefined) break; // a device RDS no longer knows (deleted after rmmod)
        emit('IbUnregister_Dealloc', { d });
        break;
      }
      case 'conn_path_drop': {
        const d = endOf(arg('laddr'));
        if (d === undefined || setups[d] === 0) break; // never reached rds_ib_setup_qp
        const c = connOn(d);
        const st = connState.get(c);
        const op = ops.get(l.pid);
        if (opts.removeFix && arg('destroy') !== '0' && op?.kind === 'remove' && op.puts === 2 && op.d === d) {
          // the fix's re-drop, while rds_ib_remove_one waits: of a connection that joined
          // conn_list after the first walk (set up in the model, so still connected or up)
          if (st === 'connected' || st === 'up') {
            dropConnsOn(d);
            emit('RemoveOne_Redrop', { d });
          }
          break;
        }
        if (arg('destroy') === '0' && (st === 'connected' || st === 'up') && !moduleExit) {
          connState.set(c, 'dropped');
          emit('ConnDrop', { c });
        }
        break;
      }
      case 'conn_path_shutdown': {
        const d = endOf(arg('laddr'));
        if (d !== undefined && setups[d]! > 0) shuttingDown.set(l.pid, connOn(d));
        break;
      }
      case 'flush_dev_mrs': {
        // the fix's flush of the shutdown's own device: a model step only when it finds a dirty
        // MR (ConnShutdown_FlushPool needs one); each second's flush of a still-mapped MR is none
        const d = devAt(arg('dev'));
        const c = shuttingDown.get(l.pid);
        if (c === undefined || ![...dirty.values()].includes(d)) break;
        cleanPool(d);
        emit('ConnShutdown_FlushPool', { c });
        break;
      }
      case 'remove_conn': {
        const d = devAt(arg('dev'));
        if (endOf(arg('laddr')) !== d) fail(`remove_conn of ${arg('laddr')} from ${arg('name')}, which is not its device`);
        const c = connOn(d);
        ops.set(l.pid, { kind: 'removeConn', c, d });
        emit('ConnShutdown_DestroyQp', { c });
        break;
      }
      case 'dev_free': {
        const d = devNamed(arg('name'));
        observed[d] = num('ref');
        emit('FreeWork', { d });
        break;
      }
      case 'ib_exit':
        moduleExit = true;
        emit('ModuleExit_Begin');
        break;
      case 'destroy_nodev_conns':
        emit('ModuleExit_FlushWq');
        break;
      case 'conn_destroy':
        break;
      default:
        return assertNever(ev);
    }
  }
  const most = Math.max(1, ...setups.slice(1));
  return {
    events,
    scenario: { ndev: NDEV, nconn: NDEV * most, nmr, removable: [...removable].sort(), moduleExit, freeInvalidate: freeInvalidate ?? false, devices, ...(opts.removeFix ? { removeFix: true } : {}) },
  };
}

/** pool pointer -> model device, from create_mr_pool/_ret inside each rds_ib_add_one. */
function poolOwners(lines: readonly FtraceLine[], devByPtr: ReadonlyMap<string, number>): Map<string, number> {
  const owner = new Map<string, number>();
  const pending = new Map<number, string>();
  for (const l of lines) {
    if (l.event === 'create_mr_pool') pending.set(l.pid, l.args.get('dev') ?? '');
    if (l.event === 'create_mr_pool_ret') {
      const d = devByPtr.get(pending.get(l.pid) ?? '');
      if (d !== undefined) owner.set(l.args.get('pool') ?? '', d);
    }
  }
  return owner;
}

function devName(devices: ReadonlyMap<string, number>, d: number): string {
  return [...devices].find(([, n]) => n === d)?.[0] ?? `device ${d}`;
}

function assertNever(x: never): never {
  throw new Error(`unhandled: ${JSON.stringify(x)}`);
}

// ---------------------------------------------------------------------------------------------
// the cfg

/** The model's cfg for a kernel trace: V3 (tla/MC_V3_mr_other.cfg's constants) sized and set up
 *  as the trace shows. PEER_DISCONNECT = TRUE: the peer end's RDMA_CM_EVENT_DISCONNECTED follows
 *  its rdma_disconnect, the first thing its shutdown does, so the drop comes before the peer's
 *  ConnShutdown_DestroyQp (which the map puts at remove_conn). PROMPT_WORKER = TRUE: asserted by
 *  the trace rather than assumed (IbUnregister_Dealloc is explained only while rds_wq's head
 *  cannot run). MR_FREE_CTX = {"process"}: the application frees its MR by setsockopt. */
export function kernelConfig(s: KernelScenario): string {
  return `\\* generated by spec/kernel-refinement.ts kernelConfig from a kernel trace
INIT Init
NEXT Next
CONSTANTS
    NDEV = ${s.ndev}
    NCONN = ${s.nconn}
    NMR = ${s.nmr}
    REMOVABLE = {${s.removable.join(', ')}}
    MODULE_EXIT = ${s.moduleExit ? 'TRUE' : 'FALSE'}
    REFCOUNT = TRUE
    POOL_TEARDOWN = "cancel_own"
    LIST_PROT = "rcu_rwsem"
    EARLY_LIST_INIT = TRUE
    ALLOC_FAIL = FALSE
    SETUP_SUCCESS_PUT = TRUE
    KERNEL = "v3"
    MR_FREE_CTX = {"process"}
    FREE_INVALIDATE = ${s.freeInvalidate ? 'TRUE' : 'FALSE'}
    MR_HELD_ACROSS_REMOVE = TRUE
    PEER_DISCONNECT = TRUE
    PROMPT_WORKER = TRUE
    REMOVE_FIX = ${s.removeFix ? '{"wait_free", "shutdown_flush", "redrop"}' : '{}'}
INVARIANTS
    TypeOK
    S1_NoUseAfterFree
    S2_NoDoubleFree
    S3_CountNonNegative
    S4_NoResurrection
    S5_ExactAccounting
    S6_FreedUnreachable
    S8_NoSelfWait
    S9_PoolLifetime
    S10_SafeWalk
    S11_PartialSetup
    S12_IbDeviceOutlivesRdsDev
    NoLeakWhenQuiescent
    UnloadClean
`;
}

/** Read, parse and map a kernel trace file. */
export function readKernelTrace(path: string, opts: KernelMapOptions = {}): KernelMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new KernelTraceError(`cannot read trace: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, path, 0);
  }
  const lines = parseFtrace(text, path);
  if (lines.length === 0) throw new KernelTraceError('the trace has no events', path, 0);
  return mapKernelTrace(lines, path, opts);
}
