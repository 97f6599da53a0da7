// The failures the runtime reports. The kinds are the ones `rdsib run --search` prints; each maps
// to a property of kernel-brief §4 (S1 use-after-free, S3 underflow, S7 irq-block, S8 deadlock,
// S11 uninitialised, L2 leak).

export type FailureKind = 'use-after-free' | 'deadlock' | 'leak' | 'uninitialised' | 'irq-block' | 'underflow';

export interface Failure {
  readonly kind: FailureKind;
  /** what went wrong, in kernel words */
  readonly detail: string;
  /** the task that did it ("" when the whole system is stuck) */
  readonly task: string;
  /** the logical step (scheduler pick count) at which it happened */
  readonly step: number;
  /** the step label (model action name) the task was executing */
  readonly label: string;
}

/** Thrown inside a task to abandon it after a failure was recorded; never escapes `Kernel.run`. */
export class KernelFault extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.kind}: ${failure.detail}`);
    this.name = 'KernelFault';
  }
}
