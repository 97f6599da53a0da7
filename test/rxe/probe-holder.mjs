// Probe (runs in the guest under probe-removal.sh): hold rxe0 with PD, MR, CQ+channel and a
// loopback RC QP with traffic, and log every signal that could announce its removal.
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
const v = require('../../impl/verbs/native/build/Release/rdsib_verbs.node');
const t0 = performance.now();
const log = (...a) => console.log(`[holder ${((performance.now() - t0) / 1000).toFixed(3)}]`, ...a);
const ok = (r) => { if (!r.ok) { log('FAIL', r.message); process.exit(3); } return r.value; };
const name = process.argv[2] ?? 'rxe0';
log('devices', ok(v.getDeviceList()).map((d) => d.name));
const ctx = ok(v.openDevice(name, (ev) => log('ASYNC', JSON.stringify(ev))));
log('port', JSON.stringify(ok(v.queryPort(ctx, 1))));
for (let i = 0; i < 3; i++) log('gid', i, JSON.stringify(v.queryGid(ctx, 1, i)));
const pd = ok(v.allocPd(ctx));
const mr = ok(v.regMr(pd, 65536));
const mr2 = ok(v.regMr(pd, 65536));
let comps = 0;
const ch = ok(v.createCompChannel(ctx, (ev) => { comps++; }));
const cq = ok(v.createCq(ctx, 128, ch));
const qp = ok(v.createQp(pd, cq, cq, {}));
ok(v.connectQp(qp.handle, { remoteQpNum: qp.qpNum, gidIndex: 1 }));
log('qp', JSON.stringify(qp), 'counts', JSON.stringify(ok(v.counts(ctx))));
ok(v.mrWrite(mr.handle, 0, Buffer.from('hello rxe')));
ok(v.postRecv(qp.handle, { wrId: 1, mr: mr2.handle, offset: 0, length: 4096 }));
ok(v.postSend(qp.handle, { wrId: 2, opcode: 'SEND', mr: mr.handle, offset: 0, length: 9 }));
ok(v.postSend(qp.handle, { wrId: 3, opcode: 'RDMA_WRITE', mr: mr.handle, offset: 0, length: 9, remoteAddr: mr2.addr + 100, rkey: mr2.rkey }));
ok(v.reqNotifyCq(cq, false));
let got = [];
for (let i = 0; i < 200 && got.length < 3; i++) { got.push(...ok(v.pollCq(cq, 16))); await new Promise((r) => setTimeout(r, 10)); }
log('wcs', JSON.stringify(got), 'recv', ok(v.mrRead(mr2.handle, 0, 9)).toString(), 'write', ok(v.mrRead(mr2.handle, 100, 9)).toString(), 'comp events', comps);
fs.watch('/dev/infiniband', (e, f) => log('INOTIFY /dev/infiniband', e, f, 'exists', fs.existsSync(`/dev/infiniband/${f}`)));
fs.writeFileSync('/tmp/holder-ready', '');
let wr = 10, gone = false;
const timer = setInterval(() => {
  const names = ok(v.getDeviceList()).map((d) => d.name);
  const sys = fs.existsSync(`/sys/class/infiniband/${name}`);
  const post = v.postSend(qp.handle, { wrId: wr++, opcode: 'RDMA_WRITE', mr: mr.handle, offset: 0, length: 9, remoteAddr: mr2.addr, rkey: mr2.rkey });
  const wcs = v.pollCq(cq, 16);
  const q = v.queryPort(ctx, 1);
  if (!names.includes(name) && !gone) {
    gone = true;
    log('DEVICE LIST lost', name, 'sysfs', sys, 'post', post.ok || post.message, 'poll', JSON.stringify(wcs.value?.map((w) => w.statusName)), 'port', q.ok ? q.value.state : q.message);
    setTimeout(() => {
      clearInterval(timer);
      log('closing; counts', JSON.stringify(ok(v.counts(ctx))));
      log('destroyQp', JSON.stringify(v.destroyQp(qp.handle)));
      log('deallocPd busy', v.deallocPd(pd).message);
      log('close', JSON.stringify(v.closeDevice(ctx)));
      log('dereg after close', v.deregMr(mr.handle).message);
      log('dereg again', v.deregMr(mr.handle).message);
      log('sysfs after close', fs.existsSync(`/sys/class/infiniband/${name}`));
      setTimeout(() => { log('sysfs 1s after close', fs.existsSync(`/sys/class/infiniband/${name}`)); process.exit(0); }, 1000);
    }, 500);
  }
}, 100);
