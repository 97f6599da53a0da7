#!/bin/bash
# prepare-host.sh WORKDIR — everything run-in-vm.sh needs on the host, cached in WORKDIR:
#   1. Debian packages (qemu, busybox for the initramfs, kmod for depmod, verbs userspace, the addon's
#      compiler) if missing;
#   2. the kernel that linux-image-amd64 points to today, extracted (not installed) with modules.dep;
#   3. its uncompressed vmlinux (qemu boots it through the PVH note: ~6.5 s faster under TCG, pitfall 4);
#   4. a busybox initramfs whose /init is stage1-init.sh (rebuilt when that file changes).
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
WORK=${1:?usage: prepare-host.sh WORKDIR}
mkdir -p "$WORK"
log() { echo "[prepare-host] $*"; }

# g++, make, python3: node-gyp builds the addon; python3 also extracts vmlinux.
PKGS="qemu-system-x86 busybox-static kmod cpio xz-utils iproute2 rdma-core ibverbs-providers ibverbs-utils libibverbs-dev g++ make python3"
missing=
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"; done
if [ -n "$missing" ]; then
  [ "$(id -u)" = 0 ] || { log "missing Debian packages:$missing (run as root to install them)"; exit 1; }
  log "installing:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -e "$WORK/kroot/.done" ]; then
  # The ABI number changes with every Debian security update and old ones leave the archive:
  # resolve the metapackage now rather than pinning a version.
  kpkg() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}'; }
  KPKG=$(kpkg)
  [ -n "$KPKG" ] || { apt-get update -qq; KPKG=$(kpkg); }
  [ -n "$KPKG" ] || { log "cannot resolve linux-image-amd64"; exit 1; }
  log "kernel package $KPKG"
  rm -rf "$WORK/kroot" "$WORK/debs" "$WORK/initramfs.cpio.gz"; mkdir -p "$WORK/debs"
  (cd "$WORK/debs" && apt-get download -qq "$KPKG" 2>&1 | grep -v unsandboxed || true)
  dpkg-deb -x "$WORK"/debs/*.deb "$WORK/kroot"
  rm -rf "$WORK/debs"
  KV=$(ls "$WORK/kroot/lib/modules")
  depmod -b "$WORK/kroot" "$KV"   # the .deb ships no modules.dep (pitfall 1)
  python3 - "$WORK/kroot/boot/vmlinuz-$KV" "$WORK/vmlinux" <<'PY'
import lzma, sys
d = open(sys.argv[1], 'rb').read(); i = d.find(b'\xfd7zXZ\x00')
open(sys.argv[2], 'wb').write(lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(d[i:]))
PY
  echo "$KV" > "$WORK/kernel-version"
  touch "$WORK/kroot/.done"
fi
KV=$(cat "$WORK/kernel-version")
KMOD="$WORK/kroot/lib/modules/$KV"

SUM=$(sha256sum "$HERE/stage1-init.sh" | cut -c1-16)
if [ ! -e "$WORK/initramfs.cpio.gz" ] || [ "$(cat "$WORK/initramfs.sum" 2>/dev/null)" != "$SUM" ]; then
  R="$WORK/initramfs-src"; rm -rf "$R"; mkdir -p "$R"/{bin,dev,proc,sys,lower,upper,newroot,mods}
  cp /bin/busybox "$R/bin/busybox"
  for m in drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_modern_dev \
           drivers/virtio/virtio_pci_legacy_dev drivers/virtio/virtio_pci fs/netfs/netfs fs/fscache/fscache \
           net/9p/9pnet net/9p/9pnet_virtio fs/9p/9p fs/overlayfs/overlay; do
    cp "$KMOD/kernel/$m.ko" "$R/mods/"
  done
  cp "$HERE/stage1-init.sh" "$R/init"; chmod +x "$R/init"
  (cd "$R" && find . | cpio -o -H newc --quiet | gzip -1) > "$WORK/initramfs.cpio.gz"
  echo "$SUM" > "$WORK/initramfs.sum"
  rm -rf "$R"
fi
