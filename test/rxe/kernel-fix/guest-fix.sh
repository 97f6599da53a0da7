#!/bin/bash
# guest-fix.sh MODULES SCENARIO KPROBES — one kernel-trace scenario (../kernel/guest.sh, unchanged)
# on a chosen rds.ko + rds_rdma.ko, inside the VM started by run-in-vm.sh.
#   MODULES  "stock": the kernel's own modules (guest.sh's modprobe loads them);
#            a folder (host path, seen through the guest's 9p root, e.g. kernel/build/fixed):
#            its rds.ko and rds_rdma.ko are insmod'ed first, so guest.sh's `modprobe rds rds_rdma`
#            finds them loaded and the rest of the scenario runs on them.
# Writes $RXE_VM_OUT/modules.txt: which rds_rdma ran (its taint flags: O = out of tree, i.e. built
# by kernel/build.sh; whether the patch's rds_ib_flush_dev_mrs is in /proc/kallsyms), so a run
# cannot silently test the wrong module (out-of-tree modules carry no srcversion to compare).
set -u
HERE=$(dirname "$(realpath "$0")")
. "$HERE/../guest-lib.sh"
MODS=${1:?usage: guest-fix.sh MODULES SCENARIO KPROBES}; shift
OUT=${RXE_VM_OUT:?}
modules_link_fix   # guest-lib.sh: this host has linux-headers (kernel/build.sh), which hides the modules
if [ "$MODS" != stock ]; then
  # rds_rdma's dependencies come from the kernel's own tree (modinfo -F depends: rds,ib_core,rdma_cm)
  modprobe -a ib_core rdma_cm || { glog "modprobe ib_core rdma_cm failed"; exit 3; }
  insmod "$MODS/rds.ko" || { glog "insmod $MODS/rds.ko failed"; exit 3; }
  insmod "$MODS/rds_rdma.ko" || { glog "insmod $MODS/rds_rdma.ko failed"; exit 3; }
fi
modprobe rds_rdma   # stock: the kernel's own; else a no-op (loaded above)
{ echo "taint=$(cat /sys/module/rds_rdma/taint)"
  echo "flush_dev_mrs=$(grep -c ' rds_ib_flush_dev_mrs' /proc/kallsyms)"; } > "$OUT/modules.txt"
exec "$HERE/../kernel/guest.sh" "$@"
