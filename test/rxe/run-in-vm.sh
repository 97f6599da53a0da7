#!/bin/bash
# run-in-vm.sh GUEST_SCRIPT [ARGS...]
#
# Boots Debian's stock amd64 kernel in qemu with the host's / shared read-only over virtio-9p (plus a
# tmpfs overlay), so the project, node and the built addon run unchanged inside; runs GUEST_SCRIPT (a
# host path, the same path inside the guest) as a child of PID 1, and powers off.
# Reusable by any workload: the guest script gets $RXE_VM_OUT, a writable share that is the same
# directory on the host, for results; it can source test/rxe/guest-lib.sh for rxe setup and bounded
# waits. Findings behind each step: shared/design/rxe-vm.md (pitfall numbers cited below).
#
# Exit status: the guest script's, or 124 = the guest did not finish in time (qemu killed),
# 125 = qemu ended without the exit marker, 126 = stage-1 init failed, 127 = host preparation failed.
# Env: RXE_VM_DIR (cache + output, default /tmp/rxe-vm), RXE_VM_ACCEL (auto|tcg|kvm, default auto:
#      KVM only when /dev/kvm is usable and the CPU has VT-x/AMD-V — this host's /dev/kvm is kvm_pvm
#      without either, and a stock kernel never booted on it, rxe-vm.md §5), RXE_VM_TIMEOUT (s, default 300),
#      RXE_VM_MEM (MiB, default 2048), RXE_VM_SMP (default 2), RXE_VM_QUIET=1 (console only to the log),
#      RXE_VM_OUT (host directory shared writable with the guest, default $RXE_VM_DIR/out; emptied first).
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
GUEST_SCRIPT=$(realpath "${1:?usage: run-in-vm.sh GUEST_SCRIPT [ARGS...]}"); shift
GUEST_ARGS="$*"
WORK=${RXE_VM_DIR:-/tmp/rxe-vm}
ACCEL=${RXE_VM_ACCEL:-auto}
if [ "$ACCEL" = auto ]; then
  if [ -r /dev/kvm ] && [ -w /dev/kvm ] && grep -qwE 'vmx|svm' /proc/cpuinfo; then ACCEL=kvm; else ACCEL=tcg; fi
fi
TIMEOUT=${RXE_VM_TIMEOUT:-300}
OUT=${RXE_VM_OUT:-$WORK/out}
T0=$EPOCHREALTIME
el() { awk "BEGIN{printf \"%.2f\", $EPOCHREALTIME - $T0}"; }
say() { echo "[run-in-vm $(el)s] $*" >&2; }

"$HERE/prepare-host.sh" "$WORK" >&2 || { say "host preparation failed"; exit 127; }
KV=$(cat "$WORK/kernel-version")
KMOD="$WORK/kroot/lib/modules/$KV"
rm -rf "$OUT"; mkdir -p "$OUT"
say "prepared (kernel $KV, accel $ACCEL, timeout ${TIMEOUT}s)"

case $ACCEL in
  kvm) ACC="-accel kvm -cpu ${RXE_VM_CPU:-host}" ;;   # with kvm_pvm, -cpu host aborts (pitfall 3): RXE_VM_CPU=host,-arch-capabilities
  tcg) ACC="-accel tcg,thread=multi -cpu max" ;;
  *) say "RXE_VM_ACCEL must be tcg or kvm"; exit 127 ;;
esac
LOG="$OUT/console.log"
# Kernel arguments carry the paths stage 1 needs (it reads them before moving /proc, pitfall 9).
APPEND="console=ttyS0 loglevel=4 panic=-1 rxe_kmod=$KMOD rxe_out=$OUT rxe_script=$GUEST_SCRIPT rxe_args=$(echo "$GUEST_ARGS" | tr ' ' ,)"
set +e
# qemu gets the outer bound: guest scripts bound their own waits, this catches a hung guest kernel.
timeout --kill-after=10 "$TIMEOUT" qemu-system-x86_64 -machine q35 $ACC \
  -smp "${RXE_VM_SMP:-2}" -m "${RXE_VM_MEM:-2048}" \
  -kernel "$WORK/vmlinux" -initrd "$WORK/initramfs.cpio.gz" -append "$APPEND" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  -virtfs local,path="$OUT",mount_tag=rxeout,security_model=none,multidevs=remap \
  -nic none -display none -monitor none -serial stdio -no-reboot </dev/null 2>&1 \
  | sed -u 's/\r$//' | if [ "${RXE_VM_QUIET:-0}" = 1 ]; then cat > "$LOG"; else tee "$LOG" >&2; fi
qrc=${PIPESTATUS[0]}
set -e
say "qemu exited rc=$qrc"
if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then say "guest killed after ${TIMEOUT}s"; exit 124; fi
grc=$(sed -n 's/^RXE_VM_EXIT=\([0-9]*\).*/\1/p' "$LOG" | tail -1)
[ -n "$grc" ] || { say "no RXE_VM_EXIT marker in $LOG"; exit 125; }
exit "$grc"
