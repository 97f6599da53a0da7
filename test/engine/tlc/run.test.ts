// Running TLC as a child process, with a fake `java` first on PATH (fake-java.ts): the command
// line TLC gets, streamed output, exit statuses, signals and the timeout.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateTlc, type TlcLocation } from '../../../engine/tlc/locate.js';
import { runTlc } from '../../../engine/tlc/run.js';
import { fakeTlc } from './fake-java.js';

const fixtures = resolve(import.meta.dirname, '../../fixtures/tlc');
const spec = join(fixtures, 'Counter.tla');
const fake = fakeTlc();

function located(env: NodeJS.ProcessEnv): TlcLocation {
  const r = locateTlc({ jar: fake.jar, env });
  if (!r.ok) throw new Error(r.reason);
  return r.location;
}

describe('runTlc with a fake java', () => {
  it('finds the fake java first on PATH and gives TLC its flags (anchors.md 1.1)', async () => {
    const env = fake.env(join(fixtures, 'counter-success.tool.out'));
    const loc = located(env);
    expect(loc.java).toBe(join(fake.dir, 'java'));
    const r = await runTlc(loc, { spec, config: join(fixtures, 'Counter.cfg'), workers: 2, noDeadlock: true, dumpTraceJson: '/tmp/t.json', env });
    expect(readFileSync(fake.argsFile, 'utf8').trim().split('\n')).toEqual([
      '-XX:+UseParallelGC', '-cp', fake.jar, 'tlc2.TLC', '-tool', '-workers', '2', '-deadlock',
      '-config', join(fixtures, 'Counter.cfg'), '-dumpTrace', 'json', '/tmp/t.json', spec,
    ]);
    expect(r).toMatchObject({ result: 'ok', distinctStates: 5, generatedStates: 6, depth: 5, exitCode: 0 });
  });

  it('streams every line of stdout, in order', async () => {
    const env = fake.env(join(fixtures, 'counter-success.tool.out'));
    const lines: string[] = [];
    await runTlc(located(env), { spec, env, onLine: (l) => lines.push(l) });
    expect(lines.join('\n') + '\n').toBe(readFileSync(join(fixtures, 'counter-success.tool.out'), 'utf8'));
  });

  it("the process' exit status is the result's (151 for a cfg error where EC's table alone says 255)", async () => {
    const env = fake.env(join(fixtures, 'cfg-syntax.tool.out'), 151);
    expect(await runTlc(located(env), { spec, env })).toMatchObject({ result: 'error', exitCode: 151 });
  });

  it('a violation keeps its status (12) and its trace', async () => {
    const env = fake.env(join(fixtures, 'mailbox-invariant.tool.out'), 12);
    const r = await runTlc(located(env), { spec, env });
    expect(r).toMatchObject({ result: 'violation', property: 'Bounded', exitCode: 12 });
    expect(r.trace).toHaveLength(3);
  });

  it('success printed but a failing status (153, system error) is an error that says both', async () => {
    const env = fake.env(join(fixtures, 'counter-success.tool.out'), 153);
    const r = await runTlc(located(env), { spec, env });
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(153);
    expect(r.error?.message).toMatch(/^TLC exited with 153 \(system error\) after reporting success/);
  });

  it("java failing before TLC prints anything: stderr's first line and the status", async () => {
    const f = fakeTlc('#!/bin/sh\necho "Error: Could not find or load main class tlc2.TLC" >&2\nexit 1\n');
    const env = f.env('/dev/null');
    const loc = locateTlc({ jar: f.jar, env });
    if (!loc.ok) throw new Error(loc.reason);
    const r = await runTlc(loc.location, { spec, env });
    expect(r).toMatchObject({ result: 'error', exitCode: 1, error: { message: 'TLC exited with 1 (unknown exit status 1): Error: Could not find or load main class tlc2.TLC' } });
  });

  it('killed by a signal: an error naming the signal, exit 255', async () => {
    const f = fakeTlc('#!/bin/sh\nkill -9 $$\n');
    const env = f.env('/dev/null');
    const loc = locateTlc({ jar: f.jar, env });
    if (!loc.ok) throw new Error(loc.reason);
    expect(await runTlc(loc.location, { spec, env })).toMatchObject({ result: 'error', exitCode: 255, error: { message: 'TLC was killed by SIGKILL' } });
  });

  it('a timeout stops the whole process group (the sleeping child too) and keeps what was printed', async () => {
    // the fake prints a complete success, then sleeps 30 s holding stdout open: if the sleep
    // survived the kill, the pipe would stay open and this run would last 30 s
    const env = fake.env(join(fixtures, 'counter-success.tool.out'), 0, { FAKE_TLC_SLEEP: '30' });
    const r = await runTlc(located(env), { spec, env, timeoutMs: 300 });
    expect(r.process.timedOut).toBe(true);
    expect(r.process.elapsedMs).toBeLessThan(10_000);
    expect(r).toMatchObject({ result: 'error', exitCode: 255, error: { message: 'TLC did not finish within 300 ms and was stopped' }, distinctStates: 5 });
  });
});
