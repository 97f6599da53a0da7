// TLC's own command line for `rdsib check`: `java tlc2.TLC -deadlock -workers auto -config M.cfg M`
// becomes `rdsib check -deadlock -workers auto -config M.cfg M`, so scripts and habits written for
// TLC work unchanged. TLC's single-dash options (tlc2/TLC.java handleParameters) are translated to
// ours; those that only tune TLC's machinery (fingerprint set sizing, checkpoints, metadata folders,
// trace-explorer files) are accepted and named in a note, since they cannot change an answer here;
// those that would change the answer and are not implemented are refused by name, never ignored.
export class TlcFlagError extends Error {}

export interface TranslatedArgs {
  readonly argv: readonly string[];
  /** one line per accepted-but-ignored TLC option, for stderr */
  readonly notes: readonly string[];
}

/** TLC option → our option, with the number of values it takes. */
const TRANSLATED: Readonly<Record<string, { readonly to: string; readonly values: number }>> = {
  '-config': { to: '--config', values: 1 },
  '-deadlock': { to: '--deadlock', values: 0 },
  '-workers': { to: '--workers', values: 1 },
  '-difftrace': { to: '--difftrace', values: 0 },
  '-dumpTrace': { to: '--dump-trace', values: 2 },
  '-depth': { to: '--depth', values: 1 },
  '-seed': { to: '--seed', values: 1 },
  '-aril': { to: '--aril', values: 1 },
};

/** TLC options that tune how TLC runs, not what it finds: number of values and why they are moot. */
const MOOT: Readonly<Record<string, { readonly values: number; readonly why: string }>> = {
  '-checkpoint': { values: 1, why: 'no checkpoints are written' },
  '-cleanup': { values: 0, why: 'no metadata folder is written' },
  '-coverage': { values: 1, why: 'coverage is not collected' },
  '-fp': { values: 1, why: 'rdsib has one fingerprint function, not FP64\'s 131 polynomials' },
  '-fpbits': { values: 1, why: 'the fingerprint set is not sized in advance' },
  '-fpmem': { values: 1, why: 'the fingerprint set is not sized in advance' },
  '-gzip': { values: 0, why: 'no state files are written' },
  '-lncheck': { values: 1, why: 'liveness is checked once, after the search (as -lncheck final)' },
  '-maxSetSize': { values: 1, why: 'sets are enumerated without a size cap' },
  '-metadir': { values: 1, why: 'no metadata folder is written' },
  '-noGenerateSpecTE': { values: 0, why: 'no trace-explorer spec is written' },
  '-noTE': { values: 0, why: 'no trace-explorer spec is written' },
  '-nowarning': { values: 0, why: 'no TLC warnings are printed' },
  '-teSpecOutDir': { values: 1, why: 'no trace-explorer spec is written' },
  '-terse': { values: 0, why: 'values are always printed in full' },
  '-userFile': { values: 1, why: 'Print/PrintT output goes to stdout' },
};

/** TLC options whose effect is not implemented: refused, because running without them would give
 *  a different answer or output than the user asked TLC for. */
const REFUSED: Readonly<Record<string, string>> = {
  '-generate': 'random generation',
  '-dfid': 'depth-first iterative deepening',
  '-continue': 'continuing after a violation',
  '-recover': 'recovering from a checkpoint',
  '-loadTrace': 'loading a trace',
  '-inv': 'invariants from the command line (put them in the cfg)',
  '-invlevel': 'invariant levels',
  '-view': 'VIEW from the command line (put it in the cfg)',
  '-postCondition': 'POSTCONDITION from the command line (put it in the cfg)',
  '-debugger': 'the TLA+ debugger',
  '-tool': 'TLC\'s -tool message framing',
  '-suppressMessages': 'suppressing messages by code',
  '-messagesAsErrors': 'messages as errors',
};

/** How many values our own options of `rdsib check` take (they pass through unchanged). */
const OWN_VALUES: Readonly<Record<string, number>> = { '--library': 1, '--dump-states': 1, '--dump-graph': 1, '--dump-graph-options': 1, '--config': 1, '--workers': 1, '--num': 1, '--depth': 1, '--seed': 1, '--aril': 1, '--dump-trace': 2 };

