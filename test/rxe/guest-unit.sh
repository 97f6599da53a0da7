#!/bin/bash
# Guest script: the native verbs unit tests with a real device (rxe0 on lo).
. "$(dirname "$(realpath "$0")")/guest-lib.sh"
cd "$(dirname "$(realpath "$0")")/../.." || exit 2
rxe_setup rxe0 lo || exit 2
rxe_setup rxe1 dummy0 || exit 2
t=$(up)
RDSIB_RXE_DEVICE=rxe0 RDSIB_RXE_PORT_DEVICE=rxe1:dummy0 timeout 240 node_modules/.bin/vitest run test/impl/verbs/native.test.ts; rc=$?
glog "vitest rc=$rc in $(since "$t") s"
exit $rc
