// rdsib_verbs: libibverbs for the rdsib implementation (issue #6).
// This file: module init, devices and contexts, PDs, MRs, completion channels and CQs.
// QPs and the data path are in qp.cc, the event threads in pump.cc, handles in registry.cc.
#include <arpa/inet.h>
#include <endian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "ops.h"
#include "pump.h"
#include "registry.h"

namespace rdsib {
namespace {

Napi::Object deviceInfo(Napi::Env env, ibv_device* d) {
  Napi::Object o = Napi::Object::New(env);
  char guid[17];
  snprintf(guid, sizeof guid, "%016llx", static_cast<unsigned long long>(be64toh(ibv_get_device_guid(d))));
  o.Set("name", ibv_get_device_name(d));
  o.Set("guid", guid);
  o.Set("nodeType", ibv_node_type_str(d->node_type));
  o.Set("ibdevPath", d->ibdev_path);
  o.Set("devPath", d->dev_path);
  return o;
}

}  // namespace

// ibv_get_device_list rescans sysfs on every call (rdma-core "Device hot plug support"), which makes
// it usable as a removal signal: a device being deleted disappears from it before its sysfs entry
// goes (measured on rxe, shared/design/rxe-vm.md §1).
Napi::Value GetDeviceList(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int n = 0;
  errno = 0;
  ibv_device** list = ibv_get_device_list(&n);
  Napi::Array arr = Napi::Array::New(env);
  if (!list) {
    // NULL + ENOSYS: the kernel has no RDMA support at all (no infiniband_verbs class). That is an
    // empty device list, exactly what the simulated backend reports with no device.
    if (errno == ENOSYS || errno == 0) return okResult(env, arr);
    return errResult(env, errno, "ibv_get_device_list");
  }
  for (int i = 0; i < n; i++) arr.Set(i, deviceInfo(env, list[i]));
  ibv_free_device_list(list);
  return okResult(env, arr);
}

Napi::Value OpenDevice(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) return errResult(env, EINVAL, "ibv_open_device", "device name must be a string");
  std::string name = info[0].As<Napi::String>();
  int n = 0;
  errno = 0;
  ibv_device** list = ibv_get_device_list(&n);
  ibv_device* dev = nullptr;
  for (int i = 0; list && i < n; i++)
    if (name == ibv_get_device_name(list[i])) dev = list[i];
  if (!dev) {
    if (list) ibv_free_device_list(list);
    return errResult(env, ENODEV, "ibv_open_device", "no RDMA device named '" + name + "'");
  }
  errno = 0;
  ibv_context* ctx = ibv_open_device(dev);
  int err = errno ? errno : EIO;
  ibv_free_device_list(list);  // the context keeps its own reference to the device
  if (!ctx) return errResult(env, err, "ibv_open_device", name);
  Res r{Kind::Context};
  r.context = ctx;
  r.name = name;
  if (info.Length() > 1 && info[1].IsFunction()) r.pump = Pump::startAsync(env, ctx, info[1].As<Napi::Function>());
  return okResult(env, Napi::Number::New(env, registry().add(std::move(r))));
}

// Forced close (process teardown): destroys what the context still owns, in the order uverbs uses
// when its file is closed (QPs before CQs, MRs before PDs), so the device is released even when the
// caller leaked objects (rxe's unregister waits for that, shared/design/rxe-vm.md §1). The handles
// stay registered as dead: later calls on them get EBADF, once.
static int destroyChild(Res& r) {
  int rc = 0;
  switch (r.kind) {
    case Kind::Qp: rc = ibv_destroy_qp(r.qp); break;
    case Kind::Cq: rc = ibv_destroy_cq(r.cq); break;
    case Kind::Mr:
      rc = ibv_dereg_mr(r.mr);
      free(r.buf);
      r.buf = nullptr;
      break;
    case Kind::Pd: rc = ibv_dealloc_pd(r.pd); break;
    case Kind::Channel:
      if (r.pump) { r.pump->stop(); delete r.pump; r.pump = nullptr; }
      rc = ibv_destroy_comp_channel(r.channel);
      break;
    case Kind::Context: break;
  }
  r.dead = true;
  r.qp = nullptr; r.cq = nullptr; r.mr = nullptr; r.pd = nullptr; r.channel = nullptr;
  return rc;
}

