#!/usr/bin/python3
# The RDS application of the kernel-trace scenarios (runs in the guest; guest.sh starts it).
# Two RDS sockets, A on LADDR:4000 and B on RADDR:4001, exchange NMSG messages each way over
# RDS/IB (rds_rdma on rxe: rds_tcp is not loaded). With "mr", A then maps a user buffer as an
# RDS MR on its connection (RDS_CMSG_RDMA_MAP -> rds_ib_get_mr; the setsockopt RDS_GET_MR path
# cannot register FRWR MRs without a QP on 6.1, rds-kernel-trace.md pitfall 11) and holds it.
# The program then signals READY and holds the sockets (and the MR) until RELEASE exists, so the
# device delete runs while the connection is up; then RDS_FREE_MR (with RDS_RDMA_INVALIDATE for
# "mrinv", without for "mr") and close.
# usage: rds_exchange.py nomr|mr|mrinv LADDR RADDR NMSG READY RELEASE HOLD_LIMIT_S
import ctypes, json, os, socket, struct, sys, time

SOL_RDS, SO_RDS_TRANSPORT, RDS_TRANS_IB = 276, 8, 0
RDS_RDMA_INVALIDATE = 0x4
RDS_FREE_MR, RDS_CMSG_RDMA_MAP = 3, 3
mode, laddr, raddr, nmsg, ready, release, hold = sys.argv[1:8]
nmsg, hold = int(nmsg), float(hold)
T0 = time.monotonic()
out = {"mode": mode, "sent": 0, "received": 0}

def log(msg):
    print("[rds_exchange %6.3f] %s" % (time.monotonic() - T0, msg), file=sys.stderr, flush=True)

def sock(addr, port):
    s = socket.socket(socket.AF_RDS, socket.SOCK_SEQPACKET, 0)
    s.setsockopt(SOL_RDS, SO_RDS_TRANSPORT, RDS_TRANS_IB)
    s.bind((addr, port))
    s.settimeout(20)
    return s

def exchange(src, dst, to, tag):
    for i in range(nmsg):
        src.sendto(b"%s-%d" % (tag, i), to)
        out["sent"] += 1
    for i in range(nmsg):
        data, _ = dst.recvfrom(4096)
        if data != b"%s-%d" % (tag, i):
            raise RuntimeError("message %d of %s came back as %r" % (i, tag, data))
        out["received"] += 1

A, B = sock(laddr, 4000), sock(raddr, 4001)
try:
    exchange(A, B, (raddr, 4001), b"A2B")
    exchange(B, A, (laddr, 4000), b"B2A")
except OSError as e:
    out["error"] = repr(e)
    print(json.dumps(out), flush=True)
    sys.exit(2)
log("%d messages each way" % nmsg)

cookie = ctypes.c_uint64(0)
use_mr = mode in ("mr", "mrinv")
if use_mr:
    buf = ctypes.create_string_buffer(65536 + 4096)
    addr = (ctypes.addressof(buf) + 4095) & ~4095
    args = struct.pack("QQQQ", addr, 65536, ctypes.addressof(cookie), 0)
    A.sendmsg([b"mr-carrier"], [(SOL_RDS, RDS_CMSG_RDMA_MAP, args)], 0, (raddr, 4001))
    B.recvmsg(4096, 1024)
    out["mr_cookie"] = "0x%016x" % cookie.value
    log("MR mapped on A's connection, cookie %s" % out["mr_cookie"])

open(ready, "w").close()
end = time.monotonic() + hold
while time.monotonic() < end and not os.path.exists(release):
    time.sleep(0.1)
if use_mr:
    A.setsockopt(SOL_RDS, RDS_FREE_MR, struct.pack("QQ", cookie.value, RDS_RDMA_INVALIDATE if mode == "mrinv" else 0))
    out["mr_freed"] = True
A.close(); B.close()
out["seconds"] = round(time.monotonic() - T0, 3)
print(json.dumps(out), flush=True)
