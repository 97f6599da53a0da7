#!/bin/bash
# Guest script: `rdsib run --verbs native` on real rxe devices (the driver's whole run on the
# native backend, removal by the scheduler's ib_unregister_device rather than `rdma link delete`).
#   guest-run-native.sh [VARIANT] [SEED]
# Writes $RXE_VM_OUT/run-native.json (the command's --json line, its exit status) and
# $RXE_VM_OUT/trace-run-native-VARIANT.ndjson (model granularity). Run it with
#   test/rxe/run-in-vm.sh test/rxe/guest-run-native.sh V2 4
HERE=$(dirname "$(realpath "$0")")
. "$HERE/guest-lib.sh"
cd "$HERE/../.." || exit 2
VARIANT=${1:-V2}
SEED=${2:-4}
OUT=$RXE_VM_OUT
rxe_setup rxe0 lo || { echo '{"rxe": false, "error": "rdma link add rxe0 failed"}' > "$OUT/run-native.json"; exit 3; }
rxe_setup rxe1 dummy0 || { echo '{"rxe": false, "error": "rdma link add rxe1 failed"}' > "$OUT/run-native.json"; exit 3; }
t=$(up)
node --import tsx engine/cli/main.ts run --variant "$VARIANT" --seed "$SEED" --verbs native --devices d1=rxe0,d2=rxe1 \
  --granularity model --trace "$OUT/trace-run-native-$VARIANT.ndjson" --json >"$OUT/run-native.out" 2>"$OUT/run-native.err"
rc=$?
glog "rdsib run --verbs native exited $rc after $(since "$t") s"
echo "{\"rc\": $rc, \"seconds\": $(since "$t"), \"run\": $(tail -1 "$OUT/run-native.out" 2>/dev/null || echo null)}" > "$OUT/run-native.json"
# what the run left on the devices (the process has exited: nothing of it may remain)
rdma -j resource show > "$OUT/resources-after.json" 2>&1
exit 0
