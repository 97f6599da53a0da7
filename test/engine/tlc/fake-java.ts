// A stand-in `java` for tests: a shell script placed first on PATH that prints a fixture (the
// file named by $FAKE_TLC_OUT), records its arguments, and exits with $FAKE_TLC_EXIT. It tests our
// process handling honestly: a real child process, real pipes, real exit statuses and signals.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeTlc {
  readonly dir: string;
  readonly jar: string;
  readonly argsFile: string;
  /** an environment with the fake java first on PATH and no JAVA_HOME */
  env(out: string, exit?: number, extra?: Record<string, string>): NodeJS.ProcessEnv;
}

export function fakeTlc(script?: string): FakeTlc {
  const dir = mkdtempSync(join(tmpdir(), 'rdsib-fake-java-'));
  const jar = join(dir, 'tla2tools.jar');
  writeFileSync(jar, Buffer.from('PK\x03\x04not really a jar', 'latin1'));
  const argsFile = join(dir, 'args');
  writeFileSync(
    join(dir, 'java'),
    script ??
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\ncat "$FAKE_TLC_OUT"\nif [ -n "$FAKE_TLC_SLEEP" ]; then sleep "$FAKE_TLC_SLEEP"; fi\nexit \${FAKE_TLC_EXIT:-0}\n`,
  );
  chmodSync(join(dir, 'java'), 0o755);
  return {
    dir,
    jar,
    argsFile,
    env(out, exit = 0, extra = {}) {
      const { JAVA_HOME: _drop, ...rest } = process.env;
      return { ...rest, PATH: `${dir}:${process.env.PATH ?? ''}`, FAKE_TLC_OUT: out, FAKE_TLC_EXIT: String(exit), ...extra };
    },
  };
}
