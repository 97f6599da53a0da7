// Runtime primitives as specifications: refcount rules, tombstones, RCU grace periods,
// cancel vs flush on a single-threaded workqueue, locks.
import { describe, expect, it } from 'vitest';
import { Kernel, type Task } from '../../../impl/kernel/scheduler.js';
import { KObject, Refcount, kfree, touch } from '../../../impl/kernel/memory.js';
import { Rcu } from '../../../impl/kernel/rcu.js';
import { Work, Workqueue } from '../../../impl/kernel/workqueue.js';
import { Mutex, RwSem, SpinLock } from '../../../impl/kernel/locks.js';

const once = async (body: (k: Kernel, t: Task) => Promise<void>, seed = 1) => {
  const k = new Kernel({ seed });
  k.spawn('t', (t) => body(k, t));
  return k.run();
};

describe('Refcount and tombstones', () => {
  it('dec-and-test says true exactly when the last reference goes', async () => {
    const seen: boolean[] = [];
    await once(async (k, t) => {
      const rc = new Refcount(new KObject('dev', 'd1'), 2);
      seen.push(rc.decAndTest(k, t, 'put'), rc.decAndTest(k, t, 'put'));
    });
    expect(seen).toEqual([false, true]);
  });

  it('reports an increment from 0', async () => {
    const r = await once(async (k, t) => new Refcount(new KObject('dev', 'd1'), 0).inc(k, t, 'get'));
    expect(r.failure).toMatchObject({ kind: 'use-after-free' });
    expect(r.failure?.detail).toContain('incremented from 0');
  });

  it('reports a decrement below 0 as underflow', async () => {
    const r = await once(async (k, t) => void new Refcount(new KObject('dev', 'd1'), 0).decAndTest(k, t, 'put'));
    expect(r.failure?.kind).toBe('underflow');
  });

  it('reports a touch of a freed object with the task and step that freed it', async () => {
    const k = new Kernel({ schedule: '' });
    const d = new KObject('rds_ib_device', 'd1');
    k.spawn('freer', async (t) => kfree(k, t, d, 'rds_ib_dev_free'));
    k.spawn('user', async (t) => {
      await k.point(t, 'GetMR');
      touch(k, t, d, 'rds_ib_get_mr');
    });
    const r = await k.run();
    expect(r.failure).toMatchObject({ kind: 'use-after-free', task: 'user', label: 'GetMR' });
    expect(r.failure?.detail).toContain('freed by freer at step 1');
  });
});

describe('RCU', () => {
  it('synchronize_rcu waits for a reader that started before it', async () => {
    const log: string[] = [];
    const k = new Kernel({ schedule: '0' + '1'.repeat(10) });
    const rcu = new Rcu();
    k.spawn('reader', async (t) => {
      rcu.readLock(t);
      log.push('reader in');
      await k.point(t, 'read');
      log.push('reader out');
      rcu.readUnlock(t);
    });
    k.spawn('updater', async (t) => {
      await rcu.synchronize(k, t);
      log.push('grace period over');
    });
    // The schedule prefers the updater after the reader entered; it must still wait.
    await k.run();
    expect(log).toEqual(['reader in', 'reader out', 'grace period over']);
  });

  it('synchronize_rcu does not wait for a reader that started after it', async () => {
    const log: string[] = [];
    const k = new Kernel({ schedule: '' });
    const rcu = new Rcu();
    let started = false;
    k.spawn('updater', async (t) => {
      started = true;
      const p = rcu.synchronize(k, t);
      await p;
      log.push('grace period over');
    });
    k.spawn('late reader', async (t) => {
      if (!started) throw new Error('test setup: updater must start first');
      rcu.readLock(t);
      await k.waitUntil(t, 'grace period', () => log.length > 0, { sleeps: false });
      rcu.readUnlock(t);
    });
    const r = await k.run();
    expect(r.failure).toBeNull();
    expect(log).toEqual(['grace period over']);
  });

  it('synchronize_rcu inside a read section is a deadlock', async () => {
    const r = await once(async (k, t) => {
      const rcu = new Rcu();
      rcu.readLock(t);
      await rcu.synchronize(k, t);
    });
    expect(r.failure?.kind).toBe('deadlock');
  });

  it('call_rcu runs its callback after the readers present at the call have left', async () => {
    const log: string[] = [];
    const k = new Kernel({ schedule: '' });
    const rcu = new Rcu();
    k.spawn('reader', async (t) => {
      rcu.readLock(t);
      rcu.callRcu(k, 'cb', () => void log.push('callback'));
      await k.point(t, 'read');
      log.push('reader out');
      rcu.readUnlock(t);
    });
    await k.run();
    expect(log).toEqual(['reader out', 'callback']);
  });
});

