#!/bin/bash
# Guest probe (measurement): does rdma_cm deliver RDMA_CM_EVENT_DEVICE_REMOVAL to a process whose
# cm_ids are bound to an rxe device being deleted, and does the delete wait for it?
# rping (librdmacm example) over rxe1 on dummy0 with an IPv4 address (rdma_cm does not work over
# rxe on lo, shared/design/rxe-vm.md pitfall 6).
. "$(dirname "$(realpath "$0")")/guest-lib.sh"
modprobe rdma_ucm
rxe_setup rxe1 dummy0 || exit 2
ip addr add 169.254.77.1/16 dev dummy0
stdbuf -o0 -e0 rping -s -a 169.254.77.1 -v -C 100000 > /tmp/srv.log 2>&1 & SP=$!
sleep 1
stdbuf -o0 -e0 rping -c -a 169.254.77.1 -v -C 100000 > /tmp/cli.log 2>&1 & CP=$!
sleep 2
glog "rping running: $(wc -l < /tmp/cli.log) client lines"
t=$(up); glog "rdma link delete rxe1"
rdma link delete rxe1 & DP=$!
if wait_pid $DP 15; then glog "delete returned rc=$WAIT_RC after $(since "$t") s"; else
  glog "delete pending after 15 s; blocked tasks:"
  hang_dump "$RXE_VM_OUT/cm-hang.txt"; grep -A14 -E 'task:(rdma|rping) ' "$RXE_VM_OUT/cm-hang.txt" | grep -E 'task:|\+0x' | head -40 >&2
  kill $CP; wait_pid $CP 5; glog "client killed"
  if wait_pid $DP 10; then glog "delete returned rc=$WAIT_RC after the client died, $(since "$t") s"; else glog "still pending"; fi
fi
wait_pid $SP 5; glog "server exited: $(kill -0 $SP 2>/dev/null && echo no || echo "yes rc=$WAIT_RC")"
wait_pid $CP 5; glog "client exited: $(kill -0 $CP 2>/dev/null && echo no || echo "yes rc=$WAIT_RC")"
echo "--- server:"; grep -v 'ping data' /tmp/srv.log | tail -8
echo "--- client:"; grep -v 'ping data' /tmp/cli.log | tail -8
exit 0
