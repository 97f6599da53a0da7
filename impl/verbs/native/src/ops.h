// Verbs entry points exported to JS; each returns {ok:true, value} or {ok:false, errno, name, verb, message}.
#pragma once
#include <napi.h>

namespace rdsib {

// addon.cc — devices, PDs, MRs, channels, CQs
Napi::Value GetDeviceList(const Napi::CallbackInfo& info);
Napi::Value OpenDevice(const Napi::CallbackInfo& info);
Napi::Value CloseDevice(const Napi::CallbackInfo& info);

// qp.cc — QPs and the data path (the inline verbs live here)
Napi::Value CreateQp(const Napi::CallbackInfo& info);
Napi::Value ConnectQp(const Napi::CallbackInfo& info);
Napi::Value ModifyQpState(const Napi::CallbackInfo& info);
Napi::Value QueryQpState(const Napi::CallbackInfo& info);
Napi::Value DestroyQp(const Napi::CallbackInfo& info);
Napi::Value PostSend(const Napi::CallbackInfo& info);
Napi::Value PostRecv(const Napi::CallbackInfo& info);
Napi::Value PollCq(const Napi::CallbackInfo& info);
Napi::Value ReqNotifyCq(const Napi::CallbackInfo& info);

// Releases a QP's hold on its PD and CQs (used by DestroyQp and by CloseDevice's teardown).
void releaseQpRefs(uint32_t qpHandle);

}  // namespace rdsib
