// kmalloc/kfree-style lifetime and atomic refcounts. A freed object stays as a tombstone so that a
// later touch is caught and attributed (KASAN's use-after-free report, in miniature).
import type { Kernel, Task } from './scheduler.js';

export class KObject {
  /** who freed it and when; null while allocated */
  freed: { readonly task: string; readonly step: number } | null = null;
  constructor(
    readonly kind: string,
    readonly name: string,
  ) {}
}

/** Any dereference of `obj` (fields, lists, pool): S1 in kernel-brief §4. Reported as KASAN
 *  does (Kernel.kasan: the run stops here unless it continues after faults). */
export function touch(k: Kernel, t: Task, obj: KObject, what: string): void {
  if (obj.freed) {
    k.kasan(t, `${what} touches ${obj.kind} ${obj.name}, freed by ${obj.freed.task} at step ${obj.freed.step}`);
  }
}

/** kfree(): freeing twice is reported as a use-after-free of the tombstone. */
export function kfree(k: Kernel, t: Task, obj: KObject, what: string): void {
  touch(k, t, obj, what);
  if (!obj.freed) obj.freed = { task: t.name, step: k.step }; // a double free (after a report) keeps the first
}

/** atomic_t / refcount_t with the checks of refcount_t (lib/refcount.c): inc from 0 and dec
 *  below 0 are reported, as is any access once the owner is freed. */
export class Refcount {
  constructor(
    readonly owner: KObject,
    public value: number,
  ) {}

  inc(k: Kernel, t: Task, what: string): void {
    touch(k, t, this.owner, what);
    if (this.value === 0) k.fault(t, 'use-after-free', `${what}: refcount of ${this.owner.name} incremented from 0`);
    this.value++;
  }

  /** atomic_dec_and_test / refcount_dec_and_test: true when this put dropped the last reference. */
  decAndTest(k: Kernel, t: Task, what: string): boolean {
    touch(k, t, this.owner, what);
    if (this.value <= 0) k.fault(t, 'underflow', `${what}: refcount of ${this.owner.name} decremented below 0`);
    this.value--;
    return this.value === 0;
  }

  read(k: Kernel, t: Task, what: string): number {
    touch(k, t, this.owner, what);
    return this.value;
  }
}
