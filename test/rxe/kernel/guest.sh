#!/bin/bash
# guest.sh SCENARIO KPROBES — one kernel-trace scenario inside the VM started by run-in-vm.sh.
# RDS (rds_rdma) over two rxe devices joined by a veth pair, the rds_ib_device refcount protocol
# traced with kprobes (definitions from kprobes.sh, written on the host), an RDS exchange, then
# `rdma link delete` of one device with the connection up, then `rmmod rds_rdma`.
#   nomr      messages only; delete rxe1
#   mr-other  + an MR held on rxe0's connection end; delete rxe1          (bug B, S12)
#   mr-same   + an MR held on rxe0's connection end; delete rxe0          (bug C: the delete never returns)
#   mrinv-same  as mr-same, but the MR is freed with RDS_RDMA_INVALIDATE (the delete returns once it is)
# Writes to $RXE_VM_OUT: trace.txt (trace_pipe, streamed so it survives a hang), dmesg.txt,
# exchange.log, result.json. Recipe and pitfalls: shared/design/rds-kernel-trace.md §3, §7.
set -u
HERE=$(dirname "$(realpath "$0")")
. "$HERE/../guest-lib.sh"
SCENARIO=${1:?usage: guest.sh SCENARIO KPROBES}; KPROBES=${2:?usage: guest.sh SCENARIO KPROBES}
OUT=${RXE_VM_OUT:?}
T=/sys/kernel/tracing
case $SCENARIO in
  nomr) APP=nomr; DEL=rxe1 ;;
  mr-other) APP=mr; DEL=rxe1 ;;
  mr-same) APP=mr; DEL=rxe0 ;;
  mrinv-same) APP=mrinv; DEL=rxe0 ;;
  *) glog "unknown scenario $SCENARIO (nomr, mr-other, mr-same, mrinv-same)"; exit 2 ;;
esac
mark() { echo "GUEST $*" 2>/dev/null > $T/trace_marker; }   # EBADF while tracing is off (pitfall 9)
RESULT="\"scenario\":\"$SCENARIO\",\"kernel\":\"$(uname -r)\",\"deleted\":\"$DEL\""
result() { echo "{$RESULT}" > "$OUT/result.json"; }
# warnings FILE: the kernel's complaints in a dmesg, as a JSON list of the warning sites
# ("rxe_pool_cleanup", ...), soft lockups and hung-task reports.
warnings() {
  local w
  w=$(sed -nE 's/.*WARNING: .* at [^ ]+ ([A-Za-z0-9_.]+)\+.*/"\1"/p; s/.*(BUG: [^[]*[a-z]).*/"\1"/p; s/.*task ([^ ]+) blocked for more than.*/"hung task \1"/p' "$1" | tr '\n' ,)
  echo "[${w%,}]"
}
add() { RESULT="$RESULT,$1"; }
T0=$(up)

mount -t tracefs nodev $T 2>/dev/null
modules_link_fix   # see guest-lib.sh: a host with linux-headers installed hides the modules
modprobe rdma_rxe && modprobe veth && modprobe rds && modprobe rds_rdma || { add '"error":"modprobe failed"'; result; exit 3; }

# ---- kprobes: one write per definition; a rejected one ends the run (a trace without it would
# be silently incomplete, and the refinement map would misread it) ----
echo 0 > $T/tracing_on; echo 16384 > $T/buffer_size_kb; echo global > $T/trace_clock   # cross-CPU order (pitfall 4)
: > $T/trace
n=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  if echo "$line" >> $T/kprobe_events 2>/dev/null; then n=$((n + 1)); else
    glog "kprobe REJECTED: $line"; tail -3 $T/error_log >&2
    add "\"error\":\"kprobe rejected: ${line%% *}\""; result; exit 3
  fi
done < "$KPROBES"
echo 'client == "rds_ib"' > $T/events/rds/set_client_data/filter   # ib_set_client_data serves every IB client
echo 1 > $T/events/rds/enable
echo 1 > $T/tracing_on
cat $T/trace_pipe > "$OUT/trace.txt" & TP=$!
add "\"kprobes\":$n"

