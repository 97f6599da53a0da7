#!/bin/bash
# kprobes.sh WORKDIR — prints the kprobe/kretprobe definitions of the rds_ib_device refcount protocol
# for the kernel prepared in WORKDIR (run-in-vm.sh's cache: kroot/, vmlinux), one per line, in the
# syntax of /sys/kernel/tracing/kprobe_events. Struct offsets are read from the modules' BTF with
# pahole at run time (rds-kernel-trace.md §3.2), so a different kernel build gets its own offsets
# instead of silently wrong fields. Exit 1 with a message when a field is missing.
set -euo pipefail
WORK=${1:?usage: kprobes.sh WORKDIR}
KV=$(cat "$WORK/kernel-version")
K="$WORK/kroot/lib/modules/$KV/kernel"
command -v pahole >/dev/null || { echo "kprobes.sh: pahole not found (apt-get install dwarves)" >&2; exit 1; }

# off MODULE_KO STRUCT FIELD: byte offset of STRUCT.FIELD from pahole's layout comment "/* off size */".
off() {
  local ko=$1 st=$2 f=$3 o
  if [ "$ko" = vmlinux ]; then o=$(pahole -F btf -C "$st" "$WORK/vmlinux")
  else o=$(pahole -F btf --btf_base "$WORK/vmlinux" -C "$st" "$K/$ko"); fi
  o=$(awk -v f="$f" '$0 ~ "[ *]" f "(\\[[0-9]+\\])?;" { for (i = 1; i <= NF; i++) if ($i == "/*") { sub(":.*", "", $(i+1)); print $(i+1); exit } }' <<<"$o")
  [ -n "$o" ] || { echo "kprobes.sh: no field $st.$f in $ko's BTF (kernel $KV)" >&2; exit 1; }
  echo "$o"
}
RDMA=net/rds/rds_rdma.ko; RDS=net/rds/rds.ko
REF=$(off $RDMA rds_ib_device refcount)          # refcount_t: its int sits at offset 0
DEV=$(off $RDMA rds_ib_device dev)
P1M=$(off $RDMA rds_ib_device mr_1m_pool)
P8K=$(off $RDMA rds_ib_device mr_8k_pool)
FW=$(off $RDMA rds_ib_device free_work)
NAME=$(off vmlinux ib_device name)                # char[64], inline: +NAME(ptr):string
LA=$(( $(off $RDS rds_connection c_laddr) + 12 )) # in6_addr; the v4-mapped address is its last 4 bytes
FA=$(( $(off $RDS rds_connection c_faddr) + 12 ))
CPATH=$(off $RDS rds_connection c_path)
CPCONN=$(off $RDS rds_conn_path cp_conn)
MRDEV=$(off $RDMA rds_ib_mr device)
# rds_ib_dev_free(work): work = &rds_ibdev->free_work, so fields are read at (field - FW)(%di).
FREF=$((REF - FW)); FDEV=$((DEV - FW))
signed() { [ "$1" -lt 0 ] && echo "$1" || echo "+$1"; }   # kprobe offsets: -72(%di), +116(%di)
ADDRS="laddr=+$LA(%si):u8[4] faddr=+$FA(%si):u8[4]"
cat <<DEFS
p:rds/add_one rds_rdma:rds_ib_add_one ibdev=%di:x64 name=+$NAME(%di):string
r:rds/add_one_ret rds_rdma:rds_ib_add_one ret=\$retval:s32
p:rds/set_client_data ib_core:ib_set_client_data ibdev=%di:x64 name=+$NAME(%di):string client=+0(+0(%si)):string data=%dx:x64 ref=+$REF(%dx):s32
p:rds/create_mr_pool rds_rdma:rds_ib_create_mr_pool dev=%di:x64 type=%si:s32
r:rds/create_mr_pool_ret rds_rdma:rds_ib_create_mr_pool pool=\$retval:x64
p:rds/get_client_data rds_rdma:rds_ib_get_client_data ibdev=%di:x64 name=+$NAME(%di):string
r:rds/get_client_data_ret rds_rdma:rds_ib_get_client_data dev=\$retval:x64 ref_after=+$REF(\$retval):s32
p:rds/get_device rds_rdma:rds_ib_get_device ipaddr_be=%di:x32
r:rds/get_device_ret rds_rdma:rds_ib_get_device dev=\$retval:x64 ref_after=+$REF(\$retval):s32
p:rds/add_conn rds_rdma:rds_ib_add_conn dev=%di:x64 name=+$NAME(+$DEV(%di)):string ref_before=+$REF(%di):s32 conn=%si:x64 $ADDRS
p:rds/remove_conn rds_rdma:rds_ib_remove_conn dev=%di:x64 name=+$NAME(+$DEV(%di)):string ref_before=+$REF(%di):s32 conn=%si:x64 $ADDRS
p:rds/dev_put rds_rdma:rds_ib_dev_put dev=%di:x64 name=+$NAME(+$DEV(%di)):string ref_before=+$REF(%di):s32
p:rds/dev_free rds_rdma:rds_ib_dev_free work=%di:x64 name=+$NAME($(signed $FDEV)(%di)):string ref=$(signed $FREF)(%di):s32
p:rds/remove_one rds_rdma:rds_ib_remove_one ibdev=%di:x64 name=+$NAME(%di):string dev=%si:x64 ref_before=+$REF(%si):s32 pool_1m=+$P1M(%si):x64 pool_8k=+$P8K(%si):x64
r:rds/remove_one_ret rds_rdma:rds_ib_remove_one
p:rds/update_ipaddr rds_rdma:rds_ib_update_ipaddr dev=%di:x64 name=+$NAME(+$DEV(%di)):string ref_before=+$REF(%di):s32 ip=+12(%si):u8[4]
p:rds/get_mr rds_rdma:rds_ib_get_mr rs=%dx:x64 conn=%r8:x64 laddr=+$LA(%r8):u8[4] faddr=+$FA(%r8):u8[4]
r:rds/get_mr_ret rds_rdma:rds_ib_get_mr ibmr=\$retval:x64
p:rds/free_mr rds_rdma:rds_ib_free_mr ibmr=%di:x64 dev=+$MRDEV(%di):x64 ref_before=+$REF(+$MRDEV(%di)):s32 invalidate=%si:s32
p:rds/flush_mrs rds_rdma:rds_ib_flush_mrs
r:rds/flush_mrs_ret rds_rdma:rds_ib_flush_mrs
p:rds/flush_mr_pool rds_rdma:rds_ib_flush_mr_pool pool=%di:x64 free_all=%si:s32
p:rds/connect_complete rds_rdma:rds_ib_cm_connect_complete conn=%di:x64 laddr=+$LA(%di):u8[4] faddr=+$FA(%di):u8[4]
p:rds/conn_path_shutdown rds_rdma:rds_ib_conn_path_shutdown conn=+$CPCONN(%di):x64 laddr=+$LA(+$CPCONN(%di)):u8[4] faddr=+$FA(+$CPCONN(%di)):u8[4]
p:rds/conn_path_drop rds:rds_conn_path_drop conn=+$CPCONN(%di):x64 laddr=+$LA(+$CPCONN(%di)):u8[4] faddr=+$FA(+$CPCONN(%di)):u8[4] destroy=%si:u8
p:rds/conn_destroy rds:rds_conn_destroy conn=%di:x64 laddr=+$LA(%di):u8[4] faddr=+$FA(%di):u8[4]
p:rds/ib_unregister ib_core:ib_unregister_device_and_put ibdev=%di:x64 name=+$NAME(%di):string
r:rds/ib_unregister_ret ib_core:ib_unregister_device_and_put
p:rds/ib_exit rds_rdma:rds_ib_exit
p:rds/destroy_nodev_conns rds_rdma:rds_ib_destroy_nodev_conns
DEFS
