// Finding the jar and java: each source in its order, and a clear reason when TLC is unavailable.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateTlc } from '../../../engine/tlc/locate.js';

const root = mkdtempSync(join(tmpdir(), 'rdsib-locate-'));
const empty = join(root, 'empty-home');
mkdirSync(empty);
function jarAt(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.from('PK\x03\x04', 'latin1'));
  return path;
}
function javaIn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'java'), '#!/bin/sh\n');
  chmodSync(join(dir, 'java'), 0o755);
  return join(dir, 'java');
}
const jar = jarAt(join(root, 'given', 'tla2tools.jar'));
const pathJava = javaIn(join(root, 'bin'));
const base = { home: empty, cwd: empty, systemPaths: [] as string[] };

describe('locateTlc', () => {
  it('an explicit jar and java on PATH', () => {
    const r = locateTlc({ ...base, jar, env: { PATH: join(root, 'bin') } });
    expect(r).toEqual({ ok: true, location: { jar, java: pathJava, jarFrom: 'given', javaFrom: 'PATH' } });
  });

  it('a jar but no java: unavailable, and says so', () => {
    const r = locateTlc({ ...base, jar, env: { PATH: join(root, 'nowhere') } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(`TLC is unavailable: found ${jar}, but no java to run it: no java on PATH`);
  });

  it('an explicit jar that is missing is not replaced by another one', () => {
    const r = locateTlc({ ...base, jar: join(root, 'missing.jar'), env: { PATH: join(root, 'bin'), TLA2TOOLS_JAR: jar } });
    expect(r).toEqual({ ok: false, reason: `TLC is unavailable: ${join(root, 'missing.jar')}: no such file` });
  });

  it('a file that is not a zip is not a jar', () => {
    const notJar = join(root, 'text.jar');
    writeFileSync(notJar, 'hello');
    const r = locateTlc({ ...base, jar: notJar, env: { PATH: join(root, 'bin') } });
    expect(r).toEqual({ ok: false, reason: `TLC is unavailable: ${notJar}: not a jar (no zip header)` });
  });

  it('$TLA2TOOLS_JAR before $TLC_JAR; $JAVA_HOME before PATH', () => {
    const other = jarAt(join(root, 'other', 'tla2tools.jar'));
    const homeJava = javaIn(join(root, 'jdk', 'bin'));
    const r = locateTlc({ ...base, env: { PATH: join(root, 'bin'), TLA2TOOLS_JAR: jar, TLC_JAR: other, JAVA_HOME: join(root, 'jdk') } });
    expect(r).toEqual({ ok: true, location: { jar, java: homeJava, jarFrom: '$TLA2TOOLS_JAR', javaFrom: '$JAVA_HOME' } });
    const r2 = locateTlc({ ...base, env: { PATH: join(root, 'bin'), TLC_JAR: other } });
    expect(r2.ok && r2.location.jar).toBe(other);
  });

  it("the newest VS Code extension's tools/tla2tools.jar (versions compared as numbers)", () => {
    const home = join(root, 'home');
    jarAt(join(home, '.vscode/extensions/tlaplus.vscode-ide-1.9.0/tools/tla2tools.jar'));
    const newest = jarAt(join(home, '.vscode/extensions/tlaplus.vscode-ide-1.10.0/tools/tla2tools.jar'));
    const r = locateTlc({ home, cwd: empty, systemPaths: [], env: { PATH: join(root, 'bin') } });
    expect(r).toEqual({ ok: true, location: { jar: newest, java: pathJava, jarFrom: 'VS Code extension tlaplus.vscode-ide-1.10.0', javaFrom: 'PATH' } });
  });

  it('the usual install locations are tried, in order', () => {
    const toolbox = jarAt(join(root, 'opt', 'toolbox', 'tla2tools.jar'));
    const r = locateTlc({ ...base, systemPaths: [join(root, 'nope', 'tla2tools.jar'), toolbox], env: { PATH: join(root, 'bin') } });
    expect(r.ok && [r.location.jar, r.location.jarFrom]).toEqual([toolbox, toolbox]);
  });

  it('nothing anywhere: the reason names how to give a jar and the bad variable', () => {
    const r = locateTlc({ ...base, env: { PATH: join(root, 'bin'), TLA2TOOLS_JAR: join(root, 'gone.jar') } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/^TLC is unavailable: no tla2tools\.jar found \(give one with --jar FILE, or set \$TLA2TOOLS_JAR/);
      expect(r.reason).toContain(`$TLA2TOOLS_JAR (${join(root, 'gone.jar')}): no such file`);
    }
  });
});