describe('Workqueue: cancel vs flush', () => {
  it('runs items one at a time in FIFO order and queues a pending item only once', async () => {
    const log: string[] = [];
    const k = new Kernel({ seed: 3 });
    const wq = new Workqueue(k, 'rds_wq');
    const a = new Work('a', async () => void log.push('a'));
    const b = new Work('b', async () => void log.push('b'));
    const queued: boolean[] = [];
    k.spawn('q', async () => {
      queued.push(wq.queueWork(a), wq.queueWork(b), wq.queueWork(a));
    });
    await k.run();
    expect(queued).toEqual([true, true, false]);
    expect(log).toEqual(['a', 'b']);
  });

  it('cancel_work_sync drops a pending item without running it', async () => {
    const log: string[] = [];
    const k = new Kernel({ schedule: '' }); // ids: 0 worker, 1 canceller; index 0 = worker first
    const wq = new Workqueue(k, 'rds_wq');
    const w = new Work('flush_worker', async () => void log.push('ran'));
    let pending: boolean | undefined;
    k.spawn('c', async (t) => {
      wq.queueWork(w);
      pending = await wq.cancelWorkSync(t, w);
    });
    // Worker is idle (not runnable) until c queues; c runs queue+cancel without a scheduling point.
    const r = await k.run();
    expect(r.failure).toBeNull();
    expect(pending).toBe(true);
    expect(log).toEqual([]);
  });

  it('cancel_work_sync from inside the running item itself does not wait', async () => {
    const k = new Kernel({ seed: 5 });
    const wq = new Workqueue(k, 'rds_wq');
    const self: Work = new Work('free_work', async (t) => void (await wq.cancelWorkSync(t, self)));
    k.spawn('q', async () => void wq.queueWork(self));
    expect((await k.run()).failure).toBeNull();
  });

  it('flush_workqueue from outside waits for items queued before it', async () => {
    const log: string[] = [];
    const k = new Kernel({ seed: 11 });
    const wq = new Workqueue(k, 'rds_wq');
    k.spawn('exit', async (t) => {
      wq.queueWork(new Work('free_work', async (w) => {
        await k.point(w, 'dev_free');
        log.push('freed');
      }));
      await wq.flush(t);
      log.push('flushed');
    });
    await k.run();
    expect(log).toEqual(['freed', 'flushed']);
  });

  it('flush_workqueue from the queue\'s own worker is reported as a deadlock (V1 flush_wq)', async () => {
    const k = new Kernel({ seed: 2 });
    const wq = new Workqueue(k, 'rds_wq');
    k.spawn('put', async () => void wq.queueWork(new Work('free_work', (t) => wq.flush(t))));
    const r = await k.run();
    expect(r.failure).toMatchObject({ kind: 'deadlock', task: 'rds_wq' });
    expect(r.failure?.detail).toContain('own worker');
  });
});

describe('Locks', () => {
  it('sleeping on a mutex while holding a spinlock is reported', async () => {
    const r = await once(async (k, t) => {
      const s = new SpinLock('dev->spinlock');
      await s.lock(k, t);
      await new Mutex('pool->flush_lock').lock(k, t);
    });
    expect(r.failure?.kind).toBe('irq-block');
  });

  it('a spinlock may be taken in interrupt context', async () => {
    const k = new Kernel({ seed: 1 });
    const s = new SpinLock('pool lock');
    k.spawn('irq', async (t) => {
      await s.lock(k, t);
      s.unlock(t);
    }, { irq: true });
    expect((await k.run()).failure).toBeNull();
  });

  it('an rwsem writer waits for readers to leave', async () => {
    const log: string[] = [];
    const k = new Kernel({ schedule: '0' + '1'.repeat(10) });
    const sem = new RwSem('rds_ib_devices_lock');
    k.spawn('reader', async (t) => {
      await sem.downRead(k, t);
      await k.point(t, 'walk');
      log.push('read done');
      sem.upRead(t);
    });
    k.spawn('writer', async (t) => {
      await sem.downWrite(k, t);
      log.push('write');
      sem.upWrite(t);
    });
    await k.run();
    expect(log).toEqual(['read done', 'write']);
  });
});
