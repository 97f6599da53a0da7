// The deterministic scheduler. Every kernel "thread" (IB core, a connection path, a socket, an
// interrupt handler, a workqueue worker, an RCU callback) is an async task that runs only when the
// scheduler resumes it, and gives control back at each scheduling point (`point`) or when it
// blocks (`waitUntil`). Exactly one task runs at a time, so the interleaving is fully decided by
// the sequence of picks, which comes from a seeded PRNG or from an explicit schedule string —
// every run is replayable.
//
// A pick is an index into the list of runnable tasks (ordered by task id). Schedules are strings
// with one character per pick ('0'-'9', 'a'-'z', 'A'-'Z'); a pick past the end of the string, or
// larger than the number of runnable tasks, falls back to 0 / modulo, so any string (including a
// shrunk one) is a valid schedule.
import { KernelFault, type Failure, type FailureKind } from './faults.js';
import { mulberry32 } from './prng.js';

export type TaskState = 'new' | 'ready' | 'waiting' | 'done';

interface Wait {
  readonly reason: string;
  readonly pred: () => boolean;
  /** an idle worker waiting for work: not a deadlock when nothing else can run */
  readonly idle: boolean;
  /** the tasks that must act before this wait can end (lock holders, a worker), if known */
  readonly on: (() => readonly Task[]) | null;
}

export interface Task {
  readonly id: number;
  readonly name: string;
  /** interrupt / softirq context: may not sleep (kernel might_sleep()) */
  readonly irq: boolean;
  /** a worker thread that never ends (workqueue worker) */
  readonly daemon: boolean;
  /** not runnable before this step, unless nothing else is (removal injection) */
  readonly startAfter: number;
  state: TaskState;
  label: string;
  wait: Wait | null;
  spinHeld: number;
  rcuDepth: number;
  resume: (() => void) | null;
  readonly body: (t: Task) => Promise<void>;
}

export interface SpawnOptions {
  irq?: boolean;
  daemon?: boolean;
  startAfter?: number;
}

export type Chooser = { readonly seed: number } | { readonly schedule: string };

export interface RunResult {
  readonly failure: Failure | null;
  readonly steps: number;
  readonly schedule: string;
}

const PICK_CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function encodePick(i: number): string {
  return PICK_CHARS[Math.min(i, PICK_CHARS.length - 1)]!;
}
export function decodePick(c: string): number {
  const i = PICK_CHARS.indexOf(c);
  return i < 0 ? 0 : i;
}

export interface KernelOptions {
  /** a run longer than this is reported as a livelock (a retry loop that never succeeds) */
  readonly maxSteps?: number;
  /** keep running after the first report, as a kernel does after a KASAN report or an oops that
   *  killed one task: the faulting task is still abandoned (or, for a KASAN-style touch, goes on),
   *  the others keep running, so what happens after the bug (verbs calls on a context the early
   *  free closed, issue #6) can be observed. `failure` stays the first report. */
  readonly continueAfterFault?: boolean;
}

export class Kernel {
  readonly tasks: Task[] = [];
  step = 0;
  failure: Failure | null = null;
  /** every report, in order (the first is `failure`); more than one only with continueAfterFault */
  readonly reports: Failure[] = [];
  /** the task running now (exactly one runs at a time); null between steps and outside run() */
  current: Task | null = null;
  readonly maxSteps: number;
  readonly continueAfterFault: boolean;
  private picks = '';
  private wake: (() => void) | null = null;
  private readonly next: (n: number) => number;
  private bug: unknown = null;
  /** called whenever a task gives control back (parks or ends): where a step ends, for traces */
  onStepEnd: ((t: Task) => void) | null = null;

  constructor(chooser: Chooser, opts: number | KernelOptions = {}) {
    const o: KernelOptions = typeof opts === 'number' ? { maxSteps: opts } : opts;
    this.maxSteps = o.maxSteps ?? 20_000;
    this.continueAfterFault = o.continueAfterFault ?? false;
    if ('seed' in chooser) {
      const rnd = mulberry32(chooser.seed);
      this.next = (n) => Math.floor(rnd() * n);
    } else {
      const s = chooser.schedule;
      this.next = (n) => (this.step < s.length ? decodePick(s[this.step]!) % n : 0);
    }
  }

  spawn(name: string, body: (t: Task) => Promise<void>, opts: SpawnOptions = {}): Task {
    const t: Task = {
      id: this.tasks.length,
      name,
      irq: opts.irq ?? false,
      daemon: opts.daemon ?? false,
      startAfter: opts.startAfter ?? 0,
      state: 'new',
      label: 'start',
      wait: null,
      spinHeld: 0,
      rcuDepth: 0,
      resume: null,
      body,
    };
    this.tasks.push(t);
    return t;
  }

  /** A scheduling point: `t` is about to do `label`; another task may run first. */
  point(t: Task, label: string): Promise<void> {
    t.label = label;
    t.state = 'ready';
    return this.park(t);
  }

  /** Block `t` until `pred` holds. `sleeps` (default true) means this is a sleeping wait, which
   *  is forbidden in interrupt context, under a spinlock and inside an RCU read section
   *  (kernel might_sleep()); spinning on a spinlock passes `sleeps: false`. */
  async waitUntil(
    t: Task,
    reason: string,
    pred: () => boolean,
    opts: { sleeps?: boolean; idle?: boolean; on?: () => readonly Task[] } = {},
  ): Promise<void> {
    if (opts.sleeps ?? true) this.mightSleep(t, reason);
    if (pred()) return;
    t.state = 'waiting';
    t.wait = { reason, pred, idle: opts.idle ?? false, on: opts.on ?? null };
    await this.park(t);
    t.wait = null;
  }

