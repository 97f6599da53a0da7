// The driver: replayable runs, the trace's shape and content, and the `rdsib run` command.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runOnce, search } from '../../../impl/driver/run.js';
import { MODEL_ACTIONS, SUB_STEPS, type TraceEvent } from '../../../impl/rds/trace.js';
import { main } from '../../../engine/cli/main.js';
import { SimVerbs } from '../../../impl/verbs/sim/sim.js';

async function traced(o: Parameters<typeof runOnce>[0]) {
  const events: TraceEvent[] = [];
  const r = await runOnce({ ...o, trace: (e) => events.push(e) });
  return { r, events };
}

describe('runOnce', () => {
  it('replays a seeded run exactly from the schedule it printed (same trace, event for event)', async () => {
    const a = await traced({ variant: 'V2', seed: 42 });
    const b = await traced({ variant: 'V2', schedule: a.r.schedule });
    expect(b.r.failure).toBeNull();
    expect(b.events).toEqual(a.events);
  });

  it('a V2 run with the removal at the very start: d1 is freed, its references counted as the brief says', async () => {
    // removeAt 0 with the first-runnable schedule: everything runs in task order (adds first).
    const { r, events } = await traced({ variant: 'V2', schedule: '0:' });
    expect(r.failure).toBeNull();
    // After add_one a device holds 2 references: the list and client data (kernel-brief §2,
    // rds-kernel-trace.md §4 "set_client_data ... ref=2").
    const added = events.find((e) => e.step === 'AddOne_Put' && e.params.d === 'd1')!;
    expect(added.vars.refcount[1]).toBe(2);
    expect(added.vars.rds_ib_devices).toContain(1);
    expect(added.vars.client_data[1]).toBe(true);
    // remove_one's two puts; d1 ends freed by free_work and off the list
    const last = events.at(-1)!;
    expect(last.vars.rds_ibdev[1]).toBe('freed');
    expect(last.vars.rds_ib_devices).not.toContain(1);
    expect(events.some((e) => e.task === 'rds_wq' && e.action === 'FreeWork' && e.params.d === 'd1')).toBe(true);
  });

  it('every trace event names a model action (or a documented sub-step) with the model\'s variables', async () => {
    const { events } = await traced({ variant: 'V2', seed: 7 });
    expect(events.length).toBeGreaterThan(20);
    for (const e of events) {
      expect([...MODEL_ACTIONS, ...Object.keys(SUB_STEPS)]).toContain(e.step);
      if (e.action !== null) expect(MODEL_ACTIONS).toContain(e.action);
      expect(Object.keys(e.vars).sort()).toEqual(
        ['client_data', 'fr_state', 'i_cm_id', 'ib_device', 'ibmr_device', 'ic_rds_ibdev', 'ipaddr_list', 'lists_inited', 'mr_pool', 'rcu_readers', 'rds_ib_devices', 'rds_ibdev', 'rds_wq', 'refcount'].sort(),
      );
    }
    // seq counts from 1 without gaps; logical timestamps never go back
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i]!.ts).toBeGreaterThanOrEqual(events[i - 1]!.ts);
  });

  it('churn: an error drops c1 without a removal; V2 survives 200 schedules of it', async () => {
    const { events } = await traced({ variant: 'V2', workload: 'churn', seed: 2, removeAt: 119 });
    const drop = events.find((e) => e.action === 'ConnDrop');
    expect(drop).toMatchObject({ task: 'cm-error:c1', args: { c: 1 } });
    expect(drop!.vars.rds_wq).toContainEqual(['shutdown', 1]);
    const r = await search('V2', 200, { workload: 'churn' });
    expect(r.failure).toBeNull();
  });

  it('FreeMR from the interrupt handler carries ctx "irq" and runs in an irq task', async () => {
    const { events } = await traced({ variant: 'V2', seed: 1, removeAt: 119 });
    const irq = events.find((e) => e.action === 'FreeMR' && e.params.ctx === 'irq');
    expect(irq).toMatchObject({ irq: true, task: 'irq:m2', args: { m: 2, ctx: 'irq', invalidate: true } });
  });
});

