// Answers kept with the variables they were computed from. Values are immutable and a
// successor shares the values of the variables an action left alone with its parent (and
// strings, booleans and small integers are shared objects), so a state predicate that reads
// only some variables often meets the very same value objects again: an invariant conjunct
// such as `rds_ibdev \in [Dev -> {...}]` on the successors of one state, an action's guard
// `core_pc = "idle"` on consecutive states of the queue. A memo keeps the last answer with the
// values of the variables its evaluation read (context.ts read log) and gives it again for a
// state whose values in those slots are the same objects, without evaluating.
//
// An answer is kept only if its evaluation read nothing but constants, bound names fixed for
// the memo's user and variables of a stable state (context.ts `unstable` did not move: no
// TLCGet, RandomElement, Print or other side effect, no partial assignment), and if every
// variable it depended on was logged. Errors are never kept. A memo that rarely hits turns
// itself off: recording costs a little on every miss.
import type { Value } from '../values/value.js';
import { startReadLog, stopReadLog, unstableReads } from './context.js';
import { equals } from '../values/compare.js';

/** Tries after which a memo that hits less than a quarter of the time stops trying. */
const PROBATION = 512;

export class Memo {
  private slots: number[] | undefined;
  private vals: (Value | undefined)[] = [];
  private answer = false;
  private tries = 0;
  private hits = 0;
  /** false once the memo has turned itself off */
  active = true;
  private mark = 0;

  /** The kept answer if `s` has the same values in the slots it was computed from. */
  lookup(s: readonly (Value | undefined)[]): boolean | undefined {
    const slots = this.slots;
    this.tries++;
    if (slots !== undefined) {
      let same = true;
      for (let i = 0; i < slots.length; i++) {
        if (!sameValue(s[slots[i]!], this.vals[i])) {
          same = false;
          break;
        }
      }
      if (same) {
        this.hits++;
        return this.answer;
      }
    }
    if (this.tries === PROBATION && this.hits * 4 < this.tries) this.active = false;
    return undefined;
  }

  /** Before evaluating (after a lookup that missed). */
  begin(): void {
    this.mark = unstableReads();
    startReadLog();
  }

  /** After evaluating to `answer` in state `s`; keeps it if it may be kept. */
  end(s: readonly (Value | undefined)[], answer: boolean): void {
    const log = stopReadLog();
    if (log === undefined || unstableReads() !== this.mark) return;
    const slots: number[] = [];
    for (let i = 0; i < log.length; i++) if (!slots.includes(log[i]!)) slots.push(log[i]!);
    this.slots = slots;
    this.vals = slots.map((k) => s[k]);
    this.answer = answer;
  }

  /** After an evaluation that threw. */
  abort(): void {
    stopReadLog();
  }
}

/** The same object, or an equal value built again (states reached from different parents
 *  rebuild equal functions and sets). Values hashed by the checker carry their fingerprint
 *  (hash.ts), so unequal values are told apart without a walk; equal fingerprints are
 *  confirmed by TLC's equality, so the answer is exact. */
function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'set': case 'tuple': case 'record': case 'fcn': {
      const h = b as typeof a;
      if ((a.h1 === 0 && a.h2 === 0) || a.h1 !== h.h1 || a.h2 !== h.h2) return false;
      return equals(a, b);
    }
    case 'int':
      return a.n === (b as typeof a).n;
    default:
      return false;
  }
}
