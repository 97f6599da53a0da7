// The work queue of the search. TLC's StateQueue is FIFO for breadth-first search; the
// interface is here so a parallel or disk-backed queue can replace it without touching bfs.ts.
import type { State } from '../eval/api.js';

export interface QueueEntry {
  readonly state: State;
  /** dense id in the fingerprint table (bfs.ts), used for predecessors and liveness edges */
  readonly id: number;
  /** TLCState.level: 1 for initial states */
  readonly level: number;
}

export interface StateQueue {
  enqueue(e: QueueEntry): void;
  dequeue(): QueueEntry | undefined;
  readonly size: number;
}

/** Array with a moving head; the consumed prefix is dropped once it dominates the array so
 *  memory follows the frontier, not the whole run. */
export class FifoQueue implements StateQueue {
  private items: QueueEntry[] = [];
  private head = 0;

  enqueue(e: QueueEntry): void {
    this.items.push(e);
  }

  dequeue(): QueueEntry | undefined {
    if (this.head >= this.items.length) return undefined;
    const e = this.items[this.head]!;
    this.items[this.head] = undefined as unknown as QueueEntry;
    this.head++;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return e;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}