describe('runOnce on a supplied verbs backend', () => {
  it('opens the mapped device names and leaves nothing allocated on them (what the rxe run relies on)', async () => {
    const verbs = new SimVerbs();
    verbs.addDevice('rxe0');
    verbs.addDevice('rxe1');
    const r = await runOnce({ variant: 'V2', seed: 9, verbs, deviceNames: { d1: 'rxe0', d2: 'rxe1' } });
    expect(r.failure).toBeNull();
    for (const name of ['rxe0', 'rxe1']) expect(verbs.resources(name)).toEqual({ contexts: 0, pd: 0, mr: 0, cq: 0, qp: 0, compChannels: 0 });
  });

  it('D2 on a supplied backend: the leaked device keeps its context and PD open', async () => {
    const verbs = new SimVerbs();
    verbs.addDevice('rxe0');
    verbs.addDevice('rxe1');
    const r = await runOnce({ variant: 'D2', schedule: '0:', verbs, deviceNames: { d1: 'rxe0', d2: 'rxe1' } });
    expect(r.failure?.kind).toBe('leak');
    const open = ['rxe0', 'rxe1'].map((n) => verbs.resources(n)).filter((c) => c.contexts > 0);
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]).toMatchObject({ contexts: 1, pd: 1 });
  });
});

describe('rdsib run', () => {
  const capture = async (argv: string[]) => {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    process.exitCode = undefined;
    try {
      const code = await main(argv);
      return { code, out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
      process.exitCode = undefined;
    }
  };

  it('--search prints one JSON object in the documented shape and exits 1 on a failure', async () => {
    const { code, out } = await capture(['run', '--variant', 'D1', '--search', '5', '--json']);
    expect(code).toBe(1);
    const j = JSON.parse(out);
    expect(j).toMatchObject({ variant: 'D1', runs: 1, failure: { kind: 'uninitialised', seed: 0 } });
    expect(j.failure.schedule).toMatch(/^\d+:[0-9a-zA-Z]*$/);
  });

  it('--search with no failure: failure null, exit 0', async () => {
    const { code, out } = await capture(['run', '--variant', 'V2', '--search', '20', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ variant: 'V2', runs: 20, failure: null });
  });

  it('--trace writes one JSON object per line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rdsib-')), 'trace.ndjson');
    const { code, out } = await capture(['run', '--variant', 'V2', '--seed', '3', '--trace', file, '--json']);
    expect(code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(JSON.parse(out).events);
    expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, step: 'AddOne_Alloc', action: 'AddOne_Alloc' });
  });

  it('--continue-after-fault --json adds the number of reports and every failed verbs call (V0, issue #6)', async () => {
    // the schedule of test/impl/rds/v0-closed-context.test.ts: c1's QP outlives d1's forced close
    const schedule = '20:160432020101010110112120210201001100000000001012111100000000';
    const { code, out } = await capture(['run', '--variant', 'V0', '--schedule', schedule, '--continue-after-fault', '--json']);
    expect(code).toBe(1);
    const j = JSON.parse(out);
    expect(j.failure).toMatchObject({ kind: 'use-after-free', task: 'cm:c1' });
    expect(j.reports).toBeGreaterThan(1);
    expect(j.verbsErrors).toContainEqual(expect.objectContaining({ call: 'destroyQp', errno: 9, name: 'EBADF', task: 'rmmod' }));
  });

  it('an unknown variant is one line on stderr and exit 2, no stack trace', async () => {
    const { code, err } = await capture(['run', '--variant', 'V9']);
    expect(code).toBe(2);
    expect(err).toBe('rdsib run: --variant V9: unknown variant (expected one of V0, V1_flushwq, V1, V2, D1, D2, V3_mr_same, V3_mr_other, V3_mr_inval, V3_fixed, V3_fixed_noredrop, V2_exit)\n');
  });

  it('--verbs and --devices: a bad backend, a mapping without the native backend, a device the workload lacks, a search on native: one line, exit 2', async () => {
    const cases: [string[], string][] = [
      [['--verbs', 'rdma'], 'rdsib run: --verbs rdma: expected sim or native\n'],
      [['--devices', 'd1=rxe0'], 'rdsib run: --devices needs --verbs native\n'],
      [['--verbs', 'native', '--devices', 'd3=rxe0'], 'rdsib run: --devices: d3 is not a device of workload basic (d1, d2)\n'],
      [['--verbs', 'native', '--devices', 'd1:rxe0'], 'rdsib run: --devices d1:rxe0: expected NAME=DEVICE pairs separated by commas, e.g. d1=rxe0,d2=rxe1\n'],
      [['--verbs', 'native', '--search', '3'], 'rdsib run: --search runs on the simulated backend only (each run needs fresh devices)\n'],
    ];
    for (const [flags, message] of cases) {
      const { code, err } = await capture(['run', '--variant', 'V2', ...flags]);
      expect(code).toBe(2);
      expect(err).toBe(message);
    }
  });

  it('a malformed schedule is reported the same way', async () => {
    const { code, err } = await capture(['run', '--variant', 'V2', '--schedule', 'nope']);
    expect(code).toBe(2);
    expect(err).toContain('bad schedule "nope"');
  });
});
