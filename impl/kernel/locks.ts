// Locks. A spinlock spins (not a sleeping wait, allowed in interrupt context) but while it is
// held the holder may not sleep; a mutex and an rwsem sleep (might_sleep()).
import type { Kernel, Task } from './scheduler.js';

export class SpinLock {
  holder: Task | null = null;
  constructor(readonly name: string) {}

  async lock(k: Kernel, t: Task): Promise<void> {
    if (this.holder === t) k.fault(t, 'deadlock', `spin_lock(${this.name}) taken twice by ${t.name}`);
    await k.waitUntil(t, `spinlock ${this.name}`, () => this.holder === null, { sleeps: false, on: () => (this.holder ? [this.holder] : []) });
    this.holder = t;
    t.spinHeld++;
  }

  unlock(t: Task): void {
    if (this.holder !== t) throw new Error(`spin_unlock(${this.name}) by ${t.name}, which does not hold it`);
    this.holder = null;
    t.spinHeld--;
  }
}

export class Mutex {
  holder: Task | null = null;
  constructor(readonly name: string) {}

  async lock(k: Kernel, t: Task): Promise<void> {
    if (this.holder === t) k.fault(t, 'deadlock', `mutex_lock(${this.name}) taken twice by ${t.name}`);
    await k.waitUntil(t, `mutex ${this.name}`, () => this.holder === null, { on: () => (this.holder ? [this.holder] : []) });
    this.holder = t;
  }

  unlock(t: Task): void {
    if (this.holder !== t) throw new Error(`mutex_unlock(${this.name}) by ${t.name}, which does not hold it`);
    this.holder = null;
  }
}

/** struct rw_semaphore: many readers or one writer. */
export class RwSem {
  readonly readers = new Set<Task>();
  writer: Task | null = null;
  constructor(readonly name: string) {}

  async downRead(k: Kernel, t: Task): Promise<void> {
    if (this.writer === t) k.fault(t, 'deadlock', `down_read(${this.name}) while holding it for write`);
    await k.waitUntil(t, `rwsem ${this.name} (read)`, () => this.writer === null, { on: () => (this.writer ? [this.writer] : []) });
    this.readers.add(t);
  }

  upRead(t: Task): void {
    if (!this.readers.delete(t)) throw new Error(`up_read(${this.name}) by ${t.name}, not a reader`);
  }

  async downWrite(k: Kernel, t: Task): Promise<void> {
    if (this.writer === t || this.readers.has(t)) k.fault(t, 'deadlock', `down_write(${this.name}) while already holding it`);
    await k.waitUntil(t, `rwsem ${this.name} (write)`, () => this.writer === null && this.readers.size === 0, {
      on: () => [...(this.writer ? [this.writer] : []), ...this.readers],
    });
    this.writer = t;
  }

  upWrite(t: Task): void {
    if (this.writer !== t) throw new Error(`up_write(${this.name}) by ${t.name}, not the writer`);
    this.writer = null;
  }
}
