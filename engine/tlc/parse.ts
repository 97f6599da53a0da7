// TLC's output (either -tool or plain) -> the result object of `rdsib check --json`:
//   { result, distinctStates, generatedStates, depth, property?, trace?, loop?, error?, exitCode }
// so the two engines' answers compare field by field. Trace states are read back into values
// (value-parser.ts) and written as ITF with engine/values' toItf, as engine/check/itf.ts does.
import { join } from 'node:path';
import { toItf, type Itf } from '../values/index.js';
import { TlcOutputError, outputLoc } from './errors.js';
import { EC, MsgClass, exitStatusOf, messagesOf, type TlcMessage } from './messages.js';
import { parseTlcValue } from './value-parser.js';

export type TlcVerdict = 'ok' | 'violation' | 'deadlock' | 'liveness' | 'error';

export interface TlcErrorJson {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
}

export type ItfState = { readonly '#meta': { readonly index: number; readonly action: string } } & Record<string, unknown>;

export interface TlcResult {
  readonly result: TlcVerdict;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly property?: string;
  readonly trace?: readonly ItfState[];
  /** a lasso's end: the 1-based state it goes back to, or stuttering */
  readonly loop?: number | 'stuttering';
  readonly error?: TlcErrorJson;
  readonly exitCode: number;
}

export interface ParseOptions {
  /** name of the output for messages (a file, or `<tlc stdout>`) */
  readonly source?: string;
  /** the process' exit status when known; otherwise it is inferred as TLC would set it */
  readonly exitCode?: number;
  /** directory of the spec: SANY/TLC name modules, this turns `module M` into DIR/M.tla */
  readonly specDir?: string;
  readonly cfgPath?: string;
}

/** The message that decides the verdict, in the order TLC reports them (first one wins). */
const VERDICT_CODES = new Set<number>([
  EC.TLC_INVARIANT_VIOLATED_INITIAL, EC.TLC_INVARIANT_VIOLATED_BEHAVIOR, EC.TLC_PROPERTY_VIOLATED_INITIAL,
  EC.TLC_ACTION_PROPERTY_VIOLATED_BEHAVIOR, EC.TLC_DEADLOCK_REACHED, EC.TLC_TEMPORAL_PROPERTY_VIOLATED,
  EC.TLC_ASSUMPTION_FALSE,
]);

export function parseTlcOutput(text: string, opts: ParseOptions = {}): TlcResult {
  const source = opts.source ?? '<tlc output>';
  const msgs = messagesOf(text);
  const counts = countsOf(msgs);
  const trace = traceOf(msgs, source);
  const verdictMsg = msgs.find((m) => VERDICT_CODES.has(m.code));
  const firstError = msgs.find((m) => m.cls === MsgClass.error && !VERDICT_CODES.has(m.code) && m.code !== EC.TLC_BEHAVIOR_UP_TO_THIS_POINT);
  const sanyFailed = msgs.some((m) => m.code === 0 && /\*\*\*Parse Error\*\*\*|Semantic errors:|Fatal errors while parsing/.test(m.text));
  const success = msgs.some((m) => m.code === EC.TLC_SUCCESS);
  const base = { distinctStates: counts.distinct, generatedStates: counts.generated, depth: counts.depth };
  const withTrace = {
    ...(trace.states.length > 0 ? { trace: trace.states } : {}),
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
  };

  // A violation decides the run even when TLC printed further errors after it.
  if (verdictMsg) {
    const code = verdictMsg.code;
    const result: TlcVerdict = code === EC.TLC_DEADLOCK_REACHED ? 'deadlock' : code === EC.TLC_TEMPORAL_PROPERTY_VIOLATED ? 'liveness' : 'violation';
    const property = propertyOf(verdictMsg);
    const exitCode = opts.exitCode ?? exitStatusOf(code);
    return { result, ...base, ...(property !== undefined ? { property } : {}), ...withTrace, exitCode };
  }
  if (firstError || sanyFailed) {
    const all = msgs.filter((m) => m.cls === MsgClass.error);
    const code = sanyFailed ? EC.TLC_PARSING_FAILED : inferredCode(all);
    const message = errorMessage(msgs, firstError, sanyFailed);
    const where = locationOf(msgs, code, opts);
    const property = firstError ? propertyOf(firstError) : undefined;
    return {
      result: 'error',
      ...base,
      ...(property !== undefined ? { property } : {}),
      ...withTrace,
      error: { message, ...(where ?? {}) },
      exitCode: opts.exitCode ?? exitStatusOf(code),
    };
  }
  if (success) return { result: 'ok', ...base, exitCode: opts.exitCode ?? 0 };
  return {
    result: 'error',
    ...base,
    error: { message: `${source}: TLC ended without a verdict (no success message, no error)` },
    exitCode: opts.exitCode !== undefined && opts.exitCode !== 0 ? opts.exitCode : 255,
  };
}

