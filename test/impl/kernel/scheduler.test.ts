// The scheduler: deterministic replay, deadlock and livelock reports, irq rules.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../impl/kernel/scheduler.js';
import { Mutex } from '../../../impl/kernel/locks.js';

/** Two tasks each append their name at two scheduling points. */
function interleave(k: Kernel, log: string[]): void {
  for (const name of ['a', 'b']) {
    k.spawn(name, async (t) => {
      log.push(name);
      await k.point(t, 'second');
      log.push(name);
    });
  }
}

describe('Kernel scheduler', () => {
  it('replays a run exactly from its schedule string', async () => {
    const log1: string[] = [];
    const k1 = new Kernel({ seed: 7 });
    interleave(k1, log1);
    const r1 = await k1.run();
    const log2: string[] = [];
    const k2 = new Kernel({ schedule: r1.schedule });
    interleave(k2, log2);
    await k2.run();
    expect(log2).toEqual(log1);
  });

  it('follows an explicit schedule: picks index the runnable tasks in id order', async () => {
    // Step 1 picks index 1 = b (a and b both new) → "b"; step 2: runnable [a, b], pick 1 = b → "b";
    // step 3: only a is runnable → "a"; step 4: a again → "a".
    const log: string[] = [];
    const k = new Kernel({ schedule: '1100' });
    interleave(k, log);
    const r = await k.run();
    expect(log).toEqual(['b', 'b', 'a', 'a']);
    expect(r.failure).toBeNull();
    expect(r.steps).toBe(4);
  });

  it('reports a deadlock, naming who waits for what, instead of hanging', async () => {
    const k = new Kernel({ seed: 1 });
    k.spawn('waiter', async (t) => {
      await k.waitUntil(t, 'a flag nobody sets', () => false);
    });
    const r = await k.run();
    expect(r.failure?.kind).toBe('deadlock');
    expect(r.failure?.detail).toContain('waiter waits for a flag nobody sets');
  });

  it('reports a sleeping wait in interrupt context as irq-block', async () => {
    const k = new Kernel({ seed: 1 });
    k.spawn('irq', async (t) => {
      await k.waitUntil(t, 'a mutex', () => true);
    }, { irq: true });
    const r = await k.run();
    expect(r.failure).toMatchObject({ kind: 'irq-block', task: 'irq' });
  });

  it('reports a retry loop that never ends as a livelock (deadlock kind)', async () => {
    const k = new Kernel({ seed: 1 }, 50);
    k.spawn('retry', async (t) => {
      for (;;) await k.point(t, 'retry');
    });
    const r = await k.run();
    expect(r.failure?.kind).toBe('deadlock');
    expect(r.failure?.detail).toContain('livelock');
  });

  it('holds back a task with startAfter until that step, unless nothing else can run', async () => {
    const log: string[] = [];
    const k = new Kernel({ schedule: '' }); // always pick index 0
    k.spawn('early', async (t) => {
      log.push('e1');
      await k.point(t, 'x');
      log.push('e2');
    });
    k.spawn('late', async () => {
      log.push('late');
    }, { startAfter: 1 });
    await k.run();
    // step 0: only "early" is eligible → e1; step 1: both, index 0 = early → e2; then late.
    expect(log).toEqual(['e1', 'e2', 'late']);
  });

  it('reports a cycle of waits (ABBA on two mutexes) while another task can still run', async () => {
    const a = new Mutex('A');
    const b = new Mutex('B');
    let busySteps = 0;
    // picks: t1 takes A, t2 takes B, then each blocks on the other's lock; "busy" could run on.
    const k = new Kernel({ schedule: '01' + '0'.repeat(10) });
    k.spawn('t1', async (t) => {
      await a.lock(k, t);
      await k.point(t, 'then B');
      await b.lock(k, t);
    });
    k.spawn('t2', async (t) => {
      await b.lock(k, t);
      await k.point(t, 'then A');
      await a.lock(k, t);
    });
    k.spawn('busy', async (t) => {
      for (let i = 0; i < 100; i++) {
        busySteps++;
        await k.point(t, 'spin');
      }
    });
    const r = await k.run();
    expect(r.failure?.kind).toBe('deadlock');
    expect(r.failure?.detail).toMatch(/^cycle of waits: t[12] waits for mutex [AB] → t[12] waits for mutex [AB] → t[12]$/);
    expect(busySteps).toBeLessThan(100); // found before the rest of the system ran out of work
  });
});
