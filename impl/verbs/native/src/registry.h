// Handle table between JS and libibverbs objects.
//
// JS never holds a raw pointer: every verbs object is an opaque integer handle looked up here, so
// a call on a destroyed object, a double dereg or a call on a closed context is an errno result
// instead of a use-after-free in the process (the "misuse never crashes" rule).
#pragma once
#include <infiniband/verbs.h>
#include <napi.h>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace rdsib {

class Pump;

enum class Kind : uint8_t { Context, Pd, Mr, Cq, Qp, Channel };
const char* kindName(Kind k);

struct Res {
  Kind kind;
  uint32_t ctx = 0;      // owning context handle (its own handle for a Context)
  bool dead = false;     // the owning context was closed while this object was still registered
  int users = 0;         // PD: MRs + QPs on it; CQ: QPs on it; Channel: CQs on it
  uint32_t parent = 0;   // MR, QP: the PD; CQ: the completion channel (0 = none)
  uint32_t sendCq = 0, recvCq = 0;  // QP only
  ibv_context* context = nullptr;
  ibv_pd* pd = nullptr;
  ibv_mr* mr = nullptr;
  void* buf = nullptr;   // MR memory, owned by the addon (JS copies in and out)
  size_t len = 0;
  ibv_cq* cq = nullptr;
  ibv_qp* qp = nullptr;
  ibv_comp_channel* channel = nullptr;
  Pump* pump = nullptr;  // Context: async-event thread; Channel: completion-event thread
  std::string name;      // Context: device name
};

// A failed verb: errno plus the verb's name, turned into {ok:false, errno, name, verb, message}.
struct Failure {
  int err = 0;
  std::string verb;
  std::string detail;
  bool failed() const { return err != 0; }
};

Napi::Object okResult(Napi::Env env, Napi::Value value);
Napi::Object errResult(Napi::Env env, const Failure& f);
Napi::Object errResult(Napi::Env env, int err, const char* verb, const std::string& detail = "");
const char* errnoName(int err);

class Registry {
 public:
  uint32_t add(Res r);
  // Looks the handle up and checks its kind and liveness. On failure fills `f` and returns nullptr:
  // EINVAL for an unknown handle (never created, or already destroyed: double free), or one of
  // another kind; EBADF for a closed context, or an object whose context was force-closed.
  Res* find(uint32_t h, Kind k, const char* verb, Failure& f);
  Res* raw(uint32_t h);
  void erase(uint32_t h);
  std::vector<uint32_t> childrenOf(uint32_t ctx) const;
  // Counts of live objects of each kind owned by a context (for leak checks from tests).
  void count(uint32_t ctx, int out[6]) const;
  std::vector<uint32_t> contexts() const;

 private:
  std::unordered_map<uint32_t, Res> table_;
  uint32_t next_ = 1;
};

Registry& registry();
uint32_t handleArg(const Napi::CallbackInfo& info, size_t i);

}  // namespace rdsib
