// RC queue pairs and the data path. ibv_post_send, ibv_post_recv, ibv_poll_cq and
// ibv_req_notify_cq are static inline in <infiniband/verbs.h> (they jump through the provider's
// ops table), so they cannot be bound by symbol from JS: this is the C they need.
#include <arpa/inet.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ops.h"
#include "pump.h"
#include "registry.h"

namespace rdsib {
namespace {

int32_t intProp(const Napi::Object& o, const char* key, int32_t dflt) {
  Napi::Value v = o.Get(key);
  return v.IsNumber() ? v.As<Napi::Number>().Int32Value() : dflt;
}

double numProp(const Napi::Object& o, const char* key, double dflt) {
  Napi::Value v = o.Get(key);
  return v.IsNumber() ? v.As<Napi::Number>().DoubleValue() : dflt;
}

bool parseGid(const std::string& hex, ibv_gid& gid) {
  if (hex.size() != 32) return false;
  for (int i = 0; i < 16; i++) {
    unsigned v;
    if (sscanf(hex.c_str() + 2 * i, "%2x", &v) != 1) return false;
    gid.raw[i] = static_cast<uint8_t>(v);
  }
  return true;
}

// wrId: a BigInt (the Verbs contract) or a Number.
uint64_t wrIdProp(const Napi::Object& o) {
  Napi::Value v = o.Get("wrId");
  if (v.IsBigInt()) {
    bool lossless;
    return v.As<Napi::BigInt>().Uint64Value(&lossless);
  }
  return v.IsNumber() ? static_cast<uint64_t>(v.As<Napi::Number>().DoubleValue()) : 0;
}

Napi::Object optsArg(const Napi::CallbackInfo& info, size_t i) {
  return info.Length() > i && info[i].IsObject() ? info[i].As<Napi::Object>() : Napi::Object::New(info.Env());
}

}  // namespace

void releaseQpRefs(uint32_t qpHandle) {
  Registry& reg = registry();
  Res* q = reg.raw(qpHandle);
  if (!q) return;
  for (uint32_t h : {q->parent, q->sendCq, q->recvCq})
    if (Res* r = reg.raw(h)) r->users--;
}

// createQp(pd, sendCq, recvCq, {maxSendWr, maxRecvWr, maxSge}) -> {handle, qpNum}
Napi::Value CreateQp(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Registry& reg = registry();
  uint32_t ph = handleArg(info, 0), sh = handleArg(info, 1), rh = handleArg(info, 2);
  Res* pd = reg.find(ph, Kind::Pd, "ibv_create_qp", f);
  if (!pd) return errResult(env, f);
  Res* scq = reg.find(sh, Kind::Cq, "ibv_create_qp", f);
  if (!scq) return errResult(env, f);
  Res* rcq = reg.find(rh, Kind::Cq, "ibv_create_qp", f);
  if (!rcq) return errResult(env, f);
  if (scq->ctx != pd->ctx || rcq->ctx != pd->ctx) return errResult(env, EINVAL, "ibv_create_qp", "PD and CQs belong to different contexts");
  Napi::Object o = optsArg(info, 3);
  ibv_qp_init_attr a;
  memset(&a, 0, sizeof a);
  a.send_cq = scq->cq;
  a.recv_cq = rcq->cq;
  a.qp_type = IBV_QPT_RC;
  a.sq_sig_all = 0;  // completions only for IBV_SEND_SIGNALED work requests
  a.cap.max_send_wr = intProp(o, "maxSendWr", 64);
  a.cap.max_recv_wr = intProp(o, "maxRecvWr", 64);
  a.cap.max_send_sge = intProp(o, "maxSendSge", 1);
  a.cap.max_recv_sge = intProp(o, "maxRecvSge", 1);
  errno = 0;
  ibv_qp* qp = ibv_create_qp(pd->pd, &a);
  if (!qp) return errResult(env, errno ? errno : ENOMEM, "ibv_create_qp");
  Res r{Kind::Qp};
  r.ctx = pd->ctx;
  r.parent = ph;
  r.sendCq = sh;
  r.recvCq = rh;
  r.qp = qp;
  pd->users++;
  scq->users++;
  rcq->users++;
  uint32_t h = reg.add(std::move(r));
  Napi::Object v = Napi::Object::New(env);
  v.Set("handle", h);
  v.Set("qpNum", qp->qp_num);
  v.Set("ctx", pd->ctx);
  return okResult(env, v);
}

// connectQp(qp, {remoteQpNum, port, gidIndex, remoteGid, remoteLid, psn, remotePsn}):
// RESET -> INIT -> RTR -> RTS, as ibv_rc_pingpong does. On RoCE (rxe) the path needs a GRH with
// the remote GID; loopback on one device = the remote QP is on the same port (or is this QP).
Napi::Value ConnectQp(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* q = registry().find(handleArg(info, 0), Kind::Qp, "ibv_modify_qp", f);
  if (!q) return errResult(env, f);
  Res* c = registry().raw(q->ctx);
  Napi::Object o = optsArg(info, 1);
  int port = intProp(o, "port", 1);
  int gidIndex = intProp(o, "gidIndex", 0);
  uint32_t remoteQpn = static_cast<uint32_t>(numProp(o, "remoteQpNum", q->qp->qp_num));
  uint32_t psn = static_cast<uint32_t>(intProp(o, "psn", 0)) & 0xffffff;
  uint32_t rpsn = static_cast<uint32_t>(intProp(o, "remotePsn", static_cast<int32_t>(psn))) & 0xffffff;

  ibv_port_attr pa;
  int rc = ibv_query_port(c->context, port, &pa);
  if (rc) return errResult(env, rc, "ibv_query_port");

  ibv_qp_attr a;
  memset(&a, 0, sizeof a);
  a.qp_state = IBV_QPS_INIT;
  a.pkey_index = 0;
  a.port_num = port;
  a.qp_access_flags = IBV_ACCESS_LOCAL_WRITE | IBV_ACCESS_REMOTE_WRITE | IBV_ACCESS_REMOTE_READ;
  rc = ibv_modify_qp(q->qp, &a, IBV_QP_STATE | IBV_QP_PKEY_INDEX | IBV_QP_PORT | IBV_QP_ACCESS_FLAGS);
  if (rc) return errResult(env, rc, "ibv_modify_qp", "RESET->INIT");

  memset(&a, 0, sizeof a);
  a.qp_state = IBV_QPS_RTR;
  a.path_mtu = pa.active_mtu;
  a.dest_qp_num = remoteQpn;
  a.rq_psn = rpsn;
  a.max_dest_rd_atomic = 1;
  a.min_rnr_timer = 12;
  a.ah_attr.port_num = port;
  if (pa.link_layer == IBV_LINK_LAYER_ETHERNET) {
    ibv_gid gid;
    Napi::Value rg = o.Get("remoteGid");
    if (rg.IsString()) {
      std::string text = rg.As<Napi::String>();
      if (!parseGid(text, gid)) return errResult(env, EINVAL, "ibv_modify_qp", "remoteGid is not 32 hex digits: " + text);
    } else if (ibv_query_gid(c->context, port, gidIndex, &gid)) {
      return errResult(env, errno ? errno : EINVAL, "ibv_query_gid");
    }
    a.ah_attr.is_global = 1;
    a.ah_attr.grh.dgid = gid;
    a.ah_attr.grh.sgid_index = gidIndex;
    a.ah_attr.grh.hop_limit = 1;
  } else {
    a.ah_attr.dlid = static_cast<uint16_t>(intProp(o, "remoteLid", pa.lid));
  }
  rc = ibv_modify_qp(q->qp, &a, IBV_QP_STATE | IBV_QP_AV | IBV_QP_PATH_MTU | IBV_QP_DEST_QPN | IBV_QP_RQ_PSN |
                                    IBV_QP_MAX_DEST_RD_ATOMIC | IBV_QP_MIN_RNR_TIMER);
  if (rc) return errResult(env, rc, "ibv_modify_qp", "INIT->RTR");

  memset(&a, 0, sizeof a);
  a.qp_state = IBV_QPS_RTS;
  a.timeout = 14;
  a.retry_cnt = 7;
  a.rnr_retry = 7;
  a.sq_psn = psn;
  a.max_rd_atomic = 1;
  rc = ibv_modify_qp(q->qp, &a, IBV_QP_STATE | IBV_QP_TIMEOUT | IBV_QP_RETRY_CNT | IBV_QP_RNR_RETRY | IBV_QP_SQ_PSN |
                                    IBV_QP_MAX_QP_RD_ATOMIC);
  if (rc) return errResult(env, rc, "ibv_modify_qp", "RTR->RTS");
  return okResult(env, env.Undefined());
}

// modifyQpState(qp, "ERR" | "RESET"): ERR flushes outstanding work requests (completions with
// IBV_WC_WR_FLUSH_ERR), the usual first step of a connection shutdown.
Napi::Value ModifyQpState(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* q = registry().find(handleArg(info, 0), Kind::Qp, "ibv_modify_qp", f);
  if (!q) return errResult(env, f);
  std::string st = info.Length() > 1 && info[1].IsString() ? info[1].As<Napi::String>().Utf8Value() : "";
  ibv_qp_attr a;
  memset(&a, 0, sizeof a);
  if (st == "ERR") a.qp_state = IBV_QPS_ERR;
  else if (st == "RESET") a.qp_state = IBV_QPS_RESET;
  else return errResult(env, EINVAL, "ibv_modify_qp", "state must be \"ERR\" or \"RESET\"");
  int rc = ibv_modify_qp(q->qp, &a, IBV_QP_STATE);
  if (rc) return errResult(env, rc, "ibv_modify_qp", st);
  return okResult(env, env.Undefined());
}

static const char* qpStateName(ibv_qp_state st) {
  switch (st) {
    case IBV_QPS_RESET: return "reset";
    case IBV_QPS_INIT: return "init";
    case IBV_QPS_RTR: return "rtr";
    case IBV_QPS_RTS: return "rts";
    case IBV_QPS_SQD: return "sqd";
    case IBV_QPS_SQE: return "sqe";
    case IBV_QPS_ERR: return "err";
    default: return "unknown";
  }
}

Napi::Value QueryQpState(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* q = registry().find(handleArg(info, 0), Kind::Qp, "ibv_query_qp", f);
  if (!q) return errResult(env, f);
  ibv_qp_attr a;
  ibv_qp_init_attr ia;
  int rc = ibv_query_qp(q->qp, &a, IBV_QP_STATE, &ia);
  if (rc) return errResult(env, rc, "ibv_query_qp");
  return okResult(env, Napi::String::New(env, qpStateName(a.qp_state)));
}

Napi::Value DestroyQp(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t h = handleArg(info, 0);
  Res* q = registry().find(h, Kind::Qp, "ibv_destroy_qp", f);
  if (!q) {
    if (f.err == EBADF) registry().erase(h);
    return errResult(env, f);
  }
  int rc = ibv_destroy_qp(q->qp);
  if (rc) return errResult(env, rc, "ibv_destroy_qp");
  releaseQpRefs(h);
  registry().erase(h);
  return okResult(env, env.Undefined());
}

namespace {

// Resolves one {mr, offset, length} to a scatter/gather entry inside a live MR of the QP's context.
bool sgeFrom(const Napi::Object& o, const Res& qp, ibv_sge& sge, const char* verb, Failure& f) {
  uint32_t mh = static_cast<uint32_t>(intProp(o, "mr", 0));
  Res* mr = registry().find(mh, Kind::Mr, verb, f);
  if (!mr) return false;
  if (mr->ctx != qp.ctx) { f = {EINVAL, verb, "MR belongs to another context"}; return false; }
  double off = numProp(o, "offset", 0), len = numProp(o, "length", static_cast<double>(mr->len));
  if (off < 0 || len < 0 || off + len > static_cast<double>(mr->len)) { f = {EINVAL, verb, "SGE outside its MR"}; return false; }
  sge.addr = reinterpret_cast<uintptr_t>(mr->buf) + static_cast<uint64_t>(off);
  sge.length = static_cast<uint32_t>(len);
  sge.lkey = mr->mr->lkey;
  return true;
}

constexpr int kMaxSge = 4;

// The work request's SGEs: `sge: [{mr, offset, length}, ...]`, or the single entry's fields inline.
int sgeList(const Napi::Object& o, const Res& qp, ibv_sge* out, const char* verb, Failure& f) {
  Napi::Value list = o.Get("sge");
  if (!list.IsArray()) return sgeFrom(o, qp, out[0], verb, f) ? 1 : -1;
  Napi::Array a = list.As<Napi::Array>();
  if (a.Length() > kMaxSge) { f = {EINVAL, verb, "more than 4 SGEs"}; return -1; }
  for (uint32_t i = 0; i < a.Length(); i++) {
    Napi::Value e = a.Get(i);
    if (!e.IsObject()) { f = {EINVAL, verb, "SGE must be an object"}; return -1; }
    if (!sgeFrom(e.As<Napi::Object>(), qp, out[i], verb, f)) return -1;
  }
  return static_cast<int>(a.Length());
}

}  // namespace

// postSend(qp, {wrId, opcode: "SEND"|"SEND_WITH_IMM"|"RDMA_WRITE"|"RDMA_WRITE_WITH_IMM"|"RDMA_READ",
//               mr, offset, length, signaled, remoteAddr, rkey, imm})
Napi::Value PostSend(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* q = registry().find(handleArg(info, 0), Kind::Qp, "ibv_post_send", f);
  if (!q) return errResult(env, f);
  Napi::Object o = optsArg(info, 1);
  ibv_sge sge[kMaxSge];
  int nsge = sgeList(o, *q, sge, "ibv_post_send", f);
  if (nsge < 0) return errResult(env, f);
  ibv_send_wr wr, *bad = nullptr;
  memset(&wr, 0, sizeof wr);
  wr.wr_id = wrIdProp(o);
  wr.sg_list = sge;
  wr.num_sge = nsge;
  Napi::Value sig = o.Get("signaled");
  wr.send_flags = (sig.IsBoolean() && !sig.As<Napi::Boolean>().Value()) ? 0 : IBV_SEND_SIGNALED;
  std::string op = o.Get("opcode").IsString() ? o.Get("opcode").As<Napi::String>().Utf8Value() : "SEND";
  if (op == "SEND") wr.opcode = IBV_WR_SEND;
  else if (op == "SEND_WITH_IMM") wr.opcode = IBV_WR_SEND_WITH_IMM;
  else if (op == "RDMA_WRITE") wr.opcode = IBV_WR_RDMA_WRITE;
  else if (op == "RDMA_WRITE_WITH_IMM") wr.opcode = IBV_WR_RDMA_WRITE_WITH_IMM;
  else if (op == "RDMA_READ") wr.opcode = IBV_WR_RDMA_READ;
  else return errResult(env, EINVAL, "ibv_post_send", "unknown opcode " + op);
  if (wr.opcode == IBV_WR_SEND_WITH_IMM || wr.opcode == IBV_WR_RDMA_WRITE_WITH_IMM)
    wr.imm_data = htonl(static_cast<uint32_t>(numProp(o, "imm", 0)));
  if (wr.opcode != IBV_WR_SEND && wr.opcode != IBV_WR_SEND_WITH_IMM) {
    wr.wr.rdma.remote_addr = static_cast<uint64_t>(numProp(o, "remoteAddr", 0));
    wr.wr.rdma.rkey = static_cast<uint32_t>(numProp(o, "rkey", 0));
  }
  int rc = ibv_post_send(q->qp, &wr, &bad);
  if (rc) return errResult(env, rc, "ibv_post_send");
  return okResult(env, env.Undefined());
}

// postRecv(qp, {wrId, mr, offset, length})
Napi::Value PostRecv(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* q = registry().find(handleArg(info, 0), Kind::Qp, "ibv_post_recv", f);
  if (!q) return errResult(env, f);
  Napi::Object o = optsArg(info, 1);
  ibv_sge sge[kMaxSge];
  int nsge = sgeList(o, *q, sge, "ibv_post_recv", f);
  if (nsge < 0) return errResult(env, f);
  ibv_recv_wr wr, *bad = nullptr;
  memset(&wr, 0, sizeof wr);
  wr.wr_id = wrIdProp(o);
  wr.sg_list = sge;
  wr.num_sge = nsge;
  int rc = ibv_post_recv(q->qp, &wr, &bad);
  if (rc) return errResult(env, rc, "ibv_post_recv");
  return okResult(env, env.Undefined());
}

static const char* wcOpcodeName(ibv_wc_opcode op) {
  switch (op) {
    case IBV_WC_SEND: return "SEND";
    case IBV_WC_RDMA_WRITE: return "RDMA_WRITE";
    case IBV_WC_RDMA_READ: return "RDMA_READ";
    case IBV_WC_RECV: return "RECV";
    case IBV_WC_RECV_RDMA_WITH_IMM: return "RECV_RDMA_WITH_IMM";
    default: return "OTHER";
  }
}

// pollCq(cq, max) -> [{wrId, status, statusName, opcode, byteLen, qpNum, imm?}]
Napi::Value PollCq(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* c = registry().find(handleArg(info, 0), Kind::Cq, "ibv_poll_cq", f);
  if (!c) return errResult(env, f);
  int max = info.Length() > 1 && info[1].IsNumber() ? info[1].As<Napi::Number>().Int32Value() : 16;
  if (max <= 0 || max > 256) return errResult(env, EINVAL, "ibv_poll_cq", "max must be 1..256");
  ibv_wc wc[256];
  int n = ibv_poll_cq(c->cq, max, wc);
  if (n < 0) return errResult(env, EIO, "ibv_poll_cq");  // the provider returns -1 without errno
  Napi::Array out = Napi::Array::New(env, n);
  for (int i = 0; i < n; i++) {
    Napi::Object w = Napi::Object::New(env);
    w.Set("wrId", Napi::BigInt::New(env, static_cast<uint64_t>(wc[i].wr_id)));
    w.Set("status", static_cast<int>(wc[i].status));
    w.Set("statusName", ibv_wc_status_str(wc[i].status));
    w.Set("opcode", wc[i].status == IBV_WC_SUCCESS ? wcOpcodeName(wc[i].opcode) : "UNKNOWN");  // opcode is undefined on error
    w.Set("byteLen", wc[i].byte_len);
    w.Set("qpNum", wc[i].qp_num);
    if (wc[i].wc_flags & IBV_WC_WITH_IMM) w.Set("imm", ntohl(wc[i].imm_data));
    out.Set(i, w);
  }
  return okResult(env, out);
}

// reqNotifyCq(cq, solicitedOnly): arm the CQ; the next completion arrives as a "completion" event
// on its channel's callback. The channel's thread-safe function is referenced until then, so
// awaiting a completion keeps the process alive.
Napi::Value ReqNotifyCq(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* c = registry().find(handleArg(info, 0), Kind::Cq, "ibv_req_notify_cq", f);
  if (!c) return errResult(env, f);
  Res* chan = registry().raw(c->parent);
  if (!chan || !chan->pump) return errResult(env, EINVAL, "ibv_req_notify_cq", "CQ has no completion channel");
  bool solicited = info.Length() > 1 && info[1].IsBoolean() && info[1].As<Napi::Boolean>().Value();
  int rc = ibv_req_notify_cq(c->cq, solicited ? 1 : 0);
  if (rc) return errResult(env, rc, "ibv_req_notify_cq");
  chan->pump->ref(env);
  return okResult(env, env.Undefined());
}

}  // namespace rdsib