  /** kernel might_sleep(): sleeping in atomic context is a bug even if this time it would not block. */
  mightSleep(t: Task, what: string): void {
    if (t.irq) this.fault(t, 'irq-block', `${what} may sleep, called in interrupt context`);
    if (t.spinHeld > 0) this.fault(t, 'irq-block', `${what} may sleep, called with a spinlock held`);
    if (t.rcuDepth > 0) this.fault(t, 'irq-block', `${what} may sleep, called inside an RCU read section`);
  }

  /** Record a failure and abandon the task; the run stops at the next pick. */
  fault(t: Task | null, kind: FailureKind, detail: string): never {
    const f: Failure = { kind, detail, task: t?.name ?? '', step: this.step, label: t?.label ?? '' };
    this.record(f);
    throw new KernelFault(f);
  }

  /** A KASAN-style report (use-after-free): KASAN prints the report and lets the access go on.
   *  By default the run still stops here (the task is abandoned); with continueAfterFault the
   *  report is recorded and the task carries on with the stale object. */
  kasan(t: Task, detail: string): void {
    if (!this.continueAfterFault) this.fault(t, 'use-after-free', detail);
    this.record({ kind: 'use-after-free', detail, task: t.name, step: this.step, label: t.label });
  }

  /** Record a failure found after the run (a leak) without a task to abandon. */
  report(kind: FailureKind, detail: string): void {
    this.record({ kind, detail, task: '', step: this.step, label: '' });
  }

  private record(f: Failure): void {
    if (!this.failure) this.failure = f;
    this.reports.push(f);
  }

  /** the run goes on: no report yet, or reports do not stop it */
  private get going(): boolean {
    return this.failure === null || this.continueAfterFault;
  }

  get schedule(): string {
    return this.picks;
  }

  async run(): Promise<RunResult> {
    while (this.going) {
      if (this.checkCycle()) break;
      const runnable = this.runnable();
      if (runnable.length === 0) {
        this.checkStuck();
        break;
      }
      if (this.step >= this.maxSteps) {
        this.report('deadlock', `livelock: no end after ${this.maxSteps} steps (${this.describeWaits()})`);
        break;
      }
      const i = this.next(runnable.length);
      this.picks += encodePick(i);
      const t = runnable[i]!;
      this.current = t;
      this.step++;
      await new Promise<void>((res) => {
        this.wake = res;
        if (t.state === 'new') {
          t.state = 'ready';
          t.body(t).then(
            () => this.finish(t),
            (e: unknown) => {
              if (!(e instanceof KernelFault) && this.bug === null) this.bug = e;
              this.finish(t);
            },
          );
        } else {
          const r = t.resume!;
          t.resume = null;
          r();
        }
      });
      this.current = null;
      if (this.bug !== null) throw this.bug;
    }
    return { failure: this.failure, steps: this.step, schedule: this.picks };
  }

  private park(t: Task): Promise<void> {
    this.onStepEnd?.(t);
    return new Promise<void>((res) => {
      t.resume = res;
      this.yieldToScheduler();
    });
  }

  private finish(t: Task): void {
    this.onStepEnd?.(t);
    t.state = 'done';
    this.yieldToScheduler();
  }

  private yieldToScheduler(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private runnable(): Task[] {
    const can = (t: Task): boolean =>
      t.state === 'new' || t.state === 'ready' || (t.state === 'waiting' && t.wait!.pred());
    const now = this.tasks.filter((t) => can(t) && t.startAfter <= this.step);
    return now.length > 0 ? now : this.tasks.filter(can);
  }

  /** Nothing can run: fine if only idle workers are left, a deadlock otherwise (S8, L3). */
  private checkStuck(): void {
    const stuck = this.tasks.filter((t) => t.state === 'waiting' && !t.wait!.idle);
    if (stuck.length > 0) this.report('deadlock', this.describeWaits());
  }

  /** A cycle in the waits-for graph is a deadlock even while other tasks can still run (S8).
   *  True when one was reported (the run ends: its tasks can never run again). */
  private checkCycle(): boolean {
    const blocked = (t: Task) => t.state === 'waiting' && t.wait!.on !== null && !t.wait!.pred();
    const edges = (t: Task) => (blocked(t) ? t.wait!.on!() : []);
    for (const start of this.tasks) {
      if (!blocked(start)) continue;
      const path: Task[] = [start];
      const seen = new Set<Task>([start]);
      let cur = start;
      for (;;) {
        const next = edges(cur).find(blocked);
        if (!next) break;
        if (next === start) {
          this.report('deadlock', `cycle of waits: ${path.map((p) => `${p.name} waits for ${p.wait!.reason}`).join(' → ')} → ${start.name}`);
          return true;
        }
        if (seen.has(next)) break;
        seen.add(next);
        path.push(next);
        cur = next;
      }
    }
    return false;
  }

  private describeWaits(): string {
    return this.tasks
      .filter((t) => t.state === 'waiting' && !t.wait!.idle)
      .map((t) => `${t.name} waits for ${t.wait!.reason} in ${t.label}`)
      .join('; ');
  }
}
