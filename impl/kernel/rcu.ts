// RCU. Readers mark sections; synchronize_rcu() records which sections are active when it starts
// and blocks until every one of them has ended (sections that start later do not delay it) —
// the grace-period rule of Documentation/RCU/whatisRCU.rst. call_rcu() runs its callback after
// such a grace period, in a task of its own.
import type { Kernel, Task } from './scheduler.js';

export class Rcu {
  /** task → id of the read section it is in (outermost; sections nest) */
  private readonly active = new Map<Task, number>();
  private nextId = 0;

  readLock(t: Task): void {
    if (t.rcuDepth++ === 0) this.active.set(t, ++this.nextId);
  }

  readUnlock(t: Task): void {
    if (t.rcuDepth === 0) throw new Error(`rcu_read_unlock by ${t.name} outside a read section`);
    if (--t.rcuDepth === 0) this.active.delete(t);
  }

  /** number of readers currently inside a section (for traces and tests) */
  get readers(): number {
    return this.active.size;
  }

  async synchronize(k: Kernel, t: Task): Promise<void> {
    if (t.rcuDepth > 0) k.fault(t, 'deadlock', 'synchronize_rcu inside an RCU read section waits for itself');
    k.mightSleep(t, 'synchronize_rcu');
    const snapshot = [...this.active.entries()];
    await k.waitUntil(t, 'an RCU grace period', () => snapshot.every(([r, id]) => this.active.get(r) !== id), {
      on: () => snapshot.filter(([r, id]) => this.active.get(r) === id).map(([r]) => r),
    });
  }

  callRcu(k: Kernel, name: string, fn: (t: Task) => void | Promise<void>): Task {
    return k.spawn(name, async (t) => {
      await this.synchronize(k, t);
      await fn(t);
    });
  }
}
