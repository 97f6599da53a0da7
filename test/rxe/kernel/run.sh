#!/bin/bash
# run.sh [SCENARIO...] — `npm run rxe:kernel -- nomr mr-other`: one qemu guest per scenario
# (guest.sh), one JSON result line each on stdout; the raw trace and dmesg are kept in
# test/rxe/kernel/artifacts/SCENARIO.{trace,dmesg}.txt for spec/kernel-refinement.ts.
# Env: RXE_KERNEL_TAG (artifacts named SCENARIO-TAG.*, so further runs keep the earlier ones), RXE_VM_DIR (default /tmp/rxe-kernel-vm: not the other rxe runs' cache, so runs side by side
# never share an output folder), RXE_VM_TIMEOUT (default 180 s per guest).
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
export RXE_VM_DIR=${RXE_VM_DIR:-/tmp/rxe-kernel-vm}
export RXE_VM_TIMEOUT=${RXE_VM_TIMEOUT:-180} RXE_VM_QUIET=${RXE_VM_QUIET:-1}
[ $# -gt 0 ] || set -- nomr mr-other
command -v pahole >/dev/null || { [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dwarves >/dev/null; }
"$HERE/../prepare-host.sh" "$RXE_VM_DIR" >&2
mkdir -p "$HERE/artifacts"
for s in "$@"; do
  KP="$RXE_VM_DIR/kprobes.txt"
  "$HERE/kprobes.sh" "$RXE_VM_DIR" > "$KP"
  export RXE_VM_OUT="$RXE_VM_DIR/out-$s"
  t0=$EPOCHREALTIME; rc=0
  "$HERE/../run-in-vm.sh" "$HERE/guest.sh" "$s" "$KP" || rc=$?
  vm=$(awk "BEGIN{printf \"%.1f\", $EPOCHREALTIME - $t0}")
  A="$HERE/artifacts/$s${RXE_KERNEL_TAG:+-$RXE_KERNEL_TAG}"
  [ -s "$RXE_VM_OUT/trace.txt" ] && cp "$RXE_VM_OUT/trace.txt" "$A.trace.txt"
  [ -s "$RXE_VM_OUT/dmesg.txt" ] && cp "$RXE_VM_OUT/dmesg.txt" "$A.dmesg.txt"
  events=$(grep -vc ': tracing_mark_write: ' "$RXE_VM_OUT/trace.txt" 2>/dev/null || echo 0)
  # the model's verdict on the trace (spec/kernel-refinement.ts): accepted or not, invariants violated
  model='"model":null'
  if [ -s "$RXE_VM_OUT/trace.txt" ]; then
    # exit 12 when an invariant is violated (bug B) is a verdict to print, not a failure of this script
    v=$(node "$HERE/../../../bin/rdsib.js" trace validate "$A.trace.txt" --spec "$HERE/../../../tla/RdsIbDevice.tla" --from kernel --invariants --json 2>/dev/null | tail -1 || true)
    model=$(node -e 'const v = JSON.parse(process.argv[1] || "{}");
      console.log(`"model":${JSON.stringify(v.result ?? "error")},"violations":${JSON.stringify((v.violations ?? []).map((x) => x.invariant))}`)' "$v")
  fi
  if [ -s "$RXE_VM_OUT/result.json" ]; then
    sed "s/}\$/,\"events\":$events,$model,\"vmSeconds\":$vm,\"vmExit\":$rc}/" "$RXE_VM_OUT/result.json"
  else
    echo "{\"scenario\":\"$s\",\"error\":\"no result (run-in-vm.sh exit $rc, console: $RXE_VM_OUT/console.log)\",\"vmSeconds\":$vm}"
  fi
done
