#!/bin/bash
# Guest script: the native verbs unit tests with a real device (rxe0 on lo).
. "$(dirname "$(realpath "$0")")/guest-lib.sh"
cd "$(dirname "$(realpath "$0")")/../.." || exit 2
rxe_setup rxe0 lo || exit 2
rxe_setup rxe1 dummy0 || exit 2
t=$(up)
RDSIB_RXE_DEVICE=rxe0 RDSIB_RXE_PORT_DEVICE=rxe1:dummy0 timeout 240 node_modules/.bin/vitest run test/impl/verbs/native.test.ts test/impl/verbs/native-parity.test.ts; rc=$?
glog "vitest rc=$rc in $(since "$t") s"

# Exit while holding everything: clean exit status, and the device is released afterwards.
node test/rxe/exit-holding.mjs rxe0; xrc=$?
glog "exit-holding rc=$xrc (0 expected: no crash in the addon's cleanup hook)"
t=$(up); rdma link delete rxe0 & DP=$!
if wait_pid $DP 20 && [ "$WAIT_RC" = 0 ]; then glog "rdma link delete rxe0 after that exit: returned in $(since "$t") s"; else glog "FAIL: delete did not complete"; xrc=1; fi
[ $rc = 0 ] && [ $xrc = 0 ]
