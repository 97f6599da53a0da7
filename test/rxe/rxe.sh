#!/bin/bash
# npm run rxe [-- VARIANT...]    (default: V2)
#
# The rxe conformance run, one guest boot per implementation variant: installs what it needs from
# Debian, builds the native addon, bundles the workload, boots the guest (run-in-vm.sh) and runs
# guest-conformance.sh in it. Prints one JSON line per variant on stdout (progress goes to stderr),
# e.g. {"rxe": true, "kernel": "...", "variant": "V2", "events": n, "removal": "completed",
# "removalSeconds": s, "leaked": {"pd": 0, "mr": 0, "qp": 0, "cq": 0}, ..., "verdict": "as-expected"}.
# Exit status 0 iff every variant behaved as expected (verdict.mjs).
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
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    import { finish } from "'"$HERE"'/verdict.mjs";
    const [file, variant, rc, vm, boot] = process.argv.slice(1);
    let text = ""; try { text = readFileSync(file, "utf8"); } catch {}
    const r = finish(variant, text, Number(rc), Number(vm), boot === "null" ? null : Number(boot));
    console.log(JSON.stringify(r));
    process.exit(r.verdict === "as-expected" ? 0 : 1);' "$OUT/result.json" "$V" "$rc" "$VM_S" "${BOOT:-null}"
  [ $? = 0 ] || status=1
done
exit $status