# ---- network: veth pair, one rxe per end, policy routing so .1 <-> .2 crosses the veth (§3.3) ----
ip link add veth0 type veth peer name veth1
ip addr add 169.254.77.1/24 dev veth0; ip addr add 169.254.77.2/24 dev veth1
ip link set veth0 up; ip link set veth1 up
for d in all veth0 veth1; do sysctl -qw net.ipv4.conf.$d.accept_local=1 net.ipv4.conf.$d.rp_filter=0; done
ip rule add pref 1 iif veth0 lookup local
ip rule add pref 2 iif veth1 lookup local
ip rule add pref 10 to 169.254.77.2 lookup 102
ip rule add pref 11 to 169.254.77.1 lookup 101
ip route add 169.254.77.2/32 dev veth0 src 169.254.77.1 table 102
ip route add 169.254.77.1/32 dev veth1 src 169.254.77.2 table 101
ip rule add pref 100 lookup local; ip rule del pref 0 lookup local
ip neigh replace 169.254.77.2 lladdr "$(cat /sys/class/net/veth1/address)" dev veth0 nud permanent
ip neigh replace 169.254.77.1 lladdr "$(cat /sys/class/net/veth0/address)" dev veth1 nud permanent
rdma link add rxe0 type rxe netdev veth0 && rdma link add rxe1 type rxe netdev veth1 || { add '"error":"rdma link add failed"'; result; exit 3; }

# ---- the RDS exchange; it holds its sockets (and MR) until released ----
rm -f /tmp/ready /tmp/release
/usr/bin/python3 "$HERE/rds_exchange.py" $APP 169.254.77.1 169.254.77.2 5 /tmp/ready /tmp/release 60 > /tmp/exchange.json 2> "$OUT/exchange.log" & PY=$!
t=$(up)
while [ ! -e /tmp/ready ] && kill -0 $PY 2>/dev/null && [ "$(since "$t" | cut -d. -f1)" -lt 60 ]; do sleep 0.1; done
if [ ! -e /tmp/ready ]; then
  glog "the RDS exchange did not get ready"; cat "$OUT/exchange.log" >&2
  add '"error":"exchange not ready"'; result; exit 3
fi

# ---- delete a device with the connection up; the application lets go 3 s later ----
mark "=== rdma link delete $DEL ==="
t=$(up)
rdma link delete $DEL & DP=$!
done=no; wait_pid $DP 3 && done=yes                 # a clean delete returns in ~0.2 s (§6)
[ $done = yes ] && add "\"removal\":\"completed\",\"removalSeconds\":$(since "$t")"
mark "=== release the application (RDS_FREE_MR, close) ==="
touch /tmp/release                                  # the application lets go 3 s after the delete began
if [ $done = no ] && wait_pid $DP 40; then done=yes
  add "\"removal\":\"completed after the release\",\"removalSeconds\":$(since "$t")"
fi
if [ $done = no ]; then
  # Bug C: `rdma link delete` is stuck in the kernel (D state). Dump the blocked tasks and power
  # off with it still stuck: nothing else can end it (pitfall 7).
  add "\"removal\":\"pending\",\"pendingSeconds\":$(since "$t")"
  hang_dump "$OUT/dmesg.txt"
  cp $T/trace "$OUT/trace-at-hang.txt" 2>/dev/null
  wait_pid $PY 10 && add "\"exchange\":$(cat /tmp/exchange.json)"
  add "\"warnings\":$(warnings "$OUT/dmesg.txt")"
  add "\"seconds\":$(since "$T0")"; result
  glog "rdma link delete $DEL still pending: blocked tasks dumped, powering off"
  power_off
fi
wait_pid $PY 30 && add "\"exchange\":$(cat /tmp/exchange.json)"
sleep 1

# ---- module unload ----
mark "=== rmmod rds_rdma ==="
t=$(up)
rmmod rds_rdma & RP=$!
if wait_pid $RP 30; then add "\"rmmod\":$WAIT_RC,\"rmmodSeconds\":$(since "$t")"; else
  add '"rmmod":"pending"'; hang_dump "$OUT/dmesg.txt"; add "\"seconds\":$(since "$T0")"; result; power_off
fi
sleep 0.5
echo 0 > $T/tracing_on; sleep 0.3; kill $TP 2>/dev/null; wait $TP 2>/dev/null
dmesg > "$OUT/dmesg.txt"
add "\"warnings\":$(warnings "$OUT/dmesg.txt")"
add "\"seconds\":$(since "$T0")"
result
exit 0
