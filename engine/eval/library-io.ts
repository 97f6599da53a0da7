// Natives of the bundled IOUtils and CSV modules (CommunityModules tlc2/overrides/IOUtils.java,
// CSV.java): the environment, running commands, writing and reading values and CSV lines, atoi.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Value } from '../values/value.js';
import { fromItf, toItf } from '../values/itf.js';
import { EvalError } from '../errors.js';
import { markVolatile } from './context.js';
import * as V from './v.js';
import { type NativeTable, argError, isSet, seqArg, strictImpl } from './library.js';

const M = 'IOUtils';

function strings(op: string, pos: number, arity: number, v: Value): string[] {
  return seqArg(op, pos, arity, v).map((x) => {
    if (x.kind !== 'str') throw argError(op, pos, arity, 'a sequence of strings', v);
    return x.s;
  });
}

/** A set of <<name, value>> pairs added to the environment (IOUtils.java: values as their text). */
function envOf(op: string, v: Value): NodeJS.ProcessEnv {
  if (!isSet(v)) throw argError(op, 0, 3, 'a set of <<name, value>> pairs', v);
  const env = { ...process.env };
  for (const p of V.elements(v)) {
    if (p.kind !== 'tuple' || p.elems.length !== 2 || p.elems[0]!.kind !== 'str') throw argError(op, 0, 3, 'a set of <<name, value>> pairs', v);
    const val = p.elems[1]!;
    env[(p.elems[0] as { s: string }).s] = val.kind === 'str' ? val.s : V.show(val);
  }
  return env;
}

/** java.util.Formatter's %s, %n$s, %n and %%, the ones command and CSV templates use; `text`
 *  is how a parameter is written. */
function fill(template: string, params: readonly Value[], text = (v: Value): string => (v.kind === 'str' ? v.s : V.show(v))): string {
  let next = 0;
  return template.replace(/%(?:(\d+)\$)?s|%n|%%/g, (m, pos: string | undefined) => {
    if (m === '%n') return '\n';
    if (m === '%%') return '%';
    const v = params[pos === undefined ? next++ : Number(pos) - 1];
    if (v === undefined) throw new EvalError(`no parameter for a %s of the template "${template}"`);
    return text(v);
  });
}

function exec(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Value {
  markVolatile();
  if (argv.length === 0) throw new EvalError('IOExec: the command is empty');
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env });
  if (r.error) throw new EvalError(`IOExec: cannot run ${argv[0]} (${r.error.message})`);
  return V.record(['exitValue', 'stdout', 'stderr'], [V.int(r.status ?? -1), V.str(r.stdout), V.str(r.stderr)]);
}

export function registerIOUtils(t: NativeTable): void {
  // IOUtils.ioEnv: the process environment as a record from variable names to strings
  t.add(M, 'IOEnv', 0, strictImpl('IOEnv', () => {
    const names = Object.keys(process.env).filter((k) => process.env[k] !== undefined);
    return V.record(names, names.map((k) => V.str(process.env[k]!)));
  }));
  t.add(M, 'IOExec', 1, strictImpl('IOExec', ([c]) => exec(strings('IOExec', 0, 1, c!))));
  t.add(M, 'IOEnvExec', 2, strictImpl('IOEnvExec', ([e, c]) => exec(strings('IOEnvExec', 1, 2, c!), envOf('IOEnvExec', e!))));
  t.add(M, 'IOExecTemplate', 2, strictImpl('IOExecTemplate', ([c, ps]) =>
    exec(strings('IOExecTemplate', 0, 2, c!).map((s) => fill(s, seqArg('IOExecTemplate', 1, 2, ps!))))));
  t.add(M, 'IOEnvExecTemplate', 3, strictImpl('IOEnvExecTemplate', ([e, c, ps]) =>
    exec(strings('IOEnvExecTemplate', 1, 3, c!).map((s) => fill(s, seqArg('IOEnvExecTemplate', 2, 3, ps!))), envOf('IOEnvExecTemplate', e!))));

  // values written as ITF JSON (TLC writes Java's object serialization: the files differ, the
  // round trip is the same)
  t.add(M, 'IOSerialize', 3, strictImpl('IOSerialize', ([v, p]) => {
    if (p!.kind !== 'str') throw argError('IOSerialize', 1, 3, 'a string', p!);
    mkdirSync(dirname(p!.s), { recursive: true });
    markVolatile(); // a write each time it is evaluated, never a cached constant
    writeFileSync(p!.s, JSON.stringify(toItf(v!)));
    return V.TRUE;
  }));
  t.add(M, 'IODeserialize', 2, strictImpl('IODeserialize', ([p]) => {
    // not volatile: the file stands for the run (see Json's deserializers)
    if (p!.kind !== 'str') throw argError('IODeserialize', 0, 2, 'a string', p!);
    let text: string;
    try {
      text = readFileSync(p!.s, 'utf8');
    } catch (err) {
      throw new EvalError(`IODeserialize: cannot read ${p!.s} (${(err as Error).message})`);
    }
    return fromItf(JSON.parse(text));
  }));

  // CSV.java: CSVWrite appends the template filled with the values' TLC text
  t.add('CSV', 'CSVWrite', 3, strictImpl('CSVWrite', ([tpl, vals, p]) => {
    if (tpl!.kind !== 'str') throw argError('CSVWrite', 0, 3, 'a string', tpl!);
    if (p!.kind !== 'str') throw argError('CSVWrite', 2, 3, 'a string', p!);
    markVolatile(); // a line each time it is evaluated, never a cached constant
    appendFileSync(p!.s, `${fill(tpl!.s, seqArg('CSVWrite', 1, 3, vals!), V.show)}\n`);
    return V.TRUE;
  }));
  t.add('CSV', 'CSVRead', 3, strictImpl('CSVRead', ([cols, delim, p]) => {
    markVolatile();
    const names = strings('CSVRead', 0, 3, cols!);
    if (delim!.kind !== 'str') throw argError('CSVRead', 1, 3, 'a string', delim!);
    if (p!.kind !== 'str') throw argError('CSVRead', 2, 3, 'a string', p!);
    if (!existsSync(p!.s)) return V.tuple([]);
    const lines = readFileSync(p!.s, 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    // Java's String.split: the delimiter is a regular expression, trailing empty fields dropped
    const re = new RegExp(delim!.s);
    return V.tuple(lines.map((l) => {
      const fields = l.split(re);
      while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
      return V.record(names.slice(0, fields.length), fields.slice(0, names.length).map((f) => V.str(f)));
    }));
  }));
  t.add('CSV', 'CSVRecords', 1, strictImpl('CSVRecords', ([p]) => {
    markVolatile();
    if (p!.kind !== 'str') throw argError('CSVRecords', 0, 1, 'a string', p!);
    if (!existsSync(p!.s)) return V.int(0);
    const lines = readFileSync(p!.s, 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return V.int(lines.length);
  }));

  // IOUtils.atoi: Integer.parseInt, with the module's message for anything else
  t.add(M, 'atoi', 1, strictImpl('atoi', ([s]) => {
    if (s!.kind !== 'str' || !/^[+-]?\d+$/.test(s!.s)) throw argError('atoi', 0, 1, 'a string', s!);
    return V.int(Number.parseInt(s!.s, 10) || 0);
  }));
}
