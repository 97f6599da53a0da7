// What `npm run rxe:fix` accepts (verdict.mjs), on hand-written result lines shaped like
// ../kernel/guest.sh's result.json and guest-fix.sh's modules.txt, and the figures it reads off a
// trace (hand-written ftrace lines; the times are chosen so the differences are exact).
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper run by run.sh, no type declarations
import { dmesgWarnings, modulesCheck, traceFigures, verdict } from './verdict.mjs';

const clean = { scenario: 'nomr', removal: 'completed', removalSeconds: 0.3, rmmod: 0, warnings: [] as string[] };
const uaf = ['rxe_pool_cleanup', 'rxe_pool_cleanup', 'rdma_restrack_clean', 'restrack_drain_res'];

describe('verdicts for the patched modules', () => {
  it('accept a completed delete (at once or after the app let go), no warning and a clean rmmod, in every scenario', () => {
    for (const s of ['nomr', 'mr-other', 'mr-same']) {
      expect(verdict('fixed', s, clean).ok).toBe(true);
      expect(verdict('fixed', s, { ...clean, removal: 'completed after the release' }).ok).toBe(true);
    }
  });

  it('reject a pending delete, any kernel warning, or a failed or stuck rmmod, and say which', () => {
    expect(verdict('fixed', 'mr-same', { ...clean, removal: 'pending', rmmod: undefined })).toMatchObject({ ok: false, verdict: 'NOT FIXED: removal pending; rmmod not run' });
    expect(verdict('fixed', 'mr-other', { ...clean, warnings: uaf }).verdict).toBe(`NOT FIXED: 4 kernel warning(s) (${uaf.join(', ')})`);
    expect(verdict('fixed', 'nomr', { ...clean, rmmod: 'pending' }).ok).toBe(false);
    // guest.sh's first version counted warnings instead of listing them
    expect(verdict('fixed', 'nomr', { ...clean, warnings: 2 }).verdict).toBe('NOT FIXED: 2 kernel warning(s)');
  });
});

describe('verdicts for the debug builds that force late connections (kernel/debug/)', () => {
  it('fixed-race is judged as fixed (run.sh also requires a re-drop in its trace); noredrop-race must deadlock', () => {
    expect(verdict('fixed-race', 'nomr', { ...clean, removal: 'completed after the release' }).ok).toBe(true);
    expect(verdict('fixed-race', 'nomr', { ...clean, warnings: ['x'] }).ok).toBe(false);
    expect(verdict('noredrop-race', 'nomr', { ...clean, removal: 'pending' }).verdict).toBe('deadlock without the re-drop: as expected');
    expect(verdict('noredrop-race', 'nomr', clean).ok).toBe(false);
  });

  it('their rds_rdma is out of tree and has the fix\'s function', () => {
    expect(modulesCheck('fixed-race', 'taint=OE\nflush_dev_mrs=1\n').ok).toBe(true);
    expect(modulesCheck('noredrop-race', 'taint=\nflush_dev_mrs=0\n').ok).toBe(false);
  });
});

describe('verdicts for the stock modules (the baseline)', () => {
  it('nomr is the control: clean', () => {
    expect(verdict('stock', 'nomr', clean).ok).toBe(true);
    expect(verdict('stock', 'nomr', { ...clean, warnings: ['x'] }).ok).toBe(false);
  });

  it('mr-other must show bug B: a completed delete with the use-after-free WARNs', () => {
    expect(verdict('stock', 'mr-other', { ...clean, warnings: uaf }).verdict).toBe('bug B reproduced: as expected');
    expect(verdict('stock', 'mr-other', clean).ok).toBe(false);
    expect(verdict('built-stock', 'mr-other', { ...clean, warnings: ['some_other_site'] }).ok).toBe(false);
  });

  it('mr-same must show bug C: the delete never returns', () => {
    expect(verdict('stock', 'mr-same', { ...clean, removal: 'pending' }).verdict).toBe('bug C reproduced: as expected');
    expect(verdict('stock', 'mr-same', clean).ok).toBe(false);
  });

  it('a run that produced no result has no verdict', () => {
    expect(verdict('stock', 'nomr', { error: 'exchange not ready' })).toMatchObject({ ok: false, verdict: 'no verdict: exchange not ready' });
  });
});

describe('which rds_rdma ran', () => {
  it('stock: not out of tree and without the patch\'s function; fixed: out of tree (O) with it; built-stock: out of tree without it', () => {
    expect(modulesCheck('stock', 'taint=\nflush_dev_mrs=0\n').ok).toBe(true);
    expect(modulesCheck('stock', 'taint=OE\nflush_dev_mrs=1\n').ok).toBe(false);
    expect(modulesCheck('fixed', 'taint=OE\nflush_dev_mrs=1\n').ok).toBe(true);
    expect(modulesCheck('fixed', 'taint=\nflush_dev_mrs=0\n').ok).toBe(false);
    expect(modulesCheck('built-stock', 'taint=OE\nflush_dev_mrs=0\n').ok).toBe(true);
    expect(modulesCheck('fixed', '').ok).toBe(false);
  });
});

