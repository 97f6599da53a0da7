#!/bin/busybox sh
# Stage 1 (initramfs /init): mount the host's / read-only over 9p with a tmpfs overlay on top,
# switch_root into it and run the guest script as a child of a bash PID 1, so its exit status can be
# printed as RXE_VM_EXIT=<rc> and poweroff always happens (pitfall 11).
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
die() { echo "RXE_VM stage1 FATAL: $*"; echo "RXE_VM_EXIT=126"; poweroff -f; sleep 10; }
arg() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" /proc/cmdline; }
for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci \
         netfs fscache 9pnet 9pnet_virtio 9p overlay; do
  insmod /mods/$m.ko || die "insmod $m"
done
i=0   # virtio-pci probing is asynchronous: retry until the 9p tag shows up
until mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot /lower 2>/dev/null; do
  i=$((i+1)); [ $i -gt 100 ] && die "mount hostroot"; sleep 0.1
done
mount -t tmpfs -o size=1g tmpfs /upper && mkdir -p /upper/u /upper/w || die tmpfs
mount -t overlay overlay -o lowerdir=/lower,upperdir=/upper/u,workdir=/upper/w /newroot || die overlay
# Read every argument before /proc moves (pitfall 9).
OUTDIR=$(arg rxe_out); KDIR=$(arg rxe_kmod); SCRIPT=$(arg rxe_script); ARGS=$(arg rxe_args | tr , ' ')
[ -n "$OUTDIR" ] && [ -n "$KDIR" ] && [ -n "$SCRIPT" ] || die "missing rxe_out/rxe_kmod/rxe_script on the kernel command line"
for d in dev proc sys; do mount --move /$d /newroot/$d; done
mkdir -p /newroot$OUTDIR
mount -t 9p -o trans=virtio,version=9p2000.L,cache=none rxeout /newroot$OUTDIR || die "mount rxeout"
# The standard module path -> the extracted kernel, so modprobe and the kernel's own
# request_module() work (rdma_rxe asks for crc32 at the first link add, pitfall 2). The host may
# have a directory of that name (linux-headers creates one for build/ and source/): ln -sfn would
# put the link inside it, so it is removed first (a whiteout in the tmpfs upper layer only).
KVER=$(uname -r)
mkdir -p /newroot/lib/modules && rm -rf "/newroot/lib/modules/$KVER" && ln -s "$KDIR" "/newroot/lib/modules/$KVER" || die "link /lib/modules/$KVER"
echo "RXE_VM stage1 done at uptime $(cut -d' ' -f1 /newroot/proc/uptime)"
exec switch_root /newroot /bin/bash -c '
  export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 RXE_VM_OUT="$1"
  mount -t tmpfs tmpfs /run
  ip link set lo up
  /bin/bash "$2" $3; rc=$?
  echo "RXE_VM_EXIT=$rc"; sync; busybox poweroff -f' rxe-vm "$OUTDIR" "$SCRIPT" "$ARGS"
