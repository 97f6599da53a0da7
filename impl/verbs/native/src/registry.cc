#include "registry.h"

#include <cerrno>
#include <cstring>

namespace rdsib {

const char* kindName(Kind k) {
  switch (k) {
    case Kind::Context: return "context";
    case Kind::Pd: return "pd";
    case Kind::Mr: return "mr";
    case Kind::Cq: return "cq";
    case Kind::Qp: return "qp";
    case Kind::Channel: return "comp_channel";
  }
  return "?";
}

const char* errnoName(int err) {
  // glibc >= 2.32; Debian 12 ships 2.36.
  const char* n = strerrorname_np(err);
  return n ? n : "EUNKNOWN";
}

Napi::Object okResult(Napi::Env env, Napi::Value value) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("ok", true);
  o.Set("value", value);
  return o;
}

Napi::Object errResult(Napi::Env env, int err, const char* verb, const std::string& detail) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("ok", false);
  o.Set("errno", err);
  o.Set("name", errnoName(err));
  o.Set("verb", verb);
  std::string msg = std::string(verb) + ": " + errnoName(err) + " (" + strerror(err) + ")";
  if (!detail.empty()) msg += ": " + detail;
  o.Set("message", msg);
  return o;
}

Napi::Object errResult(Napi::Env env, const Failure& f) {
  return errResult(env, f.err, f.verb.c_str(), f.detail);
}

uint32_t Registry::add(Res r) {
  uint32_t h = next_++;
  if (r.kind == Kind::Context) r.ctx = h;
  table_.emplace(h, std::move(r));
  return h;
}

Res* Registry::raw(uint32_t h) {
  auto it = table_.find(h);
  return it == table_.end() ? nullptr : &it->second;
}

Res* Registry::find(uint32_t h, Kind k, const char* verb, Failure& f) {
  Res* r = raw(h);
  if (!r || r->kind != k) {
    // A closed (or never opened) context is EBADF, as for the closed uverbs file behind it; any
    // other unknown object is EINVAL. Same rule as the simulated backend.
    f = {k == Kind::Context ? EBADF : EINVAL, verb, std::string("no live ") + kindName(k) + " with handle " + std::to_string(h)};
    return nullptr;
  }
  if (r->dead) {
    f = {EBADF, verb, std::string(kindName(k)) + " " + std::to_string(h) + " belongs to a closed context"};
    return nullptr;
  }
  return r;
}

void Registry::erase(uint32_t h) { table_.erase(h); }

std::vector<uint32_t> Registry::childrenOf(uint32_t ctx) const {
  std::vector<uint32_t> out;
  for (const auto& [h, r] : table_)
    if (r.ctx == ctx && h != ctx) out.push_back(h);
  return out;
}

void Registry::count(uint32_t ctx, int out[6]) const {
  for (int i = 0; i < 6; i++) out[i] = 0;
  for (const auto& [h, r] : table_)
    if (r.ctx == ctx && h != ctx && !r.dead) out[static_cast<int>(r.kind)]++;
}

std::vector<uint32_t> Registry::contexts() const {
  std::vector<uint32_t> out;
  for (const auto& [h, r] : table_)
    if (r.kind == Kind::Context) out.push_back(h);
  return out;
}

Registry& registry() {
  static Registry r;
  return r;
}

uint32_t handleArg(const Napi::CallbackInfo& info, size_t i) {
  if (info.Length() <= i || !info[i].IsNumber()) return 0;  // 0 is never a valid handle
  return info[i].As<Napi::Number>().Uint32Value();
}

}  // namespace rdsib
