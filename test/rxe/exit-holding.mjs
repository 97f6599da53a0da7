// Guest check (guest-unit.sh): a process that exits while holding a context with a PD, MR, CQ on a
// completion channel (notification armed) and a QP must exit cleanly — the addon's environment
// cleanup hook stops the event threads and force-closes the context — and release the device.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const v = require(process.env.RDSIB_VERBS_ADDON ?? '../../impl/verbs/native/build/Release/rdsib_verbs.node');
const ok = (r) => { if (!r.ok) { console.error(r.message); process.exit(3); } return r.value; };
const ctx = ok(v.openDevice(process.argv[2] ?? 'rxe0', () => {}));
const pd = ok(v.allocPd(ctx));
ok(v.regMr(pd, 8192));
const ch = ok(v.createCompChannel(ctx, () => {}));
const cq = ok(v.createCq(ctx, 16, ch));
const qp = ok(v.createQp(pd, cq, cq, {}));
ok(v.connectQp(qp.handle, { remoteQpNum: qp.qpNum, gidIndex: 1 }));
ok(v.reqNotifyCq(cq, false));
console.log('holding', JSON.stringify(ok(v.counts(ctx))), '- exiting without closing');
setTimeout(() => process.exit(0), 100);
