// verdict.mjs MODULES SCENARIO OUTDIR VM_EXIT VM_SECONDS [TRACE] — one JSON line for one guest run of
// run.sh: the guest's result.json (../kernel/guest.sh), the modules that ran (guest-fix.sh's
// modules.txt), and a verdict against what these modules should do in this scenario.
// Exit 1 when the run is not as expected. The rules are in verdict() below (tested in
// verdict.test.ts); what is expected comes from rds-kernel-trace.md §5 for the stock modules
// and from the fix's model (tla/README.md "The proposed fix") for the patched ones.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The kernel's complaints in a result: guest.sh reports warning sites (a list) or, in its first
 *  version, a count. */
export function warningCount(w) {
  if (Array.isArray(w)) return w.length;
  return typeof w === 'number' ? w : 0;
}

/** The kernel's complaints in a dmesg, as guest.sh's warnings() lists them: WARN sites, BUG lines,
 *  hung tasks. For runs whose result has none (guest.sh reports no warnings when rmmod hangs). */
export function dmesgWarnings(text) {
  return text.split('\n').flatMap((l) => {
    const w = /WARNING: .* at \S+ ([A-Za-z0-9_.]+)\+/.exec(l);
    if (w) return [w[1]];
    const b = /(BUG: [^[]*[a-z])/.exec(l);
    if (b) return [b[1]];
    const h = /task (\S+) blocked for more than/.exec(l);
    return h ? [`hung task ${h[1]}`] : [];
  });
}

const completed = (r) => typeof r.removal === 'string' && r.removal.startsWith('completed');

/** { expected, ok, verdict } for one run's result (guest.sh's fields). */
export function verdict(modules, scenario, r) {
  if (r.error) return { expected: '-', ok: false, verdict: `no verdict: ${r.error}` };
  const warns = warningCount(r.warnings);
  const sites = Array.isArray(r.warnings) ? r.warnings : [];
  if (modules === 'noredrop-race') {
    // the fix without part 3, with late connections forced: rds_ib_remove_one waits for a
    // reference only a late connection's shutdown would put, and nothing drops it (tla/README.md)
    const ok = r.removal === 'pending';
    return { expected: 'the delete never returns (rds_ib_remove_one waits for the late connection)', ok, verdict: ok ? 'deadlock without the re-drop: as expected' : `UNEXPECTED: removal ${r.removal}` };
  }
  if (modules === 'fixed' || modules === 'fixed-race') {
    const expected = 'the delete completes, no WARN/BUG in dmesg, rmmod rds_rdma clean';
    const bad = [];
    if (!completed(r)) bad.push(`removal ${r.removal ?? 'unknown'}`);
    if (warns > 0) bad.push(`${warns} kernel warning(s)${sites.length ? ` (${sites.join(', ')})` : ''}`);
    if (r.rmmod !== 0) bad.push(`rmmod ${r.rmmod ?? 'not run'}`);
    return { expected, ok: bad.length === 0, verdict: bad.length === 0 ? 'fixed: as expected' : `NOT FIXED: ${bad.join('; ')}` };
  }
  // the kernel's own modules, or the same source built here without the patch
  switch (scenario) {
    case 'nomr': {
      const ok = completed(r) && warns === 0 && r.rmmod === 0;
      return { expected: 'clean (the control)', ok, verdict: ok ? 'clean: as expected' : 'UNEXPECTED: the control run is not clean' };
    }
    case 'mr-other': {
      // bug B: rxe1's rds_ib_dev_free runs after its ib_device was deallocated
      const uaf = sites.length > 0 ? sites.some((s) => /rxe_pool_cleanup|restrack/.test(s)) : warns > 0;
      const ok = completed(r) && uaf;
      return { expected: 'bug B: the delete completes with WARNs (rxe_pool_cleanup, rdma_restrack_clean, restrack_drain_res)', ok, verdict: ok ? 'bug B reproduced: as expected' : 'UNEXPECTED: bug B not seen' };
    }
    case 'mr-same': {
      const ok = r.removal === 'pending';
      return { expected: 'bug C: the delete never returns', ok, verdict: ok ? 'bug C reproduced: as expected' : 'UNEXPECTED: bug C not seen' };
    }
    default:
      return { expected: '-', ok: false, verdict: `unknown scenario ${scenario}` };
  }
}

/** modules.txt (guest-fix.sh: taint=, flush_dev_mrs=) → what ran, and whether it is `modules`:
 *  the kernel's own rds_rdma is not out of tree (no O taint); kernel/build.sh's are; only the
 *  patched one has rds_ib_flush_dev_mrs. */
export function modulesCheck(modules, text) {
  const kv = Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  if (kv.taint === undefined || kv.flush_dev_mrs === undefined) return { ...kv, ok: false };
  const outOfTree = kv.taint.includes('O');
  const patched = Number(kv.flush_dev_mrs) > 0;
  const ok = modules === 'stock' ? !outOfTree && !patched : modules === 'built-stock' ? outOfTree && !patched : outOfTree && patched;
  return { ...kv, ok };
}

/** Figures read off the kprobe trace of the run (ftrace text): for the first `rdma link delete`
 *  (ib_unregister_device_and_put), how long it took in the kernel, and whether the deleted device's
 *  rds_ib_dev_free ran before it returned (the model's S12: the rds_ib_device must not outlive its
 *  ib_device). null where the trace does not show it (a delete that never returned). */
export function traceFigures(text) {
  const ev = text.split('\n').flatMap((l) => {
    const m = /-(\d+)\s+\[\d+\].*\s(\d+\.\d+):\s+(\w+):/.exec(l);
    return m ? [{ pid: Number(m[1]), ts: Number(m[2]), event: m[3], name: /\sname="([^"]*)"/.exec(l)?.[1], destroy: /\sdestroy=(\d)/.exec(l)?.[1] }] : [];
  });
  const unreg = ev.find((e) => e.event === 'ib_unregister');
  if (!unreg) return { deleteKernelSeconds: null, freeBeforeDeleteReturned: null, redrops: 0 };
  const i = ev.indexOf(unreg);
  const ret = ev.slice(i + 1).find((e) => e.event === 'ib_unregister_ret');
  const free = ev.slice(i + 1).find((e) => e.event === 'dev_free' && e.name === unreg.name);
  // the fix's re-drop: rds_conn_path_drop(destroy=1) by the deleting task after its two puts,
  // before its rds_ib_remove_one returned
  const own = ev.slice(i + 1).filter((e) => e.pid === unreg.pid);
  const end = own.findIndex((e) => e.event === 'remove_one_ret');
  const mine = end < 0 ? own : own.slice(0, end);
  const secondPut = mine.filter((e) => e.event === 'dev_put')[1];
  const redrops = secondPut ? mine.slice(mine.indexOf(secondPut) + 1).filter((e) => e.event === 'conn_path_drop' && e.destroy === '1').length : 0;
  return {
    deleteKernelSeconds: ret ? Number((ret.ts - unreg.ts).toFixed(3)) : null,
    freeBeforeDeleteReturned: ret ? free !== undefined && ev.indexOf(free) < ev.indexOf(ret) : null,
    redrops,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [modules, scenario, out, vmExit, vmSeconds, trace] = process.argv.slice(2);
  let r;
  try {
    r = JSON.parse(readFileSync(`${out}/result.json`, 'utf8'));
  } catch {
    r = { scenario, error: `no result.json (run-in-vm.sh exit ${vmExit}, console: ${out}/console.log)` };
  }
  if (r.warnings === undefined && existsSync(`${out}/dmesg.txt`)) r = { ...r, warnings: dmesgWarnings(readFileSync(`${out}/dmesg.txt`, 'utf8')), warningsFrom: 'dmesg.txt' };
  const mt = existsSync(`${out}/modules.txt`) ? readFileSync(`${out}/modules.txt`, 'utf8') : '';
  const mc = modulesCheck(modules, mt);
  const figures = trace && existsSync(trace) ? traceFigures(readFileSync(trace, 'utf8')) : {};
  let v = verdict(modules, scenario, r);
  // fixed-race must also show that the re-drop ran (else the race was not forced and it proves nothing)
  if (modules === 'fixed-race' && v.ok && !(figures.redrops > 0)) v = { ...v, ok: false, verdict: 'RACE NOT HIT: no re-drop in the trace' };
  if (!mc.ok && !r.error) v = { ...v, ok: false, verdict: `WRONG MODULE: the loaded rds_rdma is not ${modules}'s (${mt.trim().replace(/\n/g, ', ')})` };
  console.log(JSON.stringify({ modules, ...r, ...figures, rdsRdma: mc, vmExit: Number(vmExit), vmSeconds: Number(vmSeconds), ...v }));
  process.exit(v.ok ? 0 : 1);
}
