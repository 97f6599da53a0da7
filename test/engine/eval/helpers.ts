// Test helpers: compile small specs written inline (modules go to a temporary folder so the
// real front end loads them, INSTANCE and EXTENDS included).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '../../../engine/frontend/load.js';
import { parseConfig } from '../../../engine/config/parse.js';
import { compileSpec, type CompiledSpecExt } from '../../../engine/eval/index.js';
import type { Value } from '../../../engine/values/value.js';
import { format } from '../../../engine/values/print.js';

/** Compile `modules` (name -> body without the ---- MODULE ---- frame; the first is the root)
 *  with the cfg text `cfg`. */
export async function compile(modules: Record<string, string>, cfg: string): Promise<CompiledSpecExt> {
  const dir = mkdtempSync(join(tmpdir(), 'rdsib-eval-'));
  const names = Object.keys(modules);
  for (const name of names) {
    writeFileSync(join(dir, `${name}.tla`), `---- MODULE ${name} ----\n${modules[name]}\n====\n`);
  }
  writeFileSync(join(dir, `${names[0]}.cfg`), cfg);
  const loaded = await loadSpec(join(dir, `${names[0]}.tla`));
  return compileSpec(loaded, parseConfig(cfg, join(dir, `${names[0]}.cfg`)));
}

/** The value of the constant expression `expr` in a module with the given definitions. */
export async function value(expr: string, defs = '', cfg = ''): Promise<Value> {
  const spec = await compile({ M: `EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC, TLCExt, Bags\n${defs}\nVARIABLE v\nInit == v = 0\nX == ${expr}\n` }, `INIT Init\n${cfg}`);
  return spec.evaluate({ kind: 'ref', name: 'X', prefix: [], loc: { file: 'test', module: 'M', line: 1, col: 1, endLine: 1, endCol: 1 } }, null);
}

/** The printed (TLC toString) value of a constant expression. */
export async function show(expr: string, defs = '', cfg = ''): Promise<string> {
  return format(await value(expr, defs, cfg));
}

/** The error `fn` throws (fails the test if it does not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<Error & { loc?: { line: number; col: number }; exitCode?: number }> {
  try {
    await fn();
  } catch (err) {
    return err as Error & { loc?: { line: number; col: number } };
  }
  throw new Error('expected an error, but none was thrown');
}

export function states(spec: CompiledSpecExt, list: Iterable<readonly Value[]>): string[] {
  return [...list].map((s) => spec.variables.map((v, i) => `${v}=${format(s[i]!)}`).join(' '));
}
