// A single-threaded, ordered workqueue (alloc_ordered_workqueue / create_singlethread_workqueue,
// like rds_wq "krdsd"): one worker task runs items one at a time in FIFO order.
// - queue_work: a work item is queued at most once (the PENDING bit); returns false if pending.
// - cancel_work_sync: drop a pending item; wait only if it is running and the caller is not the
//   worker running it (kernel/workqueue.c __cancel_work_sync → __flush_work).
// - flush_workqueue: wait for every item queued before the call; from the queue's own worker
//   that can never finish, so it is reported as a deadlock at once (bug (b) of kernel-brief §5).
import type { Kernel, Task } from './scheduler.js';

export class Work {
  pending = false;
  running = false;
  constructor(
    readonly name: string,
    readonly fn: (t: Task) => Promise<void>,
  ) {}
}

export class Workqueue {
  readonly worker: Task;
  private readonly queue: { work: Work; seq: number }[] = [];
  private current: { work: Work; seq: number } | null = null;
  private seq = 0;

  constructor(
    private readonly k: Kernel,
    readonly name: string,
  ) {
    this.worker = k.spawn(name, (t) => this.workerLoop(t), { daemon: true });
  }

  private async workerLoop(t: Task): Promise<void> {
    for (;;) {
      await this.k.waitUntil(t, `work on ${this.name}`, () => this.queue.length > 0, { idle: true, sleeps: false });
      const item = this.queue.shift()!;
      item.work.pending = false;
      item.work.running = true;
      this.current = item;
      await this.k.point(t, item.work.name);
      await item.work.fn(t);
      item.work.running = false;
      this.current = null;
    }
  }

  /** queue_work(): false if already pending. Allowed from any context. */
  queueWork(w: Work): boolean {
    if (w.pending) return false;
    w.pending = true;
    this.queue.push({ work: w, seq: ++this.seq });
    return true;
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.current === null;
  }

  /** items queued or running, by name (for traces) */
  get items(): string[] {
    return [...(this.current ? [this.current.work.name] : []), ...this.queue.map((i) => i.work.name)];
  }

  async cancelWorkSync(t: Task, w: Work): Promise<boolean> {
    this.k.mightSleep(t, `cancel_work_sync(${w.name})`);
    const i = this.queue.findIndex((q) => q.work === w);
    const wasPending = i >= 0;
    if (wasPending) {
      this.queue.splice(i, 1);
      w.pending = false;
    }
    if (w.running && t !== this.worker) {
      await this.k.waitUntil(t, `${w.name} to finish`, () => !w.running, { on: () => [this.worker] });
    }
    return wasPending;
  }

  async flush(t: Task): Promise<void> {
    if (t === this.worker) {
      this.k.fault(t, 'deadlock', `flush_workqueue(${this.name}) from its own worker waits for the item now running`);
    }
    this.k.mightSleep(t, `flush_workqueue(${this.name})`);
    const target = this.seq;
    await this.k.waitUntil(
      t,
      `flush of ${this.name}`,
      () => !this.queue.some((q) => q.seq <= target) && !(this.current && this.current.seq <= target),
      { on: () => [this.worker] },
    );
  }
}
