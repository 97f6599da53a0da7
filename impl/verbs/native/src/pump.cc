#include "pump.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include "registry.h"

namespace rdsib {

static void deliver(Napi::Env env, Napi::Function cb, PumpEvent* ev) {
  if (env != nullptr && cb != nullptr) {
    Napi::Object o = Napi::Object::New(env);
    if (ev->err) {
      o.Set("kind", "pump_error");
      o.Set("errno", ev->err);
      o.Set("name", errnoName(ev->err));
    } else if (ev->async) {
      o.Set("kind", "async");
      o.Set("type", ev->type);
      o.Set("typeName", ibv_event_type_str(static_cast<ibv_event_type>(ev->type)));
      if (ev->qpNum) o.Set("qpNum", ev->qpNum);
      if (ev->cqHandle) o.Set("cq", ev->cqHandle);
      if (ev->port) o.Set("port", ev->port);
    } else {
      // The armed notification fired: stop holding the event loop open for it (see Pump::ref).
      Res* ch = registry().raw(ev->owner);
      if (ch && ch->kind == Kind::Channel && ch->pump) ch->pump->unref(env);
      o.Set("kind", "completion");
      o.Set("cq", ev->cqHandle);
    }
    cb.Call({o});
  }
  delete ev;
}

Pump* Pump::startAsync(Napi::Env env, ibv_context* ctx, Napi::Function callback) {
  Pump* p = new Pump();
  p->isAsync_ = true;
  p->ctx_ = ctx;
  p->fd_ = ctx->async_fd;
  if (pipe2(p->stop_, O_CLOEXEC) != 0) { delete p; return nullptr; }
  p->tsfn_ = Napi::ThreadSafeFunction::New(env, callback, "rdsib-async-events", 0, 1);
  p->tsfn_.Unref(env);  // async events alone must not keep the process alive
  p->thread_ = std::thread([p] { p->run(); });
  return p;
}

Pump* Pump::startChannel(Napi::Env env, ibv_comp_channel* ch, Napi::Function callback, uint32_t owner) {
  Pump* p = new Pump();
  p->owner_ = owner;
  p->isAsync_ = false;
  p->ch_ = ch;
  p->fd_ = ch->fd;
  if (pipe2(p->stop_, O_CLOEXEC) != 0) { delete p; return nullptr; }
  p->tsfn_ = Napi::ThreadSafeFunction::New(env, callback, "rdsib-cq-events", 0, 1);
  p->tsfn_.Unref(env);  // referenced only while a notification is armed (see ref())
  p->thread_ = std::thread([p] { p->run(); });
  return p;
}

void Pump::ref(Napi::Env env) {
  if (!refd_) { tsfn_.Ref(env); refd_ = true; }
}

void Pump::unref(Napi::Env env) {
  if (refd_) { tsfn_.Unref(env); refd_ = false; }
}

void Pump::run() {
  for (;;) {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_[0], POLLIN, 0}};
    int r = poll(fds, 2, -1);
    if (r < 0) {
      if (errno == EINTR) continue;
      tsfn_.NonBlockingCall(new PumpEvent{isAsync_, 0, 0, 0, 0, errno, owner_}, deliver);
      return;
    }
    if (fds[1].revents) return;  // stop requested
    if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
      tsfn_.NonBlockingCall(new PumpEvent{isAsync_, 0, 0, 0, 0, EIO, owner_}, deliver);
      return;
    }
    if (!(fds[0].revents & POLLIN)) continue;
    PumpEvent* ev = new PumpEvent();
    ev->async = isAsync_;
    ev->owner = owner_;
    if (isAsync_) {
      ibv_async_event e;
      if (ibv_get_async_event(ctx_, &e) != 0) { delete ev; continue; }
      ev->type = e.event_type;
      switch (e.event_type) {
        case IBV_EVENT_QP_FATAL: case IBV_EVENT_QP_REQ_ERR: case IBV_EVENT_QP_ACCESS_ERR:
        case IBV_EVENT_COMM_EST: case IBV_EVENT_SQ_DRAINED: case IBV_EVENT_PATH_MIG:
        case IBV_EVENT_PATH_MIG_ERR: case IBV_EVENT_QP_LAST_WQE_REACHED:
          ev->qpNum = e.element.qp->qp_num;
          break;
        case IBV_EVENT_CQ_ERR:
          ev->cqHandle = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(e.element.cq->cq_context));
          break;
        case IBV_EVENT_PORT_ACTIVE: case IBV_EVENT_PORT_ERR: case IBV_EVENT_LID_CHANGE:
        case IBV_EVENT_PKEY_CHANGE: case IBV_EVENT_SM_CHANGE: case IBV_EVENT_CLIENT_REREGISTER:
        case IBV_EVENT_GID_CHANGE:
          ev->port = e.element.port_num;
          break;
        default:
          break;
      }
      ibv_ack_async_event(&e);
    } else {
      ibv_cq* cq = nullptr;
      void* cqctx = nullptr;
      if (ibv_get_cq_event(ch_, &cq, &cqctx) != 0) { delete ev; continue; }
      ev->cqHandle = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(cqctx));
      ibv_ack_cq_events(cq, 1);
    }
    // Unlimited queue: never blocks, so stop() can join while events are still queued.
    tsfn_.NonBlockingCall(ev, deliver);
  }
}

void Pump::stop() {
  if (thread_.joinable()) {
    char c = 1;
    ssize_t w = write(stop_[1], &c, 1);
    (void)w;
    thread_.join();
    tsfn_.Release();
  }
}

Pump::~Pump() {
  stop();
  if (stop_[0] >= 0) close(stop_[0]);
  if (stop_[1] >= 0) close(stop_[1]);
}

}  // namespace rdsib