/** The exit status TLC would give a run whose error messages are `errs`: the specific failure
 *  when there is one; a nested-expression report makes a generic exception a spec-evaluation
 *  failure (75), as TLC's Worker reports it. */
function inferredCode(errs: readonly TlcMessage[]): number {
  const specific = errs.find((m) => exitStatusOf(m.code) !== 255);
  if (specific) return specific.code;
  return errs[0]?.code ?? EC.GENERAL;
}

function errorMessage(msgs: readonly TlcMessage[], first: TlcMessage | undefined, sany: boolean): string {
  if (sany) {
    const report = msgs.filter((m) => m.code === 0 && /Parse Error|Semantic errors|Encountered|Unknown operator|Fatal errors/.test(m.text));
    // SANY's progress lines ("Parsing file ...", "Semantic processing of module ...") are not the error
    const text = report
      .map((m) => m.text.split('\n').filter((l) => !/^(Parsing file|Semantic processing of module) /.test(l)).join('\n').trim())
      .join('\n');
    if (text) return text;
  }
  return (first?.text ?? 'TLC failed').trim();
}

/** `Invariant Inv is violated.`, `Temporal property Live was violated.`, ... -> the name. */
function propertyOf(m: TlcMessage): string | undefined {
  const first = m.text.split('\n')[0]!;
  const single =
    /^(?:Invariant|Property|Action property|Temporal property|Evaluating invariant|Evaluating action property) (\S+?)(?: is| was| failed)/.exec(first);
  if (single) return single[1];
  const several = /^Temporal properties (.+) were violated\.$/.exec(first);
  if (several) return several[1]!.replace(/,? and /, ', ');
  return undefined;
}

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** The last statistics TLC printed: the final TLC_STATS, else the last progress report. */
function countsOf(msgs: readonly TlcMessage[]): { generated: number; distinct: number; depth: number } {
  let generated = 0;
  let distinct = 0;
  let depth = 0;
  let final = false;
  for (const m of msgs) {
    const stats = /^([\d,]+) states generated, ([\d,]+) distinct states found/.exec(m.text);
    if (m.code === EC.TLC_STATS && stats) {
      generated = num(stats[1]!);
      distinct = num(stats[2]!);
      final = true;
    }
    const progress = /^Progress\((\d+)\) at [^:]*:\d\d:\d\d: ([\d,]+) states generated.*?, ([\d,]+) distinct states found/.exec(m.text);
    if (m.code === EC.TLC_PROGRESS_STATS && progress && !final) {
      depth = Math.max(depth, Number(progress[1]));
      generated = num(progress[2]!);
      distinct = num(progress[3]!);
    }
    const d = /^The depth of the complete state graph search is (\d+)\./.exec(m.text);
    if (m.code === EC.TLC_SEARCH_DEPTH && d) depth = Number(d[1]);
  }
  return { generated, distinct, depth };
}

/** The counterexample: TLC_STATE_PRINT2 messages in order, ended by back-to-state or stuttering. */
function traceOf(msgs: readonly TlcMessage[], source: string): { states: ItfState[]; loop?: number | 'stuttering' } {
  const states: ItfState[] = [];
  let loop: number | 'stuttering' | undefined;
  for (const m of msgs) {
    if (m.code === EC.TLC_STATE_PRINT2) states.push(stateOf(m, states.length, source));
    else if (m.code === EC.TLC_STATE_PRINT3) loop = 'stuttering';
    else if (m.code === EC.TLC_BACK_TO_STATE) {
      // -tool: "N: Back to state: <action>"; plain: "Back to state N: <action>" (MP, TLC_BACK_TO_STATE)
      const n = /^(\d+): Back to state/.exec(m.text) ?? /Back to state:? (\d+)/.exec(m.text);
      if (!n) throw new TlcOutputError(`cannot read the state number in ${JSON.stringify(m.text.split('\n')[0])}`, outputLoc(source, m.line, 1));
      loop = Number(n[1]);
    } else if (m.code === EC.TLC_INVARIANT_VIOLATED_INITIAL || m.code === EC.TLC_PROPERTY_VIOLATED_INITIAL) {
      // the violating initial state is printed inside the error message, after its first line
      const [, ...rest] = m.text.split('\n');
      if (rest.some((l) => l.trim() !== '') && !msgs.some((x) => x.code === EC.TLC_STATE_PRINT2)) {
        states.push(stateFromLines(rest, m.line + 1, 0, '<Initial predicate>', source));
      }
    }
  }
  return loop !== undefined ? { states, loop } : { states };
}