static int closeContext(uint32_t h, int forced[6]) {
  Registry& reg = registry();
  std::vector<uint32_t> kids = reg.childrenOf(h);
  for (Kind k : {Kind::Qp, Kind::Cq, Kind::Mr, Kind::Pd, Kind::Channel})
    for (uint32_t c : kids) {
      Res* r = reg.raw(c);
      if (r && r->kind == k && !r->dead) {
        destroyChild(*r);
        forced[static_cast<int>(k)]++;
      }
    }
  Res* c = reg.raw(h);
  if (c->pump) { c->pump->stop(); delete c->pump; c->pump = nullptr; }
  int rc = ibv_close_device(c->context);
  reg.erase(h);
  return rc;
}

// closeDevice(ctx, force): without force, a context that still owns objects is refused with EBUSY
// (the Verbs contract: leaks must be visible, as in the simulated backend); with force (process
// teardown), everything it owns is destroyed first.
Napi::Value CloseDevice(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t h = handleArg(info, 0);
  if (!registry().find(h, Kind::Context, "ibv_close_device", f)) return errResult(env, f);
  bool force = info.Length() > 1 && info[1].IsBoolean() && info[1].As<Napi::Boolean>().Value();
  int live[6];
  registry().count(h, live);
  int owned = 0;
  for (int x : live) owned += x;
  if (owned && !force) {
    std::string what;
    for (Kind k : {Kind::Pd, Kind::Mr, Kind::Cq, Kind::Qp, Kind::Channel})
      if (live[static_cast<int>(k)]) what += (what.empty() ? "" : ", ") + std::to_string(live[static_cast<int>(k)]) + " " + kindName(k);
    return errResult(env, EBUSY, "ibv_close_device", "the context still owns " + what);
  }
  int forced[6];
  for (int& x : forced) x = 0;
  int rc = closeContext(h, forced);
  if (rc) return errResult(env, errno ? errno : EIO, "ibv_close_device");
  Napi::Object o = Napi::Object::New(env);
  for (Kind k : {Kind::Pd, Kind::Mr, Kind::Cq, Kind::Qp, Kind::Channel}) o.Set(kindName(k), forced[static_cast<int>(k)]);
  return okResult(env, o);
}

namespace {

Napi::Value QueryDevice(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* c = registry().find(handleArg(info, 0), Kind::Context, "ibv_query_device", f);
  if (!c) return errResult(env, f);
  ibv_device_attr a;
  int rc = ibv_query_device(c->context, &a);
  if (rc) return errResult(env, rc, "ibv_query_device");
  Napi::Object o = Napi::Object::New(env);
  o.Set("name", c->name);
  o.Set("fwVer", a.fw_ver);
  o.Set("vendorId", a.vendor_id);
  o.Set("physPortCnt", a.phys_port_cnt);
  o.Set("maxQp", a.max_qp);
  o.Set("maxQpWr", a.max_qp_wr);
  o.Set("maxCq", a.max_cq);
  o.Set("maxCqe", a.max_cqe);
  o.Set("maxMr", a.max_mr);
  o.Set("maxPd", a.max_pd);
  o.Set("maxSge", a.max_sge);
  return okResult(env, o);
}

const char* mtuName(ibv_mtu m) {
  switch (m) {
    case IBV_MTU_256: return "256";
    case IBV_MTU_512: return "512";
    case IBV_MTU_1024: return "1024";
    case IBV_MTU_2048: return "2048";
    case IBV_MTU_4096: return "4096";
  }
  return "?";
}

Napi::Value QueryPort(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* c = registry().find(handleArg(info, 0), Kind::Context, "ibv_query_port", f);
  if (!c) return errResult(env, f);
  int port = info.Length() > 1 && info[1].IsNumber() ? info[1].As<Napi::Number>().Int32Value() : 1;
  ibv_port_attr a;
  int rc = ibv_query_port(c->context, port, &a);
  if (rc) return errResult(env, rc, "ibv_query_port");
  Napi::Object o = Napi::Object::New(env);
  o.Set("port", port);
  o.Set("state", ibv_port_state_str(a.state));
  o.Set("stateNum", static_cast<int>(a.state));
  o.Set("activeMtu", mtuName(a.active_mtu));
  o.Set("lid", a.lid);
  o.Set("gidTblLen", a.gid_tbl_len);
  o.Set("linkLayer", a.link_layer == IBV_LINK_LAYER_ETHERNET ? "Ethernet" : "InfiniBand");
  return okResult(env, o);
}

Napi::Value QueryGid(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* c = registry().find(handleArg(info, 0), Kind::Context, "ibv_query_gid", f);
  if (!c) return errResult(env, f);
  int port = info.Length() > 1 && info[1].IsNumber() ? info[1].As<Napi::Number>().Int32Value() : 1;
  int index = info.Length() > 2 && info[2].IsNumber() ? info[2].As<Napi::Number>().Int32Value() : 0;
  ibv_gid gid;
  int rc = ibv_query_gid(c->context, port, index, &gid);
  if (rc) return errResult(env, errno ? errno : EINVAL, "ibv_query_gid");
  // 32 hex digits, the form the Verbs contract exchanges in QpDest (an IPv4-mapped RoCE GID such as
  // ::ffff:127.0.0.1 reads 00000000000000000000ffff7f000001).
  char text[33];
  for (int i = 0; i < 16; i++) snprintf(text + 2 * i, 3, "%02x", gid.raw[i]);
  return okResult(env, Napi::String::New(env, text));
}

Napi::Value AllocPd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t ch = handleArg(info, 0);
  Res* c = registry().find(ch, Kind::Context, "ibv_alloc_pd", f);
  if (!c) return errResult(env, f);
  errno = 0;
  ibv_pd* pd = ibv_alloc_pd(c->context);
  if (!pd) return errResult(env, errno ? errno : ENOMEM, "ibv_alloc_pd");
  Res r{Kind::Pd};
  r.ctx = ch;
  r.pd = pd;
  return okResult(env, Napi::Number::New(env, registry().add(std::move(r))));
}

