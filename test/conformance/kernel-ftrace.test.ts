// Reading trace_pipe text (spec/kernel-refinement.ts parseFtrace) and the map's bookkeeping on
// small hand-written traces: the expected events are worked out by hand from the lines.
import { describe, expect, test } from 'vitest';
import { KernelTraceError, mapKernelTrace, parseFtrace } from '../../spec/kernel-refinement.js';

const P = (rest: string, task = 'rdma-167', ts = '17.691575') => `            ${task}     [000] .....    ${ts}: ${rest}`;
const ADD = [
  P('add_one: (rds_ib_add_one+0x0/0x250 [rds_rdma]) ibdev=0xffff888006526000 name="rxe0"'),
  P('set_client_data: (ib_set_client_data+0x0/0x50 [ib_core]) ibdev=0xffff888006526000 name="rxe0" client="rds_ib" data=0xffff8880090abd80 ref=2'),
  P('add_one_ret: (add_client_context+0x115/0x1a0 [ib_core] <- rds_ib_add_one) ret=0'),
];

describe('parseFtrace', () => {
  test('an entry probe: task, pid, timestamp, event and arguments (strings unquoted, byte arrays kept)', () => {
    const [l] = parseFtrace(P('add_conn: (rds_ib_add_conn+0x0/0x110 [rds_rdma]) dev=0xffff8880090abd80 name="rxe 0" ref_before=3 laddr={169,254,77,1}', 'kworker/u4:0-9'), 'x.txt');
    expect(l).toMatchObject({ line: 1, task: 'kworker/u4:0', pid: 9, ts: 17.691575, event: 'add_conn' });
    expect(l!.caller).toBeUndefined();
    expect(Object.fromEntries(l!.args)).toEqual({ dev: '0xffff8880090abd80', name: 'rxe 0', ref_before: '3', laddr: '{169,254,77,1}' });
  });

  test('a return probe names the function returned to', () => {
    const [l] = parseFtrace(P('get_client_data_ret: (rds_ib_setup_qp+0x60/0x5c0 [rds_rdma] <- rds_ib_get_client_data) dev=0x0 ref_after=0'), 'x.txt');
    expect(l!.caller).toBe('rds_ib_setup_qp');
    expect(l!.args.get('dev')).toBe('0x0');
  });

  test('trace markers are kept with their text', () => {
    const [l] = parseFtrace(P('tracing_mark_write: GUEST === rdma link delete rxe1 ===', 'bash-128'), 'x.txt');
    expect(l!.mark).toBe('GUEST === rdma link delete rxe1 ===');
  });

  test('lost events and lines that are not events are errors at their line', () => {
    expect(() => parseFtrace(`${ADD[0]}\nCPU:1 [LOST 12 EVENTS]`, 'x.txt')).toThrow(/lost events/);
    try {
      parseFtrace(`${ADD[0]}\n\nnot a trace line`, 'x.txt');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KernelTraceError);
      expect((e as KernelTraceError).describe()).toBe('x.txt:3: not an ftrace event line: "not a trace line"');
    }
  });
});

describe('mapKernelTrace', () => {
  test('rds_ib_add_one: allocation, then list + client-data references and the initial one put, at the return (6.1 keeps the initial one as the client-data reference: 2 either way)', () => {
    const { events } = mapKernelTrace(parseFtrace(ADD.join('\n'), 'x.txt'), 'x.txt');
    expect(events.map((e) => [e.line, e.obj['action'], e.obj['params'], e.obj['vars']])).toEqual([
      [1, 'AddOne_Alloc', { d: 1 }, { refcount: [1, 0] }],
      [3, ['AddOne_ListAdd', 'AddOne_SetClientData', 'AddOne_Put'], { d: 1 }, { refcount: [2, 0] }],
    ]);
  });

  test('a lookup reference taken and put inside rds_ib_laddr_check is transient: no model step, the logged count never shows it', () => {
    const trace = [
      ...ADD,
      P('get_device_ret: (rds_ib_laddr_check+0x50/0x290 [rds_rdma] <- rds_ib_get_device) dev=0xffff8880090abd80 ref_after=3', 'python3-176'),
      P('dev_put: (rds_ib_dev_put+0x0/0x50 [rds_rdma]) dev=0xffff8880090abd80 name="rxe0" ref_before=3', 'python3-176'),
      P('get_client_data: (rds_ib_get_client_data+0x0/0x70 [rds_rdma]) ibdev=0xffff888006526000 name="rxe0"', 'kworker/u4:0-9'),
      P('get_client_data_ret: (rds_ib_setup_qp+0x60/0x5c0 [rds_rdma] <- rds_ib_get_client_data) dev=0xffff8880090abd80 ref_after=3', 'kworker/u4:0-9'),
    ].join('\n');
    const { events } = mapKernelTrace(parseFtrace(trace, 'x.txt'), 'x.txt');
    // the setup's lookup: 2 -> 3, the first connection on device 1
    expect(events.at(-1)!.obj).toMatchObject({ action: ['ConnSetup_GetClientData', 'ConnSetup_DevGet'], params: { c: 1 }, vars: { refcount: [3, 0] } });
    expect(events).toHaveLength(3);
  });

  test('a dev_put no operation of its task explains is an error naming the line', () => {
    const trace = [...ADD, P('dev_put: (rds_ib_dev_put+0x0/0x50 [rds_rdma]) dev=0xffff8880090abd80 name="rxe0" ref_before=2', 'kworker/0:0-7')].join('\n');
    expect(() => mapKernelTrace(parseFtrace(trace, 'x.txt'), 'x.txt')).toThrow('dev_put of rxe0 with no operation of task 7 to attribute it to');
  });

  test('an event the probes do not define is refused', () => {
    expect(() => mapKernelTrace(parseFtrace(P('cm_event_handler: cm.id=1'), 'x.txt'), 'x.txt')).toThrow(/unknown event "cm_event_handler"/);
  });
});
