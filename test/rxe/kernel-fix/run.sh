#!/bin/bash
# run.sh [MODULES...] [-- SCENARIO...] — `npm run rxe:fix`: the removal bugs of Debian's 6.1 RDS/IB
# on rxe, with the kernel's own modules ("stock", the baseline) and with the patched ones
# ("fixed", kernel/build.sh's kernel/build/fixed), one qemu guest per scenario × modules, one at
# a time. Scenarios (../kernel/guest.sh): nomr (control), mr-other (bug B), mr-same (bug C).
# Prints one JSON line per run: the guest's result, the modules that ran and a verdict against
# what is expected of them (verdict.mjs). Keeps each run's kprobe trace and dmesg in
# artifacts/MODULES-SCENARIO.{trace,dmesg}.txt for spec/kernel-refinement.ts.
# Env: RXE_VM_DIR (default /tmp/rxe-kfix-vm: this runner's own cache and output), RXE_VM_TIMEOUT
# (default 180 s per guest), KERNEL_BUILD (default kernel/build), RXE_FIX_ARTIFACTS (default
# artifacts/ here: the kept traces the tests read; point it elsewhere for repeated runs).
# Exit 0 when every verdict is as expected, 1 otherwise.
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
ROOT=$(realpath "$HERE/../../..")
export RXE_VM_DIR=${RXE_VM_DIR:-/tmp/rxe-kfix-vm}
export RXE_VM_TIMEOUT=${RXE_VM_TIMEOUT:-180} RXE_VM_QUIET=${RXE_VM_QUIET:-1}
BUILD=${KERNEL_BUILD:-$ROOT/kernel/build}
mods=(); scen=()
while [ $# -gt 0 ]; do [ "$1" = -- ] && { shift; scen=("$@"); break; }; mods+=("$1"); shift; done
[ ${#mods[@]} -gt 0 ] || mods=(fixed stock)
[ ${#scen[@]} -gt 0 ] || scen=(nomr mr-other mr-same)
# fixed-race / noredrop-race: debug builds (kernel/debug/) that force late connections; only
# when named. Expected: fixed-race completes through the re-drop, noredrop-race deadlocks.
for m in "${mods[@]}"; do case $m in stock|fixed|built-stock|fixed-race|noredrop-race) ;; *) echo "run.sh: modules must be stock, fixed, built-stock, fixed-race or noredrop-race (got $m)" >&2; exit 2;; esac; done

command -v pahole >/dev/null || { [ "$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dwarves >/dev/null; }
"$HERE/../prepare-host.sh" "$RXE_VM_DIR" >&2
KV=$(cat "$RXE_VM_DIR/kernel-version")
# The patched modules must be built for the kernel the guest boots (vermagic), else insmod fails.
built=(); for m in "${mods[@]}"; do case $m in stock) ;; built-stock) built+=(stock) ;; *) built+=("$m") ;; esac; done
if [ ${#built[@]} -gt 0 ]; then
  RXE_VM_DIR=$RXE_VM_DIR "$ROOT/kernel/build.sh" "$BUILD" "${built[@]}" >&2
  for v in "${built[@]}"; do
    vm=$(modinfo -F vermagic "$BUILD/$v/rds_rdma.ko")
    [[ $vm = "$KV "* ]] || { echo "run.sh: $BUILD/$v/rds_rdma.ko is for '$vm', the guest boots $KV" >&2; exit 2; }
  done
fi
ART=${RXE_FIX_ARTIFACTS:-$HERE/artifacts}
mkdir -p "$ART"
fail=0
for m in "${mods[@]}"; do
  case $m in stock) dir=stock ;; built-stock) dir=$BUILD/stock ;; *) dir=$BUILD/$m ;; esac
  for s in "${scen[@]}"; do
    KP="$RXE_VM_DIR/kprobes-$m.txt"
    "$HERE/../kernel/kprobes.sh" "$RXE_VM_DIR" > "$KP"
    case $m in stock|built-stock) ;; *) "$HERE/kprobes-fix.sh" "$KP" ;; esac
    export RXE_VM_OUT="$RXE_VM_DIR/out-$m-$s"
    t0=$EPOCHREALTIME; rc=0
    "$HERE/../run-in-vm.sh" "$HERE/guest-fix.sh" "$dir" "$s" "$KP" || rc=$?
    secs=$(awk "BEGIN{printf \"%.1f\", $EPOCHREALTIME - $t0}")
    a="$ART/$m-$s"
    rm -f "$a.trace.txt" "$a.dmesg.txt"
    [ -s "$RXE_VM_OUT/trace.txt" ] && cp "$RXE_VM_OUT/trace.txt" "$a.trace.txt"
    [ -s "$RXE_VM_OUT/dmesg.txt" ] && cp "$RXE_VM_OUT/dmesg.txt" "$a.dmesg.txt"
    node "$HERE/verdict.mjs" "$m" "$s" "$RXE_VM_OUT" "$rc" "$secs" "$RXE_VM_OUT/trace.txt" || fail=1
  done
done
exit $fail