// A handle whose context is closed answers EBADF once and is then forgotten, so that a second
// destroy of the same handle is the plain "no such object" EINVAL of a double free.
Napi::Value deadOrMissing(Napi::Env env, uint32_t h, const Failure& f) {
  if (f.err == EBADF) registry().erase(h);
  return errResult(env, f);
}

Napi::Value DeallocPd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t h = handleArg(info, 0);
  Res* r = registry().find(h, Kind::Pd, "ibv_dealloc_pd", f);
  if (!r) return deadOrMissing(env, h, f);
  // The kernel answers EBUSY too (ib_dealloc_pd's usecnt); checking first keeps the answer the
  // same on every provider and matches the simulated backend.
  if (r->users > 0) return errResult(env, EBUSY, "ibv_dealloc_pd", std::to_string(r->users) + " MR(s)/QP(s) still use this PD");
  int rc = ibv_dealloc_pd(r->pd);
  if (rc) return errResult(env, rc, "ibv_dealloc_pd");
  registry().erase(h);
  return okResult(env, env.Undefined());
}

Napi::Value RegMr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t ph = handleArg(info, 0);
  Res* pd = registry().find(ph, Kind::Pd, "ibv_reg_mr", f);
  if (!pd) return errResult(env, f);
  if (info.Length() < 2 || !info[1].IsNumber()) return errResult(env, EINVAL, "ibv_reg_mr", "length must be a number");
  int64_t len = info[1].As<Napi::Number>().Int64Value();
  if (len <= 0 || len > (1LL << 30)) return errResult(env, EINVAL, "ibv_reg_mr", "length out of range (1 B .. 1 GiB)");
  int access = info.Length() > 2 && info[2].IsNumber()
                   ? info[2].As<Napi::Number>().Int32Value()
                   : (IBV_ACCESS_LOCAL_WRITE | IBV_ACCESS_REMOTE_WRITE | IBV_ACCESS_REMOTE_READ);
  size_t size = (static_cast<size_t>(len) + 4095) & ~static_cast<size_t>(4095);
  void* buf = aligned_alloc(4096, size);
  if (!buf) return errResult(env, ENOMEM, "ibv_reg_mr");
  memset(buf, 0, size);
  errno = 0;
  ibv_mr* mr = ibv_reg_mr(pd->pd, buf, static_cast<size_t>(len), access);
  if (!mr) {
    int err = errno ? errno : EINVAL;
    free(buf);
    return errResult(env, err, "ibv_reg_mr");
  }
  pd->users++;
  Res r{Kind::Mr};
  r.ctx = pd->ctx;
  r.parent = ph;
  r.mr = mr;
  r.buf = buf;
  r.len = static_cast<size_t>(len);
  uint32_t h = registry().add(std::move(r));
  Napi::Object o = Napi::Object::New(env);
  o.Set("handle", h);
  o.Set("lkey", mr->lkey);
  o.Set("rkey", mr->rkey);
  o.Set("addr", static_cast<double>(reinterpret_cast<uintptr_t>(buf)));  // < 2^47 on x86-64: exact
  o.Set("length", static_cast<double>(len));
  return okResult(env, o);
}

Napi::Value DeregMr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t h = handleArg(info, 0);
  Res* r = registry().find(h, Kind::Mr, "ibv_dereg_mr", f);
  if (!r) return deadOrMissing(env, h, f);
  int rc = ibv_dereg_mr(r->mr);
  if (rc) return errResult(env, rc, "ibv_dereg_mr");
  free(r->buf);
  if (Res* pd = registry().raw(r->parent)) pd->users--;
  registry().erase(h);
  return okResult(env, env.Undefined());
}

