// The `rdsib` command. A thin shell: every subcommand lives in commands/*.ts and exports
// `register(program)`, so new subcommands are added by adding a file, not by editing this one.
// All failures end here: user errors print `file:line:col: message` with TLC's exit code,
// anything else one line and exit 255 — never a stack trace.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { reportFailure } from './fail.js';
import { TlcFlagError, translateTlcFlags } from './tlc-flags.js';

/** Subcommands registered by a file of another name (tlc.ts registers `tlc` and `compare`). */
const FILE_OF: Readonly<Record<string, string>> = { compare: 'tlc' };

/** The program with every subcommand, or, given the subcommand about to run, with that one only:
 *  each file's imports are loaded on registration (gen's ts-morph alone takes ~0.3 s), and a
 *  check of a small spec should not pay for the others. */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('rdsib')
    .description('Model checking, code generation and trace conformance for the rds_ib_device lifetime model')
    .showHelpAfterError()
    .exitOverride();
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const all = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('.test.'))
    .sort();
  const own = only === undefined ? undefined : all.find((f) => f.replace(/\.(ts|js)$/, '') === (FILE_OF[only] ?? only));
  const files = own ? [own] : all;
  for (const f of files) {
    let mod: { register?: (p: Command) => void };
    try {
      mod = (await import(pathToFileURL(join(dir, f)).href)) as typeof mod;
    } catch (e) {
      // One broken subcommand (say, a native addon that is not built) must not take the others
      // down: it stays listed and reports its own failure when it is used.
      const name = f.replace(/\.(ts|js)$/, '');
      program
        .command(name)
        .description(`(unavailable: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`)
        .allowUnknownOption()
        .argument('[args...]')
        .action(() => {
          throw e;
        });
      continue;
    }
    if (typeof mod.register === 'function') mod.register(program);
  }
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = await buildProgram(argv[0]);
    let args = [...argv];
    if (args[0] === 'check') {
      // TLC's single-dash options (tlc-flags.ts)
      const t = translateTlcFlags(args.slice(1));
      for (const note of t.notes) process.stderr.write(`rdsib check: ${note}\n`);
      args = ['check', ...t.argv];
    }
    await program.parseAsync(args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 255; // commander printed it
    if (e instanceof TlcFlagError) {
      process.stderr.write(`rdsib check: ${e.message}\n`);
      return 255;
    }
    return reportFailure(e, false);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `rdsib check X | head`: the reader went away; stop quietly like any Unix filter.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2));
}
