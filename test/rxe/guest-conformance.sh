#!/bin/bash
# Guest script: the rxe conformance run for one implementation variant.
#   guest-conformance.sh VARIANT [BUNDLED_WORKLOAD_JS]
# rxe0 (on lo) and rxe1 (on dummy0); the workload (workload.ts) runs the device manager on the native
# backend with traffic; `rdma link delete rxe0` is issued in the middle of that traffic and polled
# (a delete stuck in the kernel ignores signals: bounded by polling, then sysrq-w, then power off).
# Leaks are counted with `rdma resource show` for the workload's pid once it has finished, while it
# is still alive. Writes $RXE_VM_OUT/result.json (one line).
HERE=$(dirname "$(realpath "$0")")
. "$HERE/guest-lib.sh"
cd "$HERE/../.." || exit 2
VARIANT=${1:-V2}
OUT=$RXE_VM_OUT
DELETE_LIMIT=${RXE_DELETE_LIMIT:-30}
T_START=$(up)
result() { echo "$1" > "$OUT/result.json"; echo "RXE_RESULT $1"; }

rxe_setup rxe0 lo || { result '{"rxe": false, "error": "rdma link add rxe0 failed"}'; exit 3; }
rxe_setup rxe1 dummy0 || { result '{"rxe": false, "error": "rdma link add rxe1 failed"}'; exit 3; }
KERNEL=$(uname -r)

rm -f "$OUT/traffic-running" "$OUT/workload-done"
t=$(up)
# rxe.sh bundles workload.ts on the host; without the bundle tsx compiles it here (~20 s under TCG).
BUNDLE=${2:-}
if [ -n "$BUNDLE" ] && [ -e "$BUNDLE" ]; then
  WL=("$BUNDLE"); export RDSIB_VERBS_ADDON="$PWD/impl/verbs/native/build/Release/rdsib_verbs.node"
else
  WL=(--import tsx test/rxe/workload.ts)
fi
echo "uptime $(up)" > "$OUT/guest-clock"
node "${WL[@]}" --variant "$VARIANT" --out "$OUT" >"$OUT/workload-$VARIANT.log" 2>&1 &
WP=$!
for _ in $(seq 600); do [ -e "$OUT/traffic-running" ] || ! kill -0 $WP 2>/dev/null && break; sleep 0.1; done
if [ ! -e "$OUT/traffic-running" ]; then
  glog "workload did not start traffic"; cat "$OUT/workload-$VARIANT.log" >&2
  result "{\"rxe\": true, \"kernel\": \"$KERNEL\", \"variant\": \"$VARIANT\", \"error\": \"workload did not start\"}"
  exit 4
fi
glog "workload up with traffic after $(since "$t") s"
sleep 1   # let traffic flow, then remove the device under it

t=$(up)
glog "rdma link delete rxe0 (at uptime $t)"
rdma link delete rxe0 & DP=$!
REMOVAL=pending; REMOVAL_S=null
if wait_pid $DP "$DELETE_LIMIT"; then
  REMOVAL_S=$(since "$t")
  if [ "$WAIT_RC" = 0 ]; then REMOVAL=completed; else REMOVAL="failed-rc$WAIT_RC"; fi
  glog "rdma link delete rxe0 returned rc=$WAIT_RC after $REMOVAL_S s"
else
  glog "rdma link delete rxe0 still pending after $DELETE_LIMIT s"
  hang_dump "$OUT/hang-$VARIANT.txt"
  grep -A12 'task:rdma ' "$OUT/hang-$VARIANT.txt" | head -20 >&2
fi

for _ in $(seq 300); do [ -e "$OUT/workload-done" ] || ! kill -0 $WP 2>/dev/null && break; sleep 0.1; done
ALIVE=$(kill -0 $WP 2>/dev/null && echo true || echo false)
# Leftovers of the workload's own process, counted while it is still alive.
LPD=$(rdma_res_count pd $WP); LMR=$(rdma_res_count mr $WP); LQP=$(rdma_res_count qp $WP); LCQ=$(rdma_res_count cq $WP)
rdma resource show > "$OUT/resources-$VARIANT.txt" 2>&1
EVENTS=$(wc -l < "$OUT/trace-$VARIANT.ndjson" 2>/dev/null || echo 0)
SUMMARY=$(cat "$OUT/summary-$VARIANT.json" 2>/dev/null || echo null)
LINE="{\"rxe\": true, \"kernel\": \"$KERNEL\", \"variant\": \"$VARIANT\", \"events\": $EVENTS, \"removal\": \"$REMOVAL\", \"removalSeconds\": $REMOVAL_S, \"deleteStartedAt\": $t, \"leaked\": {\"pd\": $LPD, \"mr\": $LMR, \"qp\": $LQP, \"cq\": $LCQ}, \"workloadAlive\": $ALIVE, \"workload\": $SUMMARY}"
result "$LINE"
glog "guest run took $(since "$T_START") s"

if [ "$REMOVAL" = pending ]; then
  # The delete waits for this process's context: report it and power off with it still pending
  # (the host sees the marker; killing the holder would let the delete finish and hide the leak).
  echo "RXE_VM_EXIT=0"; power_off
fi
kill -TERM $WP 2>/dev/null; wait_pid $WP 10 || kill -KILL $WP 2>/dev/null
exit 0
