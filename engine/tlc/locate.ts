// Finding tla2tools.jar and a java to run it. TLC's jar is on no registry this package can
// reach, so it is optional: every place a user may have put it is tried, and when none has it the
// answer says which places were tried and why each failed.
import { accessSync, constants, existsSync, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface TlcLocation {
  readonly jar: string;
  readonly java: string;
  /** where each was found, e.g. `$TLA2TOOLS_JAR`, `PATH` */
  readonly jarFrom: string;
  readonly javaFrom: string;
}

export type Located = { readonly ok: true; readonly location: TlcLocation } | { readonly ok: false; readonly reason: string };

export interface LocateOptions {
  /** an explicit jar path (`--jar`, `check --tlc JAR`): used alone, no fallback when it is wrong */
  readonly jar?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
  readonly cwd?: string;
  /** replaces the fixed install locations (Toolbox, /usr/share/java, ~, cwd); tests pass [] */
  readonly systemPaths?: readonly string[];
}

/** The places tried, in order, with where each comes from. */
export function jarCandidates(opts: LocateOptions = {}): { path: string; from: string }[] {
  const env = opts.env ?? process.env;
  const home = opts.home ?? homedir();
  const out: { path: string; from: string }[] = [];
  if (env.TLA2TOOLS_JAR) out.push({ path: env.TLA2TOOLS_JAR, from: '$TLA2TOOLS_JAR' });
  if (env.TLC_JAR) out.push({ path: env.TLC_JAR, from: '$TLC_JAR' });
  // The VS Code extension ships the jar in tools/ of each installed version; newest first.
  for (const root of ['.vscode/extensions', '.vscode-server/extensions', '.vscode-oss/extensions', '.cursor/extensions']) {
    const dir = join(home, root);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.startsWith('tlaplus.vscode-ide-') || n.startsWith('alygin.vscode-tlaplus-'));
    } catch {
      continue;
    }
    names.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
    for (const n of names) out.push({ path: join(dir, n, 'tools', 'tla2tools.jar'), from: `VS Code extension ${n}` });
  }
  const fixed = opts.systemPaths ?? [
    join(home, 'tla2tools.jar'),
    join(home, 'toolbox', 'tla2tools.jar'),
    join(home, 'TLA+ Toolbox', 'tla2tools.jar'),
    '/opt/toolbox/tla2tools.jar',
    '/opt/TLA+Toolbox/tla2tools.jar',
    '/Applications/TLA+ Toolbox.app/Contents/Eclipse/tla2tools.jar',
    '/usr/share/java/tla2tools.jar',
    '/usr/local/share/java/tla2tools.jar',
    '/usr/local/lib/tla2tools.jar',
    join(opts.cwd ?? process.cwd(), 'tla2tools.jar'),
  ];
  for (const p of fixed) out.push({ path: p, from: p });
  return out;
}

/** Why `path` is not a usable jar, or undefined when it is one (a file starting with a zip header). */
export function jarProblem(path: string): string | undefined {
  if (!existsSync(path)) return 'no such file';
  try {
    if (!statSync(path).isFile()) return 'not a file';
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    closeSync(fd);
    // a jar is a zip archive: local file header "PK\x03\x04"
    if (n < 4 || head.readUInt32LE(0) !== 0x04034b50) return 'not a jar (no zip header)';
  } catch (e) {
    return `cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  return undefined;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `$JAVA_HOME/bin/java`, else the first `java` on PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): { java: string; from: string } | { reason: string } {
  const tried: string[] = [];
  if (env.JAVA_HOME) {
    const j = join(env.JAVA_HOME, 'bin', 'java');
    if (executable(j)) return { java: j, from: '$JAVA_HOME' };
    tried.push(`$JAVA_HOME/bin/java (${j}) is not an executable file`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const j = join(dir, 'java');
    if (executable(j)) return { java: j, from: 'PATH' };
  }
  tried.push('no java on PATH');
  return { reason: tried.join('; ') };
}

export function locateTlc(opts: LocateOptions = {}): Located {
  const env = opts.env ?? process.env;
  let jar: { path: string; from: string } | undefined;
  if (opts.jar !== undefined) {
    const problem = jarProblem(opts.jar);
    if (problem) return { ok: false, reason: `TLC is unavailable: ${opts.jar}: ${problem}` };
    jar = { path: opts.jar, from: 'given' };
  } else {
    const tried: string[] = [];
    for (const c of jarCandidates(opts)) {
      const problem = jarProblem(c.path);
      if (!problem) {
        jar = c;
        break;
      }
      // only mention the unusual failures and the variables the user set; absent default paths are listed once
      if (problem !== 'no such file' || c.from.startsWith('$')) tried.push(`${c.from === c.path ? c.path : `${c.from} (${c.path})`}: ${problem}`);
    }
    if (!jar) {
      const looked = tried.length > 0 ? `\n  ${tried.join('\n  ')}` : '';
      return {
        ok: false,
        reason:
          'TLC is unavailable: no tla2tools.jar found (give one with --jar FILE, or set $TLA2TOOLS_JAR; ' +
          `also looked in the VS Code extension, the Toolbox, /usr/share/java, ~ and the current directory)${looked}`,
      };
    }
  }
  const java = findJava(env);
  if ('reason' in java) return { ok: false, reason: `TLC is unavailable: found ${jar.path}, but no java to run it: ${java.reason}` };
  return { ok: true, location: { jar: jar.path, java: java.java, jarFrom: jar.from, javaFrom: java.from } };
}
