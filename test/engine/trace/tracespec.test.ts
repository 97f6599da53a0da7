// The TraceSpec emitter (engine/trace/tracespec.ts): the module it writes parses with our front
// end, and our own checker run on it reaches the end of an accepted trace — depth = events + 1,
// the POSTCONDITION TraceAccepted holds — and stops short of the end of a rejected one.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFile } from '../../../engine/check/pipeline.js';
import { loadSpec } from '../../../engine/frontend/load.js';
import { loadModel, validateEvents } from '../../../engine/trace/run.js';
import { parseNdjson } from '../../../engine/trace/events.js';
import { constantsSection, emitTraceSpec } from '../../../engine/trace/tracespec.js';
import { withConstants } from '../../conformance/harness.js';

// A lift: `Up` / `Down` by one floor, `Call(f)` sets a request (parameter split by Next on 1..N).
const LIFT = `---- MODULE Lift ----
EXTENDS Naturals
CONSTANT N
VARIABLES floor, req
Init == floor = 1 /\\ req = 0
Up == floor < N /\\ floor' = floor + 1 /\\ UNCHANGED req
Down == floor > 1 /\\ floor' = floor - 1 /\\ UNCHANGED req
Call(f) == req = 0 /\\ req' = f /\\ UNCHANGED floor
Serve == req = floor /\\ req' = 0 /\\ UNCHANGED floor
Next == Up \\/ Down \\/ (\\E f \\in 1..N : Call(f)) \\/ Serve
====
`;
const LIFT_CFG = `\\* three floors
INIT Init
NEXT Next
CONSTANTS
    N = 3
INVARIANT TypeOK
`;

function liftDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tracespec-'));
  writeFileSync(join(dir, 'Lift.tla'), LIFT);
  writeFileSync(join(dir, 'Lift.cfg'), LIFT_CFG.replace('INVARIANT TypeOK\n', ''));
  return dir;
}

/** Emit the trace module beside the spec, check it with our checker, return the search result. */
async function emitAndCheck(dir: string, spec: string, cfgText: string, ndjson: string, silent: string[] = []) {
  const model = await loadModel(join(dir, `${spec}.tla`), join(dir, `${spec}.cfg`), cfgText);
  const events = parseNdjson(ndjson, 'trace.ndjson', model.decode);
  // validate before checking: a check starts with fresh value tables (engine/values), so values
  // decoded for this model must not outlive it
  const ours = validateEvents(model, events, { silent });
  const files = emitTraceSpec(model.spec, await loadSpec(join(dir, `${spec}.tla`)), cfgText, events, { silent, source: 'trace.ndjson' });
  writeFileSync(join(dir, `${files.name}.tla`), files.tla);
  writeFileSync(join(dir, `${files.name}.cfg`), files.cfg);
  const run = await checkFile(join(dir, `${files.name}.tla`));
  return { events, files, result: run.result, ours };
}

// Up to floor 2, a call from floor 2 served there, then down: five events.
const ACCEPTED = [
  '{"action": "Up", "vars": {"floor": 2}}',
  '{"action": "Call", "params": {"f": 2}}',
  '{"action": "Serve", "vars": {"req": 0}}',
  '{"action": "Up"}',
  '{"action": "Down", "vars": {"floor": 2}}',
].join('\n');

describe('constantsSection', () => {
  test('keeps CONSTANTS lines and drops comments and other sections', () => {
    expect(constantsSection(LIFT_CFG)).toBe('CONSTANTS\n    N = 3');
  });
});

describe('emitted TraceSpec of a small spec', () => {
  test('parses, and the checker reaches the end of an accepted trace: depth = 5 events + 1', async () => {
    const { files, result, ours } = await emitAndCheck(liftDir(), 'Lift', LIFT_CFG.replace('INVARIANT TypeOK\n', ''), ACCEPTED);
    expect(ours.accepted).toBe(true);
    expect(files.tla).toContain('MODULE LiftTrace');
    expect(files.tla).toContain('\\E f \\in {1, 2, 3} : Param(line, "f", f) /\\ Call(f)');
    // each log line is one step from the initial state; one state per log position (the trace
    // pins every step here), so 6 distinct states and depth 6
    expect(result.depth).toBe(6);
    expect(result.distinct).toBe(6);
  });

  test('a rejected trace stops short of its end: the postcondition fails', async () => {
    // Serve at floor 2 with the request from floor 3: Serve's guard req = floor is false
    const rejected = ACCEPTED.replace('"f": 2', '"f": 3');
    const { result, ours } = await emitAndCheck(liftDir(), 'Lift', LIFT_CFG.replace('INVARIANT TypeOK\n', ''), rejected);
    expect(ours.accepted).toBe(false);
    expect(ours.rejection?.index).toBe(2);
    // Init, Up, Call: three states, the third at depth 3
    expect(result.depth).toBe(3);
  });

  test('the POSTCONDITION TraceAccepted holds for the accepted trace under our checker', async () => {
    const { result } = await emitAndCheck(liftDir(), 'Lift', LIFT_CFG.replace('INVARIANT TypeOK\n', ''), ACCEPTED);
    expect(result.outcome.kind).toBe('ok');
  });

  test('and fails for a rejected one', async () => {
    const { result } = await emitAndCheck(liftDir(), 'Lift', LIFT_CFG.replace('INVARIANT TypeOK\n', ''), ACCEPTED.replace('"f": 2', '"f": 3'));
    expect(result.outcome.kind).toBe('postcondition');
  });

  test('a logged variable that disagrees rejects the line it is on', async () => {
    const bad = ACCEPTED.replace('{"floor": 2}}', '{"floor": 3}}');
    const { result } = await emitAndCheck(liftDir(), 'Lift', LIFT_CFG.replace('INVARIANT TypeOK\n', ''), bad);
    expect(result.depth).toBe(1);
  });
});

