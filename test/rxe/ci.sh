#!/bin/bash
# test/rxe/ci.sh — the rxe conformance step of CI (called from .ci/run).
# Runs `rxe.sh V2 V0 D2` (one guest each; RXE_CI_VARIANTS overrides) in a qemu guest when this machine can: root (to install the Debian packages it
# lacks) or the packages already present, qemu able to boot the guest (KVM if it works, else TCG).
# Otherwise prints one line "rxe: SKIPPED — <why>" and exits 0. When the guest runs, the step fails
# unless every variant behaved as verdict.mjs expects: V2 removal completed, nothing leaked, trace
# events > 0; V0 the early free reported and then verbs errors on the closed context (EBADF); D2
# the leaked reference keeping the delete pending.
# Bounded: the whole step is killed after RXE_CI_LIMIT seconds (default 600, install included).
HERE=$(dirname "$(realpath "$0")")
LIMIT=${RXE_CI_LIMIT:-600}
read -ra VARIANTS <<< "${RXE_CI_VARIANTS:-V2 V0 D2}"
skip() { echo "rxe: SKIPPED — $*"; exit 0; }

[ "$(uname -m)" = x86_64 ] || skip "the guest is x86_64 (Debian's amd64 kernel) and this host is $(uname -m)"
command -v dpkg-query >/dev/null || skip "not a Debian-based host (the harness installs qemu and the kernel with apt)"
if [ "$(id -u)" != 0 ]; then
  for p in qemu-system-x86 busybox-static kmod cpio libibverbs-dev; do
    dpkg-query -W -f='${Status}' $p 2>/dev/null | grep -q 'ok installed' || skip "package $p missing and not root to install it"
  done
fi
if [ -e /dev/kvm ] && ! grep -qwE 'vmx|svm' /proc/cpuinfo; then
  echo "rxe: /dev/kvm present but the CPU has no VT-x/AMD-V (kvm_pvm: a stock kernel does not boot on it, shared/design/rxe-vm.md §5): using TCG"
fi

OUTF=$(mktemp); ERRF=$(mktemp)
FIRST=${VARIANTS[0]}
for v in "${VARIANTS[@]}"; do rm -rf "${RXE_VM_DIR:-/tmp/rxe-vm}/runs/$v"; done   # a stale console log must not count as a boot
timeout --kill-after=15 "$LIMIT" "$HERE/rxe.sh" "${VARIANTS[@]}" >"$OUTF" 2>"$ERRF"
rc=$?
LINE=$(head -1 "$OUTF")
if [ $rc = 124 ] || [ $rc = 137 ]; then
  tail -20 "$ERRF"; echo "rxe: FAILED — did not finish within ${LIMIT}s"; exit 1
fi
if [ -z "$LINE" ] || ! grep -q 'RXE_VM stage1 done' "${RXE_VM_DIR:-/tmp/rxe-vm}/runs/$FIRST/console.log" 2>/dev/null; then
  # never booted: no qemu, no network for apt, or TCG too slow here — a machine limit, not a test failure
  tail -5 "$ERRF"; skip "the guest did not boot on this machine (${LINE:-no result})"
fi
cat "$OUTF"
if [ $rc = 0 ]; then echo "rxe: PASSED (${VARIANTS[*]}: each as expected, see verdict.mjs)"; exit 0; fi
tail -30 "$ERRF"; echo "rxe: FAILED — see the JSON lines above (\"verdict\") and ${RXE_VM_DIR:-/tmp/rxe-vm}/runs/"; exit 1
