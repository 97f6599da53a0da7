// What TLCGet/TLCSet/Print see of the running model checker (tlc2/module/TLC.java TLCGet,
// TLCSet, Print). The checker updates `stats` as it goes; the evaluator only reads it.
import type { Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import * as V from './v.js';

export interface TlcStats {
  /** level (depth) of the state being explored: TLCGet("level") */
  level: number;
  distinct: number;
  generated: number;
  queue: number;
  diameter: number;
  duration: number;
}

/** The checker's figures as TLC's TLCGet reads them from TLCGlobals.mainChecker: states
 *  generated (getStatesGenerated), distinct (theFPSet.size()), queue (getStateQueueSize) and
 *  diameter (getProgress, the deepest level reached so far). */
export interface LiveFigures {
  readonly generated: number;
  readonly distinct: number;
  readonly queued: number;
  readonly depth: number;
}

class TlcRuntime {
  readonly stats: TlcStats = { level: 0, distinct: 0, generated: 0, queue: 0, diameter: 0, duration: 0 };
  /** set by the checker while it runs, so that TLCGet reads its figures at the moment of the
   *  call, as TLC's TLCGet does (tlc2/module/TLCGetSet.java); `stats` is used otherwise */
  private live: (() => LiveFigures) | undefined;
  private startedAt = Date.now();
  /** what TLCGet("config") reports of the run (ModelChecker.createConfig) */
  private config: { readonly checkDeadlock: boolean } | undefined;

  /** The checker hands over its figures for the duration of a run (undefined when it ends). */
  attach(live: (() => LiveFigures) | undefined, config?: { readonly checkDeadlock: boolean }): void {
    this.live = live;
    this.config = live ? config : undefined;
    if (live) this.startedAt = Date.now();
  }

  private refresh(): void {
    const f = this.live?.();
    if (!f) return;
    this.stats.distinct = f.distinct;
    this.stats.generated = f.generated;
    this.stats.queue = f.queued;
    this.stats.diameter = f.depth;
    // TLCGet("duration"): whole seconds since the start
    this.stats.duration = Math.floor((Date.now() - this.startedAt) / 1000);
  }
  /** TLCSet(i, v) registers, indexed by positive integers */
  private readonly registers = new Map<number, Value>();
  /** where Print/PrintT write; the CLI may redirect */
  print: (line: string) => void = (line) => console.log(line);

  get(k: Value, loc: Loc): Value {
    if (k.kind === 'int') {
      const v = this.registers.get(k.n);
      if (v === undefined) throw new EvalError(`TLCGet(${k.n}): no value was set at index ${k.n} by TLCSet`, loc);
      return v;
    }
    if (k.kind === 'str') {
      if (k.s !== 'level') this.refresh();
      switch (k.s) {
        case 'level':
          return V.int(this.stats.level, loc);
        case 'distinct':
          return V.int(this.stats.distinct, loc);
        case 'generated':
          return V.int(this.stats.generated, loc);
        case 'queue':
          return V.int(this.stats.queue, loc);
        case 'diameter':
          return V.int(this.stats.diameter, loc);
        case 'duration':
          return V.int(this.stats.duration, loc);
        case 'stats':
          return V.record(
            ['distinct', 'generated', 'queue', 'diameter', 'duration'],
            [this.stats.distinct, this.stats.generated, this.stats.queue, this.stats.diameter, this.stats.duration].map((n) => V.int(n, loc)),
          );
        case 'config': {
          // ModelChecker.createConfig: BFS with one worker; seed, fingerprint polynomial and
          // install location are TLC's own and have no meaning here
          if (!this.config) throw new EvalError('TLCGet("config") is only defined while the model checker runs', loc);
          return V.record(
            ['mode', 'deadlock', 'worker', 'seed', 'fingerprint', 'install'],
            [V.str('bfs'), V.bool(this.config.checkDeadlock), V.int(1, loc), V.str('0'), V.str('0'), V.str('')],
          );
        }
        default:
          throw new EvalError(`TLCGet("${k.s}") is not supported`, loc);
      }
    }
    throw new EvalError(`the argument of TLCGet should be a positive integer or a string, but instead it is ${V.show(k)}`, loc);
  }

  set(k: Value, v: Value, loc: Loc): void {
    if (k.kind === 'int' && k.n > 0) {
      this.registers.set(k.n, v);
      return;
    }
    if (k.kind === 'str' && k.s === 'exit') return;
    throw new EvalError(`the first argument of TLCSet should be a positive integer, but instead it is ${V.show(k)}`, loc);
  }

  reset(): void {
    this.registers.clear();
    this.live = undefined;
    this.config = undefined;
    Object.assign(this.stats, { level: 0, distinct: 0, generated: 0, queue: 0, diameter: 0, duration: 0 });
  }
}

export const tlcRuntime = new TlcRuntime();
