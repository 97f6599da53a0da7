#!/bin/bash
# npm run rxe [-- VARIANT...]    (default: V2)
#
# The rxe conformance run, one guest boot per implementation variant: installs what it needs from
# Debian, builds the native addon, bundles the workload, boots the guest (run-in-vm.sh) and runs
# guest-conformance.sh in it. Prints one JSON line per variant on stdout (progress goes to stderr),
# e.g. {"rxe": true, "kernel": "...", "variant": "V2", "events": n, "removal": "completed",
# "removalSeconds": s, "leaked": {"pd": 0, "mr": 0, "qp": 0, "cq": 0}, ..., "verdict": "as-expected"}.
# Exit status 0 iff every variant behaved as expected:
#   V2 and the other fixed variants: removal completed, nothing leaked, trace events > 0, no failure;
#   D2: the leaked reference keeps the delete pending (reported, then the guest is powered off);
#   V0: the early free is caught (a failure report) or shows as verbs errors.
# Traces are kept in test/rxe/artifacts/ for the trace-conformance issue.
set -uo pipefail
HERE=$(dirname "$(realpath "$0")")
ROOT=$(realpath "$HERE/../..")
WORK=${RXE_VM_DIR:-/tmp/rxe-vm}
export RXE_VM_DIR=$WORK
VARIANTS=("$@"); [ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(V2)
say() { echo "[rxe] $*" >&2; }
now() { date +%s.%N; }
dt() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2f", b - a}'; }

"$HERE/prepare-host.sh" "$WORK" >&2 || { echo '{"rxe": false, "error": "host preparation failed"}'; exit 1; }

ADDON="$ROOT/impl/verbs/native/build/Release/rdsib_verbs.node"
if [ ! -e "$ADDON" ] || [ -n "$(find "$ROOT/impl/verbs/native/src" "$ROOT/impl/verbs/native/binding.gyp" -newer "$ADDON" 2>/dev/null)" ]; then
  t=$(now)
  (cd "$ROOT" && npm run --silent build:native >"$WORK/build-native.log" 2>&1) || { say "addon build failed, see $WORK/build-native.log"; echo '{"rxe": false, "error": "native addon build failed"}'; exit 1; }
  say "native addon built in $(dt "$t") s"
fi
# One bundle, so the guest does not compile TypeScript under TCG (~20 s saved per boot).
"$ROOT/node_modules/.bin/esbuild" "$HERE/workload.ts" --bundle --platform=node --format=esm --log-level=warning \
  --outfile="$WORK/workload.mjs" >&2 || { echo '{"rxe": false, "error": "bundling the workload failed"}'; exit 1; }

mkdir -p "$HERE/artifacts"
status=0
for V in "${VARIANTS[@]}"; do
  OUT="$WORK/runs/$V"
  t=$(now)
  RXE_VM_OUT=$OUT RXE_VM_QUIET=${RXE_VM_QUIET:-1} RXE_VM_TIMEOUT=${RXE_VM_TIMEOUT:-240} \
    "$HERE/run-in-vm.sh" "$HERE/guest-conformance.sh" "$V" "$WORK/workload.mjs"
  rc=$?
  VM_S=$(dt "$t")
  BOOT=$(sed -n 's/^RXE_VM stage1 done at uptime \([0-9.]*\).*/\1/p' "$OUT/console.log" 2>/dev/null | head -1)
  [ -e "$OUT/trace-$V.ndjson" ] && cp "$OUT/trace-$V.ndjson" "$OUT/workload-$V.ndjson" "$HERE/artifacts/" 2>/dev/null
  node - "$OUT/result.json" "$V" "$rc" "$VM_S" "${BOOT:-null}" <<'JS'
const [file, variant, rc, vmSeconds, boot] = process.argv.slice(2);
const fs = require('fs');
let r;
try { r = JSON.parse(fs.readFileSync(file, 'utf8')); }
catch { r = { rxe: false, variant, error: Number(rc) === 124 ? 'guest killed by the host timeout' : `guest ended without a result (rc ${rc})` }; }
r.guestExit = Number(rc);
r.vmSeconds = Number(vmSeconds);
r.bootSeconds = boot === 'null' ? null : Number(boot);
const w = r.workload ?? {};
// how long after `rdma link delete` started the backend's removal signal fired (both guest uptime)
if (w.removalSignal && typeof r.deleteStartedAt === 'number') r.signalSeconds = Number((w.removalSignal.atUptime - r.deleteStartedAt).toFixed(2));
const leaks = r.leaked ? Object.values(r.leaked).reduce((a, b) => a + b, 0) : -1;
let expected;
if (variant === 'D2') expected = r.removal === 'pending' && w.failure?.kind === 'leak';
else if (variant === 'V0') expected = w.failure != null || Object.keys(w.verbsErrors ?? {}).length > 0;
else expected = r.rxe === true && r.removal === 'completed' && leaks === 0 && r.events > 0 && w.failure == null;
r.verdict = expected ? 'as-expected' : 'unexpected';
console.log(JSON.stringify(r));
process.exit(expected ? 0 : 1);
JS
  [ $? = 0 ] || status=1
done
exit $status
