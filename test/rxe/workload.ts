// The rxe conformance workload (runs inside the guest; test/rxe/guest-conformance.sh starts it).
//
// The implementation's device manager (impl/rds, with the chosen kernel variant) runs on the native
// verbs backend over real rxe devices, with the driver's `basic` workload (impl/driver/workloads.ts)
// and its setup actors (impl/driver/actors.ts spawnSetup): add_one for d1 = rxe0 and d2 = rxe1, one
// RDS connection end on each (their QPs and CQs), an MR mapped by a socket on each. While this process pumps traffic through
// those QPs (loopback RDMA writes and sends on each connection's own QP), the guest runs
// `rdma link delete rxe0`; the native backend's removal signal (the device leaves the device list,
// impl/verbs/native/removal.ts) drives ib_unregister_device → rds_ib_remove_one, the sockets free
// their MRs, and the device manager must drop every reference so that the delete can finish.
// Then module exit releases rxe1.
//
// The whole run of impl/driver/run.ts (runOnce) is not reused: it runs every phase in one
// scheduler run with removal at a scheduled step, while here removal is the real device's signal,
// arriving while this process pumps traffic between the scheduler's phases.
//
// V0 (issue #6) runs another way: with this phased workload its socket still maps an MR at the
// delete, so V0's rds_ib_destroy_mr_pool BUG_ONs before the early free and nothing reaches a closed
// context. V0's early free needs a connection setup racing the removal, so for V0 the whole driver
// run (impl/driver/run.ts runOnce) replays the sim's V0_SETUP_RACE schedule on the real devices,
// its `rdma link delete d1` task waiting inside its first step for the real removal signal of rxe0
// (the interleaving stays the schedule's: test/impl/rds/v0-closed-context.test.ts). That run has
// no traffic pump; its trace is at the driver's fine granularity.
//
// Outputs (in --out): trace-<variant>.ndjson (the device manager's trace events at model
// granularity, impl/rds/trace.ts; devices are numbered by their workload name, d1 → 1, whatever
// rxe calls them, and each event on a device names the rxe device in `params.verbs`),
// workload-<variant>.ndjson (traffic, removal signal, verbs errors), summary-<variant>.json, and the
// marker files traffic-running / workload-done for the guest script. After `workload-done` the
// process stays alive until SIGTERM so the guest can count its leftovers with `rdma resource show`.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildObjects, spawnSetup } from '../../impl/driver/actors.js';
import { runOnce } from '../../impl/driver/run.js';
import { V0_SETUP_RACE, WORKLOADS } from '../../impl/driver/workloads.js';
import { Kernel, type Task } from '../../impl/kernel/scheduler.js';
import { ibUnregisterDevice, rdsIbExit } from '../../impl/rds/ib.js';
import { rdsIbFlushMrs, rdsIbFreeMr, rdsIbGetMr } from '../../impl/rds/ib_rdma.js';
import { Mr, RdsIb } from '../../impl/rds/state.js';
import { isVariantName, VARIANTS } from '../../impl/rds/variant.js';
import { openNativeVerbs } from '../../impl/verbs/native.js';
import { observeVerbs } from '../../impl/verbs/observe.js';
import type { MrHandle, MrInfo, RemovalNotice, Verbs } from '../../impl/verbs/types.js';

interface Args {
  variant: string;
  out: string;
  seed: number;
  removed: string;
  /** give up waiting for the removal signal after this many seconds */
  waitRemoval: number;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { variant: 'V2', out: '.', seed: 1, removed: 'rxe0', waitRemoval: 60 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, val] = [argv[i], argv[i + 1]];
    if (val === undefined) throw new UsageError(`${k} needs a value`);
    if (k === '--variant') a.variant = val;
    else if (k === '--out') a.out = val;
    else if (k === '--seed') a.seed = Number(val);
    else if (k === '--remove') a.removed = val;
    else if (k === '--wait-removal') a.waitRemoval = Number(val);
    else throw new UsageError(`unknown option ${k}`);
  }
  return a;
}

class UsageError extends Error {}

/** The workload: two devices, c1 on d1 and c2 on d2 (the two ends of one RDS connection), m1 mapped
 *  on c1 and m2 on c2 (both freed here in process context, by their sockets). */
const WORKLOAD = WORKLOADS.basic;

/** The workload's devices on the guest's (test/rxe/guest-conformance.sh): rxe0 on lo, rxe1 on a
 *  dummy netdev, and the GID each loopback QP uses (rxe0: ::ffff:127.0.0.1 at index 1; rxe1: its
 *  link-local at index 0). */
