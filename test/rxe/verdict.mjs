// What `npm run rxe` expects of each variant's result line (used by rxe.sh; tested by verdict.test.ts).
//   fixed variants (V2, ...): removal completed, nothing leaked, trace events > 0, no failure report;
//   D2: the setup reference leaks, so the delete stays pending and the end check reports a leak;
//   V0 (issue #6): the sim's V0_SETUP_RACE schedule replayed on rxe (test/rxe/workload.ts): the
//   early free is reported (use-after-free), the run goes on after the report (continueAfterFault),
//   and a later verbs call hits the context the free closed (EBADF); the forced close released
//   rxe0, so the delete completed and nothing leaked; the run took the same picks as the same
//   replay on the sim (replayedSchedule).

/** @param {string} variant @param {any} r the guest's result line */
export function expected(variant, r) {
  const w = r.workload ?? {};
  const leaks = r.leaked ? Object.values(r.leaked).reduce((a, b) => a + b, 0) : -1;
  if (variant === 'D2') return r.removal === 'pending' && w.failure?.kind === 'leak';
  if (variant === 'V0') {
    return w.failure?.kind === 'use-after-free' && closedContextErrors(w) > 0 && r.removal === 'completed' && leaks === 0 && w.replayedSchedule === true;
  }
  return r.rxe === true && r.removal === 'completed' && leaks === 0 && r.events > 0 && w.failure == null;
}

/** Verbs calls that failed because their context was closed (EBADF), from the workload summary. */
export function closedContextErrors(w) {
  return w.verbsErrors?.EBADF ?? 0;
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