// Copies between JS and an MR's memory (the addon owns the memory so the GC can never free a
// buffer the HCA may still write to).
Napi::Value MrWrite(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* r = registry().find(handleArg(info, 0), Kind::Mr, "mr_write", f);
  if (!r) return errResult(env, f);
  if (info.Length() < 3 || !info[1].IsNumber() || !info[2].IsBuffer()) return errResult(env, EINVAL, "mr_write", "expected (mr, offset, Buffer)");
  int64_t off = info[1].As<Napi::Number>().Int64Value();
  auto data = info[2].As<Napi::Buffer<uint8_t>>();
  if (off < 0 || static_cast<size_t>(off) + data.Length() > r->len) return errResult(env, EINVAL, "mr_write", "outside the MR");
  memcpy(static_cast<uint8_t*>(r->buf) + off, data.Data(), data.Length());
  return okResult(env, env.Undefined());
}

Napi::Value MrRead(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  Res* r = registry().find(handleArg(info, 0), Kind::Mr, "mr_read", f);
  if (!r) return errResult(env, f);
  if (info.Length() < 3 || !info[1].IsNumber() || !info[2].IsNumber()) return errResult(env, EINVAL, "mr_read", "expected (mr, offset, length)");
  int64_t off = info[1].As<Napi::Number>().Int64Value();
  int64_t len = info[2].As<Napi::Number>().Int64Value();
  if (off < 0 || len < 0 || static_cast<size_t>(off + len) > r->len) return errResult(env, EINVAL, "mr_read", "outside the MR");
  return okResult(env, Napi::Buffer<uint8_t>::Copy(env, static_cast<uint8_t*>(r->buf) + off, static_cast<size_t>(len)));
}

Napi::Value CreateCompChannel(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t ch = handleArg(info, 0);
  Res* c = registry().find(ch, Kind::Context, "ibv_create_comp_channel", f);
  if (!c) return errResult(env, f);
  if (info.Length() < 2 || !info[1].IsFunction()) return errResult(env, EINVAL, "ibv_create_comp_channel", "a completion callback is required");
  errno = 0;
  ibv_comp_channel* chan = ibv_create_comp_channel(c->context);
  if (!chan) return errResult(env, errno ? errno : ENOMEM, "ibv_create_comp_channel");
  Res r{Kind::Channel};
  r.ctx = ch;
  r.channel = chan;
  uint32_t h = registry().add(std::move(r));
  registry().raw(h)->pump = Pump::startChannel(env, chan, info[1].As<Napi::Function>(), h);
  return okResult(env, Napi::Number::New(env, h));
}

Napi::Value DestroyCompChannel(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t h = handleArg(info, 0);
  Res* r = registry().find(h, Kind::Channel, "ibv_destroy_comp_channel", f);
  if (!r) return deadOrMissing(env, h, f);
  if (r->users > 0) return errResult(env, EBUSY, "ibv_destroy_comp_channel", std::to_string(r->users) + " CQ(s) still use it");
  if (r->pump) { r->pump->stop(); delete r->pump; r->pump = nullptr; }
  int rc = ibv_destroy_comp_channel(r->channel);
  registry().erase(h);
  if (rc) return errResult(env, errno ? errno : EIO, "ibv_destroy_comp_channel");
  return okResult(env, env.Undefined());
}

Napi::Value CreateCq(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t ch = handleArg(info, 0);
  Res* c = registry().find(ch, Kind::Context, "ibv_create_cq", f);
  if (!c) return errResult(env, f);
  int cqe = info.Length() > 1 && info[1].IsNumber() ? info[1].As<Napi::Number>().Int32Value() : 0;
  if (cqe <= 0) return errResult(env, EINVAL, "ibv_create_cq", "cqe must be a positive number");
  uint32_t chanH = handleArg(info, 2);
  Res* chan = nullptr;
  if (chanH) {
    chan = registry().find(chanH, Kind::Channel, "ibv_create_cq", f);
    if (!chan) return errResult(env, f);
    if (chan->ctx != ch) return errResult(env, EINVAL, "ibv_create_cq", "completion channel belongs to another context");
  }
  ibv_context* ctx = c->context;
  ibv_comp_channel* chp = chan ? chan->channel : nullptr;
  Res r{Kind::Cq};
  r.ctx = ch;
  r.parent = chanH;
  uint32_t h = registry().add(std::move(r));  // add first: the handle is the CQ's cq_context
  errno = 0;
  ibv_cq* cq = ibv_create_cq(ctx, cqe, reinterpret_cast<void*>(static_cast<uintptr_t>(h)), chp, 0);
  if (!cq) {
    int err = errno ? errno : ENOMEM;
    registry().erase(h);
    return errResult(env, err, "ibv_create_cq");
  }
  registry().raw(h)->cq = cq;
  if (chanH) registry().raw(chanH)->users++;
  return okResult(env, Napi::Number::New(env, h));
}