describe('emitted TraceSpec of the rds_ib_device model', () => {
  const TLA = join(import.meta.dirname, '../../../tla');
  const modelDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tracespec-rds-'));
    for (const f of readdirSync(TLA)) if (f.endsWith('.tla')) copyFileSync(join(TLA, f), join(dir, f));
    return dir;
  };
  // Two devices, one connection and no MR; the second device's add and the connection's
  // setup, then the removal of device 1 up to its list deletion: 11 events, every one logging
  // the variables it changes (values worked out from tla/ACTIONS.md by hand).
  // the committed V2 configuration (whatever constants the model has), resized
  const cfg = withConstants(readFileSync(join(TLA, 'MC_V2.cfg'), 'utf8'), { NDEV: '2', NCONN: '1', NMR: '1', REMOVABLE: '{1}', MODULE_EXIT: 'FALSE' });
  const log = [
    '{"action": "AddOne_Alloc", "params": {"d": 1}, "vars": {"refcount": [1, 0], "rds_ibdev": ["alloc", "none"]}}',
    '{"action": "AddOne_ListAdd", "params": {"d": 1}, "vars": {"refcount": [2, 0], "rds_ib_devices": {"#set": [1]}}}',
    '{"action": "AddOne_SetClientData", "params": {"d": 1}, "vars": {"refcount": [3, 0], "client_data": [true, false]}}',
    '{"action": "AddOne_Put", "params": {"d": 1}, "vars": {"refcount": [2, 0]}}',
    '{"action": "ConnSetup_GetClientData", "params": {"c": 1}}',
    '{"action": "ConnSetup_DevGet", "params": {"c": 1}, "vars": {"refcount": [3, 0]}}',
    '{"action": "ConnSetup_AddConn", "params": {"c": 1}, "vars": {"refcount": [3, 0], "ic_rds_ibdev": [1]}}',
    '{"action": "RemoveOne_Begin", "params": {"d": 1}}',
    '{"action": "RemoveOne_ClearClientData", "params": {"d": 1}, "vars": {"client_data": [false, false]}}',
    '{"action": "RemoveOne_ListDel", "params": {"d": 1}, "vars": {"rds_ib_devices": {"#set": []}}}',
  ].join('\n');

  test('parses and is checked to the end of an accepted trace: depth = 10 events + 1', async () => {
    const dir = modelDir();
    writeFileSync(join(dir, 'RdsIbDevice.cfg'), cfg);
    const { events, files, result, ours } = await emitAndCheck(dir, 'RdsIbDevice', cfg, log, ['ConnDrop']);
    expect(events.length).toBe(10);
    expect(ours.accepted).toBe(true);
    expect(files.tla).toContain('SilentConnDrop');
    // with the silent ConnDrop (the removal drops the connection without a log line) the
    // search can go one step deeper than the log: the last line consumed at depth 11, the drop after
    expect(result.depth).toBeGreaterThanOrEqual(11);
    // the one connection drops at most once, so at most one silent level beyond the log
    expect(result.depth).toBeLessThanOrEqual(12);
  });

  test('a rejected trace (the put of add_one logged as leaving refcount 3) stops at its 4th line', async () => {
    const dir = modelDir();
    writeFileSync(join(dir, 'RdsIbDevice.cfg'), cfg);
    const { result, ours } = await emitAndCheck(dir, 'RdsIbDevice', cfg, log.replace('"refcount": [2, 0]}}\n{"action": "ConnSetup_GetClientData"', '"refcount": [3, 0]}}\n{"action": "ConnSetup_GetClientData"'), []);
    expect(ours.accepted).toBe(false);
    expect(ours.rejection?.index).toBe(3);
    // Init and the three add steps: depth 4, short of 11
    expect(result.depth).toBe(4);
  });
});

describe('rdsib trace tlc', () => {
  const root = join(import.meta.dirname, '../../..');
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'engine/cli/main.ts'), 'trace', 'tlc', ...args], { cwd: root, encoding: 'utf8' });

  test('writes <Spec>Trace.tla and .cfg into --out', () => {
    const dir = liftDir();
    writeFileSync(join(dir, 'log.ndjson'), ACCEPTED);
    const r = cli(join(dir, 'log.ndjson'), '--spec', join(dir, 'Lift.tla'), '--out', dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'LiftTrace.tla'), 'utf8')).toContain('IsServe ==');
    expect(readFileSync(join(dir, 'LiftTrace.cfg'), 'utf8')).toContain('POSTCONDITION TraceAccepted');
  });

  test('a malformed line is reported as file:line: message with exit 255, no stack trace', () => {
    const dir = liftDir();
    writeFileSync(join(dir, 'bad.ndjson'), '{"action": "Up"}\n{"action": 3}\n');
    const r = cli(join(dir, 'bad.ndjson'), '--spec', join(dir, 'Lift.tla'), '--out', dir);
    expect(r.status).toBe(255);
    expect(r.stderr.trim()).toBe(`${join(dir, 'bad.ndjson')}:2: "action" must be an action name or a non-empty list of names`);
  });

  test('an action the spec does not have is reported at the line that names it', () => {
    const dir = liftDir();
    writeFileSync(join(dir, 'bad.ndjson'), '{"action": "Up"}\n{"action": "Jump"}\n');
    const r = cli(join(dir, 'bad.ndjson'), '--spec', join(dir, 'Lift.tla'), '--out', dir);
    expect(r.status).toBe(255);
    expect(r.stderr.trim()).toBe(`${join(dir, 'bad.ndjson')}:2: the spec's Next has no action named Jump`);
  });
});
