#!/bin/bash
# Guest probe (measurement, not part of the conformance run): which user-space signals announce a
# pending `rdma link delete` of an rxe device that a process still holds open?
. "$(dirname "$(realpath "$0")")/guest-lib.sh"
set -u
rxe_setup rxe0 lo || exit 2
rxe_setup rxe1 dummy0 || exit 2
uname -r; rdma -V; rdma monitor help 2>&1 | head -2
rdma -j resource show qp; echo; rdma -j resource show pd; echo
node "$(dirname "$(realpath "$0")")/probe-holder.mjs" rxe0 &
HP=$!
for i in $(seq 100); do [ -e /tmp/holder-ready ] && break; sleep 0.1; done
glog "holder ready; resources:"; rdma resource show pd; rdma resource show mr; rdma resource show qp; rdma resource show cq
glog "pd count for holder: $(rdma_res_count pd $HP) mr: $(rdma_res_count mr $HP) qp: $(rdma_res_count qp $HP) cq: $(rdma_res_count cq $HP)"
t=$(up); rdma link delete rxe0 & DP=$!
if wait_pid $DP 30; then glog "delete returned rc=$WAIT_RC after $(since $t) s"; else glog "delete still pending after 30 s"; hang_dump $RXE_VM_OUT/hang.txt; fi
wait_pid $HP 10 || glog "holder did not exit"
ls /sys/class/infiniband/
exit 0