/** `N: <action>` then the state's `/\ x = v` lines (TLC_STATE_PRINT2: "%1%: %2%\n%3%"). */
function stateOf(m: TlcMessage, index: number, source: string): ItfState {
  const [head, ...rest] = m.text.split('\n');
  const h = /^(\d+): (.*)$/.exec(head!);
  if (!h) throw new TlcOutputError(`expected "N: <action>" at the start of a trace state, found ${JSON.stringify(head)}`, outputLoc(source, m.line, 1));
  if (Number(h[1]) !== index + 1) {
    throw new TlcOutputError(`trace state ${h[1]} follows state ${index}: states are missing`, outputLoc(source, m.line, 1));
  }
  return stateFromLines(rest, m.line + 1, index, h[2]!, source);
}

/** TLCStateMut.toString: `/\ x = v` per variable (a lone variable without `/\ `); a value that
 *  does not fit on a line continues on indented lines (Values.ppr). */
function stateFromLines(lines: readonly string[], firstLine: number, index: number, action: string, source: string): ItfState {
  const vars: { name: string; text: string; line: number; col: number }[] = [];
  lines.forEach((l, k) => {
    if (l.trim() === '') return;
    const start = /^(\/\\ )?([A-Za-z_][A-Za-z0-9_]*) = /.exec(l);
    if (start && (start[1] !== undefined || vars.length === 0)) {
      vars.push({ name: start[2]!, text: l.slice(start[0].length), line: firstLine + k, col: start[0].length + 1 });
    } else if (vars.length > 0) {
      vars[vars.length - 1]!.text += '\n' + l;
    } else {
      throw new TlcOutputError(`expected "/\\ variable = value" in a trace state, found ${JSON.stringify(l)}`, outputLoc(source, firstLine + k, 1));
    }
  });
  const state: Record<string, unknown> = { '#meta': { index, action } };
  for (const v of vars) state[v.name] = toItf(parseTlcValue(v.text, { file: source, line: v.line, col: v.col })) as Itf;
  return state as ItfState;
}

/** Where the user should look: SANY's or TLC's `line L, col C ... of module M` (the innermost of
 *  a nested-expression report, the last one TLC lists), or the cfg line of a configuration error. */
function locationOf(msgs: readonly TlcMessage[], code: number, opts: ParseOptions): { file: string; line: number; col: number } | undefined {
  // only error reports and SANY's unframed text: trace states carry action locations too
  const text = msgs.filter((m) => m.cls === MsgClass.error || m.code === 0).map((m) => m.text).join('\n');
  if (code === EC.CFG_GENERAL || /configuration file at line \d+/.test(text)) {
    const m = /configuration file at line (\d+)/.exec(text);
    if (m) return { file: opts.cfgPath ?? '<cfg>', line: Number(m[1]), col: 1 };
  }
  const re = /[Ll]ine (\d+), col(?:umn)? (\d+) to [Ll]ine \d+, col(?:umn)? \d+ (?:of module|in) (\w+)/g;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  if (!last) {
    const sany = /line (\d+), column (\d+)/.exec(text);
    const mod = /(?:module|file) (\w+)/.exec(text);
    if (!sany) return undefined;
    return { file: moduleFile(mod?.[1], opts), line: Number(sany[1]), col: Number(sany[2]) };
  }
  return { file: moduleFile(last[3], opts), line: Number(last[1]), col: Number(last[2]) };
}

function moduleFile(module: string | undefined, opts: ParseOptions): string {
  if (!module) return '<spec>';
  return opts.specDir ? join(opts.specDir, `${module}.tla`) : `${module}.tla`;
}
