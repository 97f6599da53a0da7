// The kernel's kprobe trace as text: trace_pipe lines (test/rxe/kernel/guest.sh, probes of
// test/rxe/kernel/kprobes.sh and, for the patched module, test/rxe/kernel-fix/kprobes-fix.sh)
// parsed into events; what they mean for the model is spec/kernel-refinement.ts.
import { TraceFormatError } from '../engine/trace/errors.js';

/** A malformed or unmappable kernel trace: `file:line: message` (describe()), exit 255 like any
 *  trace the validator cannot read. */
export class KernelTraceError extends TraceFormatError {}

// ---------------------------------------------------------------------------------------------
// ftrace lines

/** One trace_pipe line: `TASK-PID [CPU] FLAGS TS: EVENT: (probe) key=value ...`. */
export interface FtraceLine {
  readonly line: number;
  readonly task: string;
  readonly pid: number;
  readonly ts: number;
  readonly event: string;
  /** kretprobes: the function the probed one returned to (`(caller+0x60/0x5c0 <- callee)`) */
  readonly caller?: string;
  readonly args: ReadonlyMap<string, string>;
  /** the text after `tracing_mark_write:` */
  readonly mark?: string;
}

const LINE = /^\s*(.*)-(\d+)\s+(?:\(\s*[\d-]+\)\s+)?\[(\d+)\]\s+\S+\s+(\d+\.\d+):\s+(\w+):\s?(.*)$/;

/** Parse trace_pipe text. Lost events make a trace unusable (a missing put would be read as a
 *  different protocol), so they are an error, as is any line that is not an event. */
export function parseFtrace(text: string, file: string): FtraceLine[] {
  const out: FtraceLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (/LOST \d+ EVENTS/.test(raw)) throw new KernelTraceError(`the trace lost events (${raw.trim()}): the ring buffer overflowed, so the protocol cannot be followed`, file, line);
    const m = LINE.exec(raw);
    if (!m) throw new KernelTraceError(`not an ftrace event line: ${JSON.stringify(raw.slice(0, 80))}`, file, line);
    const [, task, pid, , ts, event, rest] = m as unknown as [string, string, string, string, string, string, string];
    if (event === 'tracing_mark_write') {
      out.push({ line, task: task.trim(), pid: Number(pid), ts: Number(ts), event, args: new Map(), mark: rest.trim() });
      return;
    }
    let body = rest;
    let caller: string | undefined;
    const probe = /^\(([^)]*)\)\s*/.exec(body);
    if (probe) {
      const ret = /^([\w.]+)\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[\w+\])? <- /.exec(probe[1]!);
      if (ret) caller = ret[1];
      body = body.slice(probe[0].length);
    }
    const args = new Map<string, string>();
    const arg = /(\w+)=("(?:[^"\\]|\\.)*"|\{[^}]*\}|\S+)\s*/gy;
    let a: RegExpExecArray | null;
    while ((a = arg.exec(body)) !== null) args.set(a[1]!, a[2]!.startsWith('"') ? a[2]!.slice(1, -1) : a[2]!);
    if (arg.lastIndex !== 0 && arg.lastIndex < body.trimEnd().length) {
      throw new KernelTraceError(`cannot read the arguments of ${event} after ${JSON.stringify(body.slice(arg.lastIndex, arg.lastIndex + 30))}`, file, line);
    }
    out.push({ line, task: task.trim(), pid: Number(pid), ts: Number(ts), event, ...(caller ? { caller } : {}), args });
  });
  return out;
}

/** The events kprobes.sh defines, in its order. */
export const KERNEL_EVENTS = [
  'add_one', 'add_one_ret', 'set_client_data', 'create_mr_pool', 'create_mr_pool_ret', 'get_client_data',
  'get_client_data_ret', 'get_device', 'get_device_ret', 'add_conn', 'remove_conn', 'dev_put', 'dev_free',
  'remove_one', 'remove_one_ret', 'update_ipaddr', 'get_mr', 'get_mr_ret', 'free_mr', 'flush_mrs',
  'flush_mrs_ret', 'flush_mr_pool', 'connect_complete', 'conn_path_shutdown', 'conn_path_drop',
  'conn_destroy', 'ib_unregister', 'ib_unregister_ret', 'ib_exit', 'destroy_nodev_conns',
] as const;
export type KernelBaseEventName = (typeof KERNEL_EVENTS)[number];
/** The events test/rxe/kernel-fix/kprobes-fix.sh adds for the patched rds_rdma (kernel/). */
export const KERNEL_FIX_EVENTS = ['flush_dev_mrs'] as const;
export type KernelFixEventName = (typeof KERNEL_FIX_EVENTS)[number];
export type KernelEventName = KernelBaseEventName | KernelFixEventName;
