# guest-lib.sh — helpers for guest scripts run by run-in-vm.sh (source it; bash).
# Every wait here is bounded and polled: a task stuck in the kernel (D state) ignores signals, so
# `timeout CMD` cannot end it and would itself hang (shared/design/rds-kernel-trace.md pitfall 7).

# Guest uptime in seconds (a builtin read: every exec costs ~60 ms under TCG, rxe-vm.md pitfall 5).
up() { local u _; read -r u _ </proc/uptime; echo "$u"; }
since() { awk -v a="$1" -v b="$(up)" 'BEGIN{printf "%.2f", b - a}'; }
glog() { echo "[guest $(up)] $*" >&2; }

# rxe_setup NAME NETDEV: load rdma_rxe (+ deps) and create an rxe device on NETDEV.
rxe_setup() {
  local name=$1 netdev=$2 t
  t=$(up)
  modprobe rdma_rxe || return 1
  if [ "$netdev" != lo ] && [ ! -e "/sys/class/net/$netdev" ]; then
    modprobe dummy && ip link add "$netdev" type dummy && ip link set "$netdev" up || return 1
  fi
  rdma link add "$name" type rxe netdev "$netdev" || return 1
  glog "rxe device $name on $netdev ready in $(since "$t") s"
}

# wait_pid PID SECONDS: poll until PID exits (0 = exited, status in $WAIT_RC) or SECONDS pass (1).
wait_pid() {
  local pid=$1 limit=$2 t
  t=$(up)
  while kill -0 "$pid" 2>/dev/null; do
    if awk -v a="$t" -v b="$(up)" -v l="$limit" 'BEGIN{exit !(b - a > l)}'; then return 1; fi
    sleep 0.1
  done
  wait "$pid"; WAIT_RC=$?
  return 0
}

# hang_dump FILE: what a stuck delete or unload is waiting for (sysrq-w: blocked tasks) + dmesg.
hang_dump() {
  echo w > /proc/sysrq-trigger 2>/dev/null; sleep 1
  dmesg > "$1" 2>&1
}

# power_off: works even with tasks stuck in D state (the host's poweroff is systemctl, pitfall 8).
power_off() { sync; busybox poweroff -f; }

# rdma_res_count KIND PID: how many KIND (pd|mr|cq|qp) resources `rdma resource show` lists for PID.
# Kernel-owned ones (e.g. the GSI QP, comm "[ib_core]") carry no pid and are not counted. grep, not
# a JSON parser: a python3 start costs seconds under TCG.
rdma_res_count() {
  rdma -j resource show "$1" 2>/dev/null | grep -o "\"pid\":$2[,}]" | wc -l
}

# modules_link_fix: when the host has a /lib/modules/$(uname -r) directory of its own (installing
# linux-headers creates one, holding build/ and source/ links), stage 1's `ln -sfn` puts the link to
# the guest kernel's modules *inside* it instead of replacing it, and modprobe finds nothing
# ("Module rdma_rxe not found"). Point /lib/modules/$(uname -r) at the modules again (the root is
# an overlay with a tmpfs upper layer, so this changes nothing on the host).
modules_link_fix() {
  local k t
  k=/lib/modules/$(uname -r)
  [ -e "$k/modules.dep" ] && return 0
  t=$(readlink "$k/$(uname -r)") || return 1
  rm -rf "$k" && ln -s "$t" "$k"
}