/** The arguments of `rdsib check` with TLC's options translated (ours pass through unchanged), the
 *  spec first: `--dump-trace` takes a variable number of values, so a spec after it would be read
 *  as one of them (TLC puts the spec last: `-dumpTrace dot t.dot Spec`). */
export function translateTlcFlags(args: readonly string[]): TranslatedArgs {
  const options: string[] = [];
  const positionals: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const takeValues = (n: number): string[] => {
      const vals = args.slice(i + 1, i + 1 + n);
      if (vals.length < n || vals.some((v) => v.startsWith('-'))) throw new TlcFlagError(`TLC option ${a} needs ${n === 1 ? 'a value' : `${n} values`}`);
      i += n;
      return vals;
    };
    const t = TRANSLATED[a];
    const moot = MOOT[a];
    if (a === '-dump') options.push(...dumpOptions(takeValues(args[i + 1]?.startsWith('dot') ? 2 : 1)));
    else if (a === '-simulate') options.push('--simulate', ...simulateOptions(/^[a-z]+=/.test(args[i + 1] ?? '') ? args[++i]! : '', notes));
    else if (t) options.push(t.to, ...takeValues(t.values));
    else if (moot) {
      const vals = takeValues(moot.values);
      notes.push(`TLC option ${[a, ...vals].join(' ')} accepted and has no effect: ${moot.why}`);
    } else if (REFUSED[a] !== undefined) throw new TlcFlagError(`TLC option ${a} (${REFUSED[a]}) is not supported by rdsib check`);
    // TLC's library path is a Java property: java -DTLA-Library=dir1:dir2 tlc2.TLC ...
    else if (a.startsWith('-DTLA-Library=')) options.push('--library', a.slice('-DTLA-Library='.length));
    else if (a === '--tlc') options.push(a, ...(args[i + 1]?.endsWith('.jar') ? [args[++i]!] : []));
    else if (a.startsWith('-')) options.push(a, ...args.slice(i + 1, (i += OWN_VALUES[a] ?? 0) + 1));
    else positionals.push(a);
  }
  return { argv: [...positionals, ...options], notes };
}

/** `-simulate [num=N,file=P,stats=basic|full,sched=rl|rlaction]`: num is ours (--num), the
 *  statistics and scheduler choices are TLC's own, and writing the behaviours to files is not
 *  done here (refused: the user asked for files). */
function simulateOptions(spec: string, notes: string[]): string[] {
  const out: string[] = [];
  for (const kv of spec.split(',').filter((x) => x !== '')) {
    const [k, v] = kv.split('=') as [string, string | undefined];
    if (k === 'num' && v !== undefined && /^\d+$/.test(v)) out.push('--num', v);
    else if (k === 'file') throw new TlcFlagError('TLC option -simulate file=... (writing each behaviour to a file) is not supported by rdsib check');
    else if (k === 'stats' || k === 'sched') notes.push(`TLC option -simulate ${kv} accepted and has no effect: successors are drawn uniformly, no statistics are kept`);
    else throw new TlcFlagError(`TLC option -simulate: cannot read "${kv}" (expected num=N, file=P, stats=..., sched=...)`);
  }
  return out;
}

/** `-dump FILE` (the states as text, FILE.dump) or `-dump dot[,colorize,actionlabels,stuttering,...]
 *  FILE` (the state graph, FILE.dot); TLC appends the extension when FILE lacks it. */
function dumpOptions(vals: readonly string[]): string[] {
  const withExt = (f: string, ext: string) => (f.endsWith(ext) ? f : f + ext);
  if (vals.length === 1) return ['--dump-states', withExt(vals[0]!, '.dump')];
  const [kind, file] = vals as [string, string];
  const opts = kind.split(',').slice(1);
  return ['--dump-graph', withExt(file, '.dot'), ...(opts.length > 0 ? ['--dump-graph-options', opts.join(',')] : [])];
}
