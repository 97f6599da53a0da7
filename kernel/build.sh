#!/bin/bash
# build.sh [BUILD_DIR] [VARIANT...] — rds.ko + rds_rdma.ko for the kernel the rxe guest boots,
# stock and with the removal fix (kernel/0001-*.patch), built out of tree against Debian's own
# headers, so that their vermagic matches the booted kernel and `insmod` accepts them.
#   BUILD_DIR (default kernel/build, not committed) gets:
#     src/        net/rds of linux-source-6.1 at the exact Debian version of the guest kernel
#     stock/      rds.ko rds_rdma.ko built from the unpatched source (the baseline, same compiler)
#     fixed/      rds.ko rds_rdma.ko built with the patch
#   and, only when named (debug builds, never for submission, kernel/debug/):
#     fixed-race/     the patch + widen-remove-race.patch (2 s between remove_one's conn_list walk
#                     and clearing the client data: reconnects join conn_list late)
#     noredrop-race/  the same without the fix's part 3 (no-redrop.patch)
#   VARIANT...: default stock fixed.
# The kernel is the one test/rxe/prepare-host.sh extracted (RXE_VM_DIR/kernel-version), else the
# ABI that linux-image-amd64 points to. Idempotent: each step is skipped when its output is there
# and newer than its inputs. Needs root for apt (headers, kbuild, gcc-12, the source package).
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
B=$(realpath -m "${1:-$HERE/build}")
shift || true
VARIANTS=("$@"); [ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(stock fixed)
PATCH=$(ls "$HERE"/0001-*.patch)
RACE=$HERE/debug/widen-remove-race.patch NOREDROP=$HERE/debug/no-redrop.patch
for v in "${VARIANTS[@]}"; do case $v in stock|fixed|fixed-race|noredrop-race) ;; *) echo "[kernel/build] error: unknown variant $v (stock, fixed, fixed-race, noredrop-race)" >&2; exit 2;; esac; done
log() { echo "[kernel/build] $*" >&2; }
die() { echo "[kernel/build] error: $*" >&2; exit 1; }
mkdir -p "$B"

# ---- which kernel: the guest's (prepare-host.sh), or linux-image-amd64's ABI ----
KV=
for d in "${RXE_VM_DIR:-}" /tmp/rxe-kernel-vm /tmp/rxe-vm; do
  [ -n "$d" ] && [ -s "$d/kernel-version" ] && { KV=$(cat "$d/kernel-version"); break; }
done
if [ -z "$KV" ]; then
  KV=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{sub("linux-image-","",$2); print $2; exit}' || true)
fi
[ -n "$KV" ] || die "cannot tell the guest kernel: run test/rxe/prepare-host.sh first, or apt-get update"
# The Debian version of that ABI (e.g. 6.1.0-56-amd64 -> 6.1.192-2): the source must be the same.
debver() { apt-cache show "linux-headers-$KV" 2>/dev/null | awk '/^Version:/{print $2; exit}' || true; }
DEBVER=$(debver)
[ -n "$DEBVER" ] || { apt-get update -qq || log "apt-get update failed"; DEBVER=$(debver); }
[ -n "$DEBVER" ] || die "linux-headers-$KV is not in the archive (this ABI left it?): boot a kernel whose headers exist"
log "kernel $KV, Debian version $DEBVER"

# ---- headers, kbuild and the compiler the kernel was built with ----
KBUILD=/lib/modules/$KV/build
HDR=/usr/src/linux-headers-$KV
need=
dpkg-query -W -f='${Status} ${Version}\n' "linux-headers-$KV" 2>/dev/null | grep -q "ok installed $DEBVER" || need="$need linux-headers-$KV=$DEBVER"
dpkg-query -W -f='${Status}' gcc-12 2>/dev/null | grep -q 'ok installed' || need="$need gcc-12"
if [ -n "$need" ]; then
  [ "$(id -u)" = 0 ] || die "missing:$need (run as root)"
  log "apt-get install$need"
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends $need >/dev/null \
    || die "apt-get install$need failed"
fi
[ -e "$HDR/Makefile" ] || die "$HDR has no Makefile after installing the headers"

# ---- the source of exactly that version: only net/rds is extracted ----
if [ ! -e "$B/src/.version" ] || [ "$(cat "$B/src/.version")" != "$DEBVER" ]; then
  rm -rf "$B/src" "$B/deb"; mkdir -p "$B/deb" "$B/src"
  log "apt-get download linux-source-6.1=$DEBVER"
  (cd "$B/deb" && timeout 600 apt-get download -qq "linux-source-6.1=$DEBVER" 2>&1 | grep -v unsandboxed || true)
  deb=$(ls "$B"/deb/linux-source-6.1_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || die "apt-get download linux-source-6.1=$DEBVER failed"
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$B/deb" --wildcards '*/linux-source-6.1.tar.xz'
  tar -xJf "$B"/deb/usr/src/linux-source-6.1.tar.xz -C "$B/src" --strip-components=1 linux-source-6.1/net/rds
  rm -rf "$B/deb"
  echo "$DEBVER" > "$B/src/.version"
fi

# build VARIANT [PATCH...]: copy net/rds, apply the patches in order, make M=... against the
# installed headers.
build() {
  local v=$1 o="$B/$1" p fresh=yes
  shift
  for p in "$B/src/.version" "$0" "$@"; do [ -e "$o/rds_rdma.ko" ] && [ "$o/rds_rdma.ko" -nt "$p" ] || fresh=no; done
  if [ $fresh = yes ]; then log "$v: up to date"; return; fi
  rm -rf "$o.tree" "$o"; mkdir -p "$o"; cp -r "$B/src/net/rds" "$o.tree"
  for p in "$@"; do
    # the patches are against the tree root (a/net/rds/...): strip 3 components inside net/rds
    (cd "$o.tree" && patch -p3 --no-backup-if-mismatch -s < "$p") || die "$v: $(basename "$p") does not apply to $DEBVER"
  done
  log "$v: make (CONFIG_RDS=m CONFIG_RDS_RDMA=m, gcc-12)"
  # Debian builds its kernel with gcc-12; the vermagic and the module layout must match.
  if ! timeout 900 make -s -C "$HDR" M="$o.tree" CC=gcc-12 CONFIG_RDS=m CONFIG_RDS_RDMA=m CONFIG_RDS_TCP= \
        -j"$(nproc)" modules > "$o.log" 2>&1; then
    tail -30 "$o.log" >&2; die "$v: build failed (log: $o.log)"
  fi
  grep -E 'warning:' "$o.log" >&2 || true
  cp "$o.tree/rds.ko" "$o.tree/rds_rdma.ko" "$o/"
  # Debian ships its modules without debug info; 8 MB instead of 250 KB is slow over the guest's 9p
  strip --strip-debug "$o/rds.ko" "$o/rds_rdma.ko"
  local have
  have=$(modinfo -F vermagic "$o/rds_rdma.ko")
  case "$have" in "$KV "*) ;; *) die "$v: vermagic '$have' does not start with $KV";; esac
  log "$v: $o/rds.ko $o/rds_rdma.ko (vermagic $have)"
}
for v in "${VARIANTS[@]}"; do
  case $v in
    stock) build stock ;;
    fixed) build fixed "$PATCH" ;;
    fixed-race) build fixed-race "$PATCH" "$RACE" ;;
    noredrop-race) build noredrop-race "$PATCH" "$RACE" "$NOREDROP" ;;
  esac
done
echo "$B"
