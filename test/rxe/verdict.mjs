// What `npm run rxe` expects of each variant's result line (used by rxe.sh; tested by verdict.test.ts).
//   fixed variants (V2, ...): removal completed, nothing leaked, trace events > 0, no failure report;
//   D2: the setup reference leaks, so the delete stays pending and the end check reports a leak;
//   V0 (issue #6): the early free is reported (use-after-free), the run goes on after the report
//   (continueAfterFault), and either it shows as verbs errors on the context the free closed
//   (EBADF), or remove_one never reached the free: V0's rds_ib_destroy_mr_pool BUG_ONs while a
//   socket still maps an MR (net/rds/ib_rdma.c, V0: BUG_ON(atomic_read(&pool->item_count))) and
//   the oops kills remove_one, so no context is closed and the delete stays pending. On rxe the
//   basic workload always takes the second way (its sockets hold their MRs at removal; a setup
//   racing the free, the sim's way to EBADF, needs removal during setup, which the phased rxe
//   workload does not do).

/** @param {string} variant @param {any} r the guest's result line */
export function expected(variant, r) {
  const w = r.workload ?? {};
  const leaks = r.leaked ? Object.values(r.leaked).reduce((a, b) => a + b, 0) : -1;
  if (variant === 'D2') return r.removal === 'pending' && w.failure?.kind === 'leak';
  if (variant === 'V0') {
    if (w.failure?.kind !== 'use-after-free') return false;
    if (closedContextErrors(w) > 0) return true;
    return stoppedBeforeFree(w) && r.removal === 'pending';
  }
  return r.rxe === true && r.removal === 'completed' && leaks === 0 && r.events > 0 && w.failure == null;
}

/** Verbs calls that failed because their context was closed (EBADF), from the workload summary. */
export function closedContextErrors(w) {
  return w.verbsErrors?.EBADF ?? 0;
}

/** The first report is V0's pool-teardown BUG_ON in remove_one itself: the device was never freed. */
function stoppedBeforeFree(w) {
  return /rds_ib_destroy_mr_pool BUG_ON/.test(w.failure?.detail ?? '') && (w.leakedDevices ?? []).some((d) => d.startsWith('d1:'));
}

/** Completes a guest result (or its absence) with the host's measurements and the verdict. */
export function finish(variant, resultText, guestExit, vmSeconds, bootSeconds) {
  let r;
  try {
    r = JSON.parse(resultText);
  } catch {
    r = { rxe: false, variant, error: guestExit === 124 ? 'guest killed by the host timeout' : `guest ended without a result (rc ${guestExit})` };
  }
  r.guestExit = guestExit;
  r.vmSeconds = vmSeconds;
  r.bootSeconds = bootSeconds;
  const w = r.workload ?? {};
  // how long after `rdma link delete` started the backend's removal signal fired (both guest uptime)
  if (w.removalSignal && typeof r.deleteStartedAt === 'number') r.signalSeconds = Number((w.removalSignal.atUptime - r.deleteStartedAt).toFixed(2));
  if (variant === 'V0') r.closedContextErrors = closedContextErrors(w);
  r.verdict = expected(variant, r) ? 'as-expected' : 'unexpected';
  return r;
}
