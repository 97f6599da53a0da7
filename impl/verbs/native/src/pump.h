// A native thread that waits on one verbs file descriptor and hands each event to JS through a
// thread-safe function. Two uses:
//  - async events: ibv_get_async_event on a context's async_fd;
//  - completion events: ibv_get_cq_event on a completion channel's fd.
// Each event is acked on the pump thread right after it has been copied (ibv_ack_async_event /
// ibv_ack_cq_events), so a later ibv_destroy_cq / ibv_destroy_qp on the main thread never waits
// for an ack that JS still owes (verbs(3): destroy blocks until all events are acked).
#pragma once
#include <infiniband/verbs.h>
#include <napi.h>
#include <thread>

namespace rdsib {

struct PumpEvent {
  bool async = true;      // async event (else a completion event)
  int type = 0;           // enum ibv_event_type
  uint32_t qpNum = 0;     // element for QP events
  uint32_t cqHandle = 0;  // completion event: the CQ's handle (stored in cq_context); CQ async events too
  int port = 0;           // element for port events
  int err = 0;            // the pump stopped on this errno
  uint32_t owner = 0;     // completion events: the channel's handle
};

class Pump {
 public:
  // Starts the thread. `fd` is the async_fd or the channel fd; `callback` gets one object per event.
  static Pump* startAsync(Napi::Env env, ibv_context* ctx, Napi::Function callback);
  static Pump* startChannel(Napi::Env env, ibv_comp_channel* ch, Napi::Function callback, uint32_t owner);
  // Wakes the thread through its stop pipe, joins it and releases the thread-safe function.
  // Must be called on the main thread before the fd's owner is destroyed.
  void stop();
  // Keeps the event loop alive while JS waits for a completion it has armed (ibv_req_notify_cq).
  void ref(Napi::Env env);
  void unref(Napi::Env env);
  ~Pump();

 private:
  Pump() = default;
  void run();
  bool isAsync_ = true;
  ibv_context* ctx_ = nullptr;
  ibv_comp_channel* ch_ = nullptr;
  int fd_ = -1;
  uint32_t owner_ = 0;
  int stop_[2] = {-1, -1};
  bool refd_ = false;
  std::thread thread_;
  Napi::ThreadSafeFunction tsfn_;
};

}  // namespace rdsib