const line = (ts: string, ev: string, body = ''): string => `            rdma-207     [001] .....    ${ts}: ${ev}: ${body}`;

describe('figures from the trace', () => {
  it('the delete\'s time in the kernel and whether the deleted device was freed before it returned', () => {
    const fixed = [
      line('32.250000', 'ib_unregister', 'ibdev=0x1 name="rxe1"'),
      line('32.500000', 'dev_free', 'work=0x2 name="rxe1" ref=0'),
      line('32.750000', 'ib_unregister_ret', '(nldev_dellink+0x92/0xe0 [ib_core] <- ib_unregister_device_and_put)'),
      line('40.000000', 'ib_unregister', 'ibdev=0x3 name="rxe0"'),
    ].join('\n');
    expect(traceFigures(fixed)).toEqual({ deleteKernelSeconds: 0.5, freeBeforeDeleteReturned: true, redrops: 0 });
    // bug B: rxe1's free came after the delete returned (and rxe0's free does not count)
    const late = [
      line('20.000000', 'ib_unregister', 'ibdev=0x1 name="rxe1"'),
      line('20.050000', 'dev_free', 'work=0x2 name="rxe0" ref=0'),
      line('20.125000', 'ib_unregister_ret'),
      line('26.000000', 'dev_free', 'work=0x4 name="rxe1" ref=0'),
    ].join('\n');
    expect(traceFigures(late)).toEqual({ deleteKernelSeconds: 0.125, freeBeforeDeleteReturned: false, redrops: 0 });
    // bug C: never returned
    expect(traceFigures(line('18.000000', 'ib_unregister', 'name="rxe0"'))).toEqual({ deleteKernelSeconds: null, freeBeforeDeleteReturned: null, redrops: 0 });
  });

  it('counts the re-drops: destroy=1 drops by the deleting task after its two puts and before remove_one returned', () => {
    const other = (ts: string, ev: string, body = ''): string => `    kworker/u4:1-25      [000] .....    ${ts}: ${ev}: ${body}`;
    const t = [
      line('3.000000', 'ib_unregister', 'name="rxe1"'),
      line('3.100000', 'remove_one', 'name="rxe1"'),
      line('3.200000', 'conn_path_drop', 'conn=0x1 destroy=1'), // rds_ib_dev_shutdown's walk: before the puts
      line('3.300000', 'dev_put', 'name="rxe1" ref_before=3'),
      other('3.350000', 'conn_path_drop', 'conn=0x2 destroy=1'), // another task
      line('3.400000', 'dev_put', 'name="rxe1" ref_before=2'),
      line('4.400000', 'conn_path_drop', 'conn=0x2 destroy=1'), // the re-drop
      line('4.410000', 'conn_path_drop', 'conn=0x3 destroy=0'), // not a destroy
      line('5.000000', 'remove_one_ret'),
      line('5.100000', 'conn_path_drop', 'conn=0x4 destroy=1'), // after remove_one returned
    ].join('\n');
    expect(traceFigures(t).redrops).toBe(1);
  });
});

describe('warnings read from a dmesg (for results that carry none: guest.sh lists none when rmmod hangs)', () => {
  it('lists WARN sites, BUG lines and hung tasks in order, nothing else', () => {
    const d = [
      '[   21.101511] WARNING: CPU: 0 PID: 218 at drivers/infiniband/sw/rxe/rxe_pool.c:116 rxe_pool_cleanup+0x11/0x20 [rdma_rxe]',
      '[   21.109216] WARNING: CPU: 0 PID: 218 at drivers/infiniband/core/restrack.c:52 rdma_restrack_clean+0x49/0x50 [ib_core]',
      '[   30.000000] RDS/IB: rxe1: added',
      '[   45.000000] watchdog: BUG: soft lockup - CPU#0 stuck for 45s! [kworker/u4:1:25]',
      '[  243.000000] INFO: task rmmod:233 blocked for more than 120 seconds.',
    ].join('\n');
    expect(dmesgWarnings(d)).toEqual(['rxe_pool_cleanup', 'rdma_restrack_clean', 'BUG: soft lockup - CPU#0 stuck for 45s', 'hung task rmmod:233']);
    expect(dmesgWarnings('[ 1.0] RDS/IB: rxe0: added\n')).toEqual([]);
  });
});
