#!/bin/bash
# kprobes-fix.sh KPROBES_FILE — the probes the fix adds to ../kernel/kprobes.sh's (appended to
# KPROBES_FILE): rds_ib_flush_dev_mrs, the per-device flush the patched shutdown path calls
# while it waits for i_fastreg_inuse_count (the model's ConnShutdown_FlushPool). The other two
# parts need no probe: remove_one's wait shows as dev_free before remove_one_ret in the same
# removal, its re-drop as rds_conn_path_drop (destroy=1) by the removing task after its two puts.
# The device's name is fetched exactly as kprobes.sh fetches it for dev_put (same offsets: the
# patch adds its one field at the end of struct rds_ib_device).
set -euo pipefail
KP=${1:?usage: kprobes-fix.sh KPROBES_FILE}
name=$(sed -n 's|^p:rds/dev_put rds_rdma:rds_ib_dev_put .*\(name=[^ ]*\).*|\1|p' "$KP")
[ -n "$name" ] || { echo "kprobes-fix.sh: no rds/dev_put definition in $KP to take the name fetch from" >&2; exit 1; }
echo "p:rds/flush_dev_mrs rds_rdma:rds_ib_flush_dev_mrs dev=%di:x64 $name" >> "$KP"