Napi::Value DestroyCq(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t h = handleArg(info, 0);
  Res* r = registry().find(h, Kind::Cq, "ibv_destroy_cq", f);
  if (!r) return deadOrMissing(env, h, f);
  if (r->users > 0) return errResult(env, EBUSY, "ibv_destroy_cq", std::to_string(r->users) + " QP(s) still use this CQ");
  int rc = ibv_destroy_cq(r->cq);
  if (rc) return errResult(env, rc, "ibv_destroy_cq");
  if (Res* chan = registry().raw(r->parent)) chan->users--;
  registry().erase(h);
  return okResult(env, env.Undefined());
}

// Live objects owned by a context, for leak checks: {pd, mr, cq, qp, comp_channel}.
Napi::Value Counts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Failure f;
  uint32_t h = handleArg(info, 0);
  if (!registry().find(h, Kind::Context, "counts", f)) return errResult(env, f);
  int n[6];
  registry().count(h, n);
  Napi::Object o = Napi::Object::New(env);
  for (Kind k : {Kind::Pd, Kind::Mr, Kind::Cq, Kind::Qp, Kind::Channel}) o.Set(kindName(k), n[static_cast<int>(k)]);
  return okResult(env, o);
}

Napi::Value Describe(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string kind = info.Length() > 1 && info[1].IsString() ? info[1].As<Napi::String>().Utf8Value() : "";
  std::string verb = info.Length() > 2 && info[2].IsString() ? info[2].As<Napi::String>().Utf8Value() : "describe";
  for (Kind k : {Kind::Context, Kind::Pd, Kind::Mr, Kind::Cq, Kind::Qp, Kind::Channel}) {
    if (kind != kindName(k)) continue;
    Failure f;
    Res* r = registry().find(handleArg(info, 0), k, verb.c_str(), f);
    if (!r) return errResult(env, f);
    Napi::Object o = Napi::Object::New(env);
    o.Set("kind", kindName(k));
    o.Set("ctx", r->ctx);
    return okResult(env, o);
  }
  return errResult(env, EINVAL, verb.c_str(), "unknown kind " + kind);
}

Napi::Value ErrnoName(const Napi::CallbackInfo& info) {
  int e = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().Int32Value() : 0;
  return Napi::String::New(info.Env(), errnoName(e));
}

// At environment teardown (process exit, worker exit) stop the event threads and close every
// context, so a thread never calls into a dead environment and the device is released.
void cleanup(void*) {
  for (uint32_t h : registry().contexts()) {
    int forced[6] = {0};
    closeContext(h, forced);
  }
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  const std::pair<const char*, Napi::Value (*)(const Napi::CallbackInfo&)> fns[] = {
      {"getDeviceList", GetDeviceList}, {"openDevice", OpenDevice}, {"closeDevice", CloseDevice},
      {"queryDevice", QueryDevice}, {"queryPort", QueryPort}, {"queryGid", QueryGid},
      {"allocPd", AllocPd}, {"deallocPd", DeallocPd}, {"regMr", RegMr}, {"deregMr", DeregMr},
      {"mrWrite", MrWrite}, {"mrRead", MrRead}, {"createCompChannel", CreateCompChannel},
      {"destroyCompChannel", DestroyCompChannel}, {"createCq", CreateCq}, {"destroyCq", DestroyCq},
      {"createQp", CreateQp}, {"connectQp", ConnectQp}, {"modifyQpState", ModifyQpState},
      {"queryQpState", QueryQpState}, {"destroyQp", DestroyQp}, {"postSend", PostSend}, {"postRecv", PostRecv}, {"pollCq", PollCq},
      {"reqNotifyCq", ReqNotifyCq}, {"counts", Counts}, {"describe", Describe}, {"errnoName", ErrnoName},
  };
  for (const auto& [name, fn] : fns) exports.Set(name, Napi::Function::New(env, fn, name));
  env.AddCleanupHook(cleanup, static_cast<void*>(nullptr));
  return exports;
}

}  // namespace
}  // namespace rdsib

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) { return rdsib::Init(env, exports); }
NODE_API_MODULE(rdsib_verbs, InitModule)