const BACKEND: Readonly<Record<string, { readonly name: string; readonly gidIndex: number }>> = {
  d1: { name: 'rxe0', gidIndex: 1 },
  d2: { name: 'rxe1', gidIndex: 0 },
};

/** Counts verbs failures by errno name, and remembers each MR's keys and address for RDMA writes. */
function instrument(inner: Verbs, onError: (verb: string, name: string, message: string, errno: number) => void, mrs: Map<MrHandle, MrInfo>): Verbs {
  return observeVerbs(inner, (call, res) => {
    if (!res.ok) onError(call, res.error.name, res.error.message ?? '', res.error.errno);
    else if (call === 'regMr') mrs.set((res.value as MrInfo).mr, res.value as MrInfo);
  });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!isVariantName(args.variant)) throw new UsageError(`unknown variant ${args.variant}`);
  const variant = VARIANTS[args.variant];
  const native = openNativeVerbs();
  if (!native.ok) throw new UsageError(`native verbs unavailable: ${native.reason}`);
  if (args.variant === V0_SETUP_RACE.variant) return setupRace(args, native.verbs);

  // Times are the guest's uptime, comparable with guest-lib.sh's log lines.
  const secs = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  // Buffered and written at the end of each phase: every write to the 9p share is a round trip
  // under TCG, and the workload itself never hangs (a stuck delete is the guest script's to report).
  const tracePath = join(args.out, `trace-${args.variant}.ndjson`);
  const logPath = join(args.out, `workload-${args.variant}.ndjson`);
  writeFileSync(tracePath, '');
  writeFileSync(logPath, '');
  let traceBuf: string[] = [];
  let events = 0;
  const flush = () => {
    appendFileSync(tracePath, traceBuf.join(''));
    traceBuf = [];
  };
  const log = (event: string, extra: Record<string, unknown> = {}) => appendFileSync(logPath, JSON.stringify({ t: secs(), event, ...extra }) + '\n');
  const verbsErrors: Record<string, number> = {};
  // the device manager's failed calls (not the traffic pump's), with the task and step that made them
  const verbsErrorCalls: { call: string; errno: number; name: string; task: string; step: number }[] = [];
  const mrInfo = new Map<MrHandle, MrInfo>();
  // V0: the early free is expected to be reported; keep running after it (issue #6) so that what
  // follows it — verbs calls on the context the free closed — is seen too
  const k = new Kernel({ seed: args.seed }, { continueAfterFault: !variant.REFCOUNT });
  const verbs = instrument(
    native.verbs,
    (verb, name, message, errno) => {
      verbsErrors[name] = (verbsErrors[name] ?? 0) + 1;
      if (verbsErrors[name]! <= 20) log('verbs-error', { verb, name, message });
      if (k.current && verbsErrorCalls.length < 50) verbsErrorCalls.push({ call: verb, errno, name, task: k.current.name, step: k.step });
    },
    mrInfo,
  );

  // Model granularity: only the model's actions are logged, each where its atomic step completes,
  // so the trace validates against tla/RdsIbDevice.tla (rdsib trace validate --from impl).
  const s = new RdsIb(
    k,
    verbs,
    variant,
    (e) => {
      events++;
      traceBuf.push(JSON.stringify(e) + '\n');
    },
    'model',
  );
  const objects = buildObjects(s, WORKLOAD, (name) => BACKEND[name]?.name ?? name);
  const conns = [...objects.conns.values()];
  const mrs = WORKLOAD.mrs.map((wm) => {
    const c = objects.conns.get(wm.conn)!;
    const m = new Mr(wm.name, c.laddr, c);
    s.mrs.push(m);
    return m;
  });
  const removedDev = s.ibDevices.find((d) => d.verbsName === args.removed);
  if (!removedDev) throw new UsageError(`--remove ${args.removed}: not one of the workload's devices (${s.ibDevices.map((d) => d.verbsName).join(', ')})`);

  // A socket closes: it frees its MR if it holds one, then rds_rdma_drop_keys → rds_ib_flush_mrs
  // (the model's FreeMR, then FlushMRs_*; as the driver's socket actor).
  const closed = new Set<Mr>();
  const closeSocket = async (t: Task, m: Mr) => {
    closed.add(m);
    if (m.state !== 'mapped') return;
    await rdsIbFreeMr(s, t, m, variant.KERNEL === 'v3' ? variant.FREE_INVALIDATE : false);
    await rdsIbFlushMrs(s, t, m);
  };

  // Phase 1: devices arrive, connections come up (the driver's actors), sockets map their MRs.
  spawnSetup(s, objects, (name, body, o) => void k.spawn(name, body, o));
  for (const m of mrs) {
    k.spawn(`sock:${m.name}:map`, async (t) => {
      await k.waitUntil(t, `${m.conn.name} to connect`, () => m.conn.state !== 'init' && m.conn.state !== 'connecting');
      await rdsIbGetMr(s, t, m);
    });
  }
  await k.run();
  flush();
  log('setup', { failure: k.failure, conns: conns.map((c) => `${c.name}:${c.state}`), mrs: mrs.map((m) => `${m.name}:${m.state}`) });

  // Traffic on each connection's own QP, connected to itself (rxe loopback).
  const traffic = { posted: 0, completed: 0, failedCompletions: 0 };
  for (const c of conns) {
    if (!c.qp) continue;
    const dest = await verbs.qpDest(c.qp, 1, BACKEND[c.ibdev.name]!.gidIndex);
    if (dest.ok) await verbs.connectQp(c.qp, 1, dest.value);
  }
  let wr = 0n;
  const pump = async () => {
    for (const m of mrs) {
      const c = m.conn;
      if (c.state !== 'up' || !c.qp || !c.cq || !m.verbsMr) continue;
      const info = mrInfo.get(m.verbsMr);
      if (!info) continue;
      const sge = [{ mr: m.verbsMr, offset: 0, length: 256 }];
      const ops = [
        verbs.postRecv(c.qp, { wrId: ++wr, sge: [{ mr: m.verbsMr, offset: 1024, length: 256 }] }),
        verbs.postSend(c.qp, { kind: 'send', wrId: ++wr, sge, signaled: true }),
        verbs.postSend(c.qp, { kind: 'rdma-write', wrId: ++wr, sge, signaled: true, remoteAddr: info.addr + 2048n, rkey: info.rkey }),
      ];
      for (const r of await Promise.all(ops)) if (r.ok) traffic.posted++;
      const wcs = await verbs.pollCq(c.cq, 32);
      if (wcs.ok) for (const w of wcs.value) w.status === 'success' ? traffic.completed++ : traffic.failedCompletions++;
    }
  };
  let pumping = true;
  const pumpLoop = (async () => {
    while (pumping) {
      await pump();
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  log('traffic-running');
  writeFileSync(join(args.out, 'traffic-running'), `${process.pid}\n`);

  // Phase 2: the real removal signal drives ib_unregister_device → rds_ib_remove_one.
  const notice = await removalOf(verbs, args.removed, args.waitRemoval);
  const signalAt = secs();
  log('removal-signal', { notice, trafficSoFar: { ...traffic } });
  const going = () => !k.failure || k.continueAfterFault;
  if (notice && going()) {
    k.spawn(`rdma link delete ${removedDev.name}`, (t) => ibUnregisterDevice(s, t, removedDev));
    // The sockets whose connection went down free their MRs and close.
    for (const m of mrs) {
      if (m.conn.ibdev !== removedDev) continue;
      k.spawn(`sock:${m.name}`, async (t: Task) => {
        await k.waitUntil(t, `${m.conn.name} to go down`, () => m.conn.state === 'down' || m.conn.state === 'failed');
        await closeSocket(t, m);
      });
    }
    await k.run();
  }
  flush();
  log('removed', { failure: k.failure, resources: verbs.resources(args.removed) });

  // Phase 3: a little more traffic (none is left once the peer connection dropped), then the
  // remaining sockets close and the module is unloaded.
  await new Promise((r) => setTimeout(r, 500));
  pumping = false;
  await pumpLoop;
  if (going()) {
    const socks = mrs.filter((m) => !closed.has(m)).map((m) => k.spawn(`sock:${m.name}`, (t) => closeSocket(t, m)));
    // sockets hold a module reference: rmmod runs once they are closed (as the driver's rmmod)
    k.spawn('rmmod', async (t) => {
      await k.waitUntil(t, 'the sockets to close (module refcount)', () => socks.every((w) => w.state === 'done'));
      await rdsIbExit(s, t);
    });
    await k.run();
  }
  flush();
  // What the model's liveness properties promise at the end (as impl/driver/run.ts checks on the
  // sim): every device freed (L1/L2), every verbs object released.
  const leakedDevices = s.allocated.filter((d) => !d.freed).map((d) => `${d.name}:refcount=${d.refcount.value}`);
  const resources = Object.fromEntries(s.ibDevices.map((d) => [d.verbsName, verbs.resources(d.verbsName)]));
  const leftObjects = Object.entries(resources).filter(([, r]) => Object.values(r).some((n) => n > 0)).map(([name]) => name);
  if (leakedDevices.length > 0) k.report('leak', `never freed after removal and module exit: ${leakedDevices.join(', ')}`);
  else if (leftObjects.length > 0) k.report('leak', `verbs objects never released on ${leftObjects.join(', ')}`);
  const summary = {
    variant: args.variant,
    failure: k.failure,
    events,
    removalSignal: notice ? { ...notice, atUptime: signalAt } : null,
    traffic,
    verbsErrors,
    verbsErrorCalls,
    reports: k.reports.length,
    leakedDevices,
    resources,
  };
  return finishRun(args, verbs, summary, log);
}

/** V0: the sim's setup-race schedule replayed on rxe0/rxe1, removal driven by the real signal. */
async function setupRace(args: Args, verbs: Verbs): Promise<number> {
  const secs = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  const logPath = join(args.out, `workload-${args.variant}.ndjson`);
  writeFileSync(logPath, '');
  const log = (event: string, extra: Record<string, unknown> = {}) => appendFileSync(logPath, JSON.stringify({ t: secs(), event, ...extra }) + '\n');
  const trace: string[] = [];
  let notice: RemovalNotice | null = null;
  let signalAt = 0;
  const removalSignal = async (device: string) => {
    // the guest script starts `rdma link delete` once this marker exists
    writeFileSync(join(args.out, 'traffic-running'), `${process.pid}\n`);
    log('waiting-for-removal', { device });
    notice = await removalOf(verbs, device, args.waitRemoval);
    signalAt = secs();
    log('removal-signal', { notice });
  };
  // the same replay on the simulated backend: the interleaving the real device run must follow
  const sim = await runOnce({ ...V0_SETUP_RACE, continueAfterFault: true });
  const r = await runOnce({
    variant: V0_SETUP_RACE.variant,
    workload: V0_SETUP_RACE.workload,
    schedule: V0_SETUP_RACE.schedule,
    continueAfterFault: true,
    verbs,
    deviceNames: Object.fromEntries(Object.entries(BACKEND).map(([d, b]) => [d, b.name])),
    removalSignal,
    trace: (e) => trace.push(JSON.stringify(e) + '\n'),
  });
  writeFileSync(join(args.out, `trace-${args.variant}.ndjson`), trace.join(''));
  const verbsErrors: Record<string, number> = {};
  for (const e of r.verbsErrors) verbsErrors[e.name] = (verbsErrors[e.name] ?? 0) + 1;
  const summary = {
    variant: args.variant,
    mode: 'setup-race',
    // the run on rxe took the same picks as the same replay on the sim: the same interleaving
    schedule: r.schedule,
    replayedSchedule: r.schedule === sim.schedule,
    failure: r.failure,
    events: trace.length,
    removalSignal: notice ? { ...(notice as RemovalNotice), atUptime: signalAt } : null,
    verbsErrors,
    verbsErrorCalls: r.verbsErrors.slice(0, 50),
    reports: r.reports.length,
    resources: Object.fromEntries(Object.values(BACKEND).map((b) => [b.name, verbs.resources(b.name)])),
  };
  return finishRun(args, verbs, summary, log);
}

/** Writes the summary, releases the backend, tells the guest script the workload is done, and stays
 *  alive (holding whatever leaked) until the guest has counted with `rdma resource show`. */
async function finishRun(args: Args, verbs: Verbs, summary: object, log: (event: string, extra: Record<string, unknown>) => void): Promise<number> {
  writeFileSync(join(args.out, `summary-${args.variant}.json`), JSON.stringify(summary) + '\n');
  log('done', summary as Record<string, unknown>);
  await verbs.shutdown();
  writeFileSync(join(args.out, 'workload-done'), `${process.pid}\n`);
  await new Promise<void>((res) => {
    process.once('SIGTERM', () => res());
    setTimeout(res, 120_000);
  });
  return 0;
}

/** The backend's removal notice for `device`, or null after `seconds`. */
function removalOf(verbs: Verbs, device: string, seconds: number): Promise<RemovalNotice | null> {
  return new Promise<RemovalNotice | null>((res) => {
    const timer = setTimeout(() => res(null), seconds * 1000);
    const off = verbs.onRemoval((n) => {
      if (n.device !== device) return;
      clearTimeout(timer);
      off();
      res(n);
    });
  });
}

main().then(
  (rc) => process.exit(rc),
  (e: unknown) => {
    process.stderr.write(`workload: ${e instanceof UsageError ? e.message : (e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
