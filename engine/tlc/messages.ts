// TLC's output as a list of messages, whichever way it was printed.
//   -tool: every message is framed `@!@!@STARTMSG code:class @!@!@` ... `@!@!@ENDMSG code @!@!@`
//          (MP.getMessage with TLCGlobals.tool), so code and class are given.
//   plain: the same bodies with a class prefix (`Error: `, `State `, `Warning: `) and no frame;
//          the code is recognised from the body's first line and the body runs to a blank line.
// Codes are tlc2/output/EC.java's; only those the result depends on are named here.

export const EC = {
  GENERAL: 1000,
  TLC_NESTED_EXPRESSION: 2103,
  TLC_ASSUMPTION_FALSE: 2104,
  TLC_ASSUMPTION_EVALUATION_ERROR: 2105,
  TLC_INVARIANT_VIOLATED_INITIAL: 2107,
  TLC_PROPERTY_VIOLATED_INITIAL: 2108,
  TLC_STATE_NOT_COMPLETELY_SPECIFIED_NEXT: 2109,
  TLC_INVARIANT_VIOLATED_BEHAVIOR: 2110,
  TLC_INVARIANT_EVALUATION_FAILED: 2111,
  TLC_ACTION_PROPERTY_VIOLATED_BEHAVIOR: 2112,
  TLC_ACTION_PROPERTY_EVALUATION_FAILED: 2113,
  TLC_DEADLOCK_REACHED: 2114,
  TLC_STATES_AND_NO_NEXT_ACTION: 2115,
  TLC_TEMPORAL_PROPERTY_VIOLATED: 2116,
  TLC_BEHAVIOR_UP_TO_THIS_POINT: 2121,
  TLC_BACK_TO_STATE: 2122,
  TLC_VALUE_ASSERT_FAILED: 2132,
  TLC_INVARIANT_VIOLATED_LEVEL: 2146,
  TLC_FINGERPRINT_EXCEPTION: 2147,
  TLC_PARSING_FAILED2: 2171,
  TLC_INIT_GENERATED1: 2190,
  TLC_INIT_GENERATED2: 2191,
  TLC_SUCCESS: 2193,
  TLC_SEARCH_DEPTH: 2194,
  TLC_STATS: 2199,
  TLC_PROGRESS_STATS: 2200,
  TLC_STATE_PRINT2: 2217,
  TLC_STATE_PRINT3: 2218,
  TLC_LIVE_FORMULA_TAUTOLOGY: 2253,
  TLC_PARSING_FAILED: 3002,
  CFG_GENERAL: 5002,
} as const;

/** MP's message classes */
export const MsgClass = { none: 0, error: 1, tlcBug: 2, warning: 3, state: 4 } as const;

export interface TlcMessage {
  readonly code: number;
  readonly cls: number;
  /** the body, without frame or class prefix */
  readonly text: string;
  /** 1-based line of the body's first line in the output */
  readonly line: number;
}

const START = /^@!@!@STARTMSG (-?\d+):(\d+) @!@!@$/;
const END = /^@!@!@ENDMSG (-?\d+) @!@!@$/;

export function isToolOutput(text: string): boolean {
  return /^@!@!@STARTMSG /m.test(text);
}

/** Messages of `-tool` output. Lines outside any frame (SANY's own report, Print output) are
 *  kept as code-0 messages, one per run of lines, because SANY prints its errors unframed. */
export function toolMessages(text: string): TlcMessage[] {
  const lines = text.split(/\r?\n/);
  const out: TlcMessage[] = [];
  let open: { code: number; cls: number; line: number; body: string[] } | undefined;
  let loose: { line: number; body: string[] } | undefined;
  const flushLoose = () => {
    if (loose && loose.body.some((l) => l.trim() !== '')) out.push({ code: 0, cls: MsgClass.none, text: loose.body.join('\n'), line: loose.line });
    loose = undefined;
  };
  lines.forEach((l, k) => {
    const s = START.exec(l);
    if (s && !open) {
      flushLoose();
      open = { code: Number(s[1]), cls: Number(s[2]), line: k + 2, body: [] };
      return;
    }
    const e = END.exec(l);
    if (e && open) {
      out.push({ code: open.code, cls: open.cls, text: open.body.join('\n'), line: open.line });
      open = undefined;
      return;
    }
    if (open) open.body.push(l);
    else (loose ??= { line: k + 1, body: [] }).body.push(l);
  });
  // A run cut short (timeout, crash) leaves the last message open: keep what was printed.
  if (open) out.push({ code: open.code, cls: open.cls, text: open.body.join('\n'), line: open.line });
  flushLoose();
  return out;
}

/** First lines of the plain messages the result depends on (MP.getMessage0 texts). */
const PLAIN: readonly (readonly [RegExp, number, number])[] = [
  [/^Error: Invariant \S+ is violated by the initial state:/, EC.TLC_INVARIANT_VIOLATED_INITIAL, MsgClass.error],
  [/^Error: Invariant \S+ is violated\.$/, EC.TLC_INVARIANT_VIOLATED_BEHAVIOR, MsgClass.error],
  [/^Error: Property \S+ is violated by the initial state:/, EC.TLC_PROPERTY_VIOLATED_INITIAL, MsgClass.error],
  [/^Error: Action property \S+ is violated\.$/, EC.TLC_ACTION_PROPERTY_VIOLATED_BEHAVIOR, MsgClass.error],
  [/^Error: Evaluating invariant \S+ failed\./, EC.TLC_INVARIANT_EVALUATION_FAILED, MsgClass.error],
  [/^Error: Evaluating action property \S+ failed\./, EC.TLC_ACTION_PROPERTY_EVALUATION_FAILED, MsgClass.error],
  [/^Error: Deadlock reached\.$/, EC.TLC_DEADLOCK_REACHED, MsgClass.error],
  [/^Error: Temporal propert(y|ies) .*violated\.$/, EC.TLC_TEMPORAL_PROPERTY_VIOLATED, MsgClass.error],
  [/^Error: Assumption .* is false\.$/, EC.TLC_ASSUMPTION_FALSE, MsgClass.error],
  [/^Error: Evaluating assumption .* failed\./, EC.TLC_ASSUMPTION_EVALUATION_ERROR, MsgClass.error],
  [/^Error: The first argument of Assert evaluated to FALSE/, EC.TLC_VALUE_ASSERT_FAILED, MsgClass.error],
  [/^Error: The error occurred when TLC was evaluating the nested$/, EC.TLC_NESTED_EXPRESSION, MsgClass.error],
  [/^Error: The behavior up to this point is:$/, EC.TLC_BEHAVIOR_UP_TO_THIS_POINT, MsgClass.error],
  [/^Error: Parsing or semantic analysis failed\./, EC.TLC_PARSING_FAILED, MsgClass.error],
  [/^Error: TLC found an error in the configuration file at line \d+/, EC.CFG_GENERAL, MsgClass.error],
  [/^Error: /, EC.GENERAL, MsgClass.error],
  [/^State \d+: Stuttering$/, EC.TLC_STATE_PRINT3, MsgClass.state],
  [/^(State \d+: )?Back to state:? ?\d*/, EC.TLC_BACK_TO_STATE, MsgClass.state],
  [/^State \d+: /, EC.TLC_STATE_PRINT2, MsgClass.state],
  [/^Model checking completed\. No error has been found\.$/, EC.TLC_SUCCESS, MsgClass.none],
  [/^[\d,]+ states generated, [\d,]+ distinct states found, [\d,]+ states left on queue\.$/, EC.TLC_STATS, MsgClass.none],
  [/^Progress\(/, EC.TLC_PROGRESS_STATS, MsgClass.none],
  [/^The depth of the complete state graph search is \d+\.$/, EC.TLC_SEARCH_DEPTH, MsgClass.none],
  [/^Finished computing initial states: /, EC.TLC_INIT_GENERATED1, MsgClass.none],
];

/** Codes whose plain body runs on to the next blank line (traces' states, multi-line errors). */
function runsToBlank(code: number, cls: number): boolean {
  return cls === MsgClass.error || code === EC.TLC_STATE_PRINT2 || code === EC.TLC_SUCCESS;
}

/** Messages of plain output. Unrecognised lines become code-0 messages (SANY's report among them). */
export function plainMessages(text: string): TlcMessage[] {
  const lines = text.split(/\r?\n/);
  const out: TlcMessage[] = [];
  let k = 0;
  while (k < lines.length) {
    const first = lines[k]!;
    const hit = PLAIN.find(([re]) => re.test(first));
    if (!hit) {
      if (first.trim() !== '') out.push({ code: 0, cls: MsgClass.none, text: first, line: k + 1 });
      k++;
      continue;
    }
    const [, code, cls] = hit;
    const body = [stripPrefix(first, cls)];
    const start = k + 1;
    k++;
    if (runsToBlank(code, cls)) {
      while (k < lines.length && lines[k]!.trim() !== '' && !startsAnother(lines[k]!)) body.push(lines[k++]!);
    }
    out.push({ code, cls, text: body.join('\n'), line: start });
  }
  return out;
}

/** A line that opens a new message even without a blank line before it. */
function startsAnother(line: string): boolean {
  return /^(Error: |State \d+: |Back to state|Warning: )/.test(line) || /^[\d,]+ states generated, /.test(line);
}

function stripPrefix(line: string, cls: number): string {
  if (cls === MsgClass.error) return line.replace(/^Error: /, '');
  if (cls === MsgClass.state) return line.replace(/^State /, '');
  return line;
}

export function messagesOf(text: string): TlcMessage[] {
  return isToolOutput(text) ? toolMessages(text) : plainMessages(text);
}

/** TLC's exit status for an error code: EC.ExitStatus.errorConstantToExitStatus, abridged to the
 *  codes this package can see (the TLC_CONFIG_* range 2222-2245 and 2280-2281 -> 151). */
export function exitStatusOf(code: number): number {
  switch (code) {
    case 0:
      return 0;
    case EC.TLC_LIVE_FORMULA_TAUTOLOGY:
      return 77;
    case EC.TLC_STATE_NOT_COMPLETELY_SPECIFIED_NEXT:
    case EC.TLC_STATES_AND_NO_NEXT_ACTION:
    case EC.TLC_NESTED_EXPRESSION:
    case EC.TLC_FINGERPRINT_EXCEPTION:
      return 75;
    case EC.TLC_INVARIANT_EVALUATION_FAILED:
    case EC.TLC_INVARIANT_VIOLATED_LEVEL:
      return 76;
    case EC.TLC_INVARIANT_VIOLATED_INITIAL:
    case EC.TLC_INVARIANT_VIOLATED_BEHAVIOR:
      return 12;
    case EC.TLC_ACTION_PROPERTY_VIOLATED_BEHAVIOR:
    case EC.TLC_ACTION_PROPERTY_EVALUATION_FAILED:
    case EC.TLC_TEMPORAL_PROPERTY_VIOLATED:
    case EC.TLC_PROPERTY_VIOLATED_INITIAL:
      return 13;
    case EC.TLC_DEADLOCK_REACHED:
      return 11;
    case EC.TLC_ASSUMPTION_FALSE:
    case EC.TLC_ASSUMPTION_EVALUATION_ERROR:
      return 10;
    case EC.TLC_VALUE_ASSERT_FAILED:
      return 14;
    case EC.TLC_PARSING_FAILED:
    case EC.TLC_PARSING_FAILED2:
      return 150;
    default:
      if ((code >= 2222 && code <= 2245) || code === 2280 || code === 2281) return 151;
      return 255;
  }
}

/** What an exit status means (EC.ExitStatus), for messages. */
export function exitStatusText(status: number): string {
  const t: Record<number, string> = {
    0: 'success',
    10: 'assumption violated',
    11: 'deadlock reached',
    12: 'safety violation',
    13: 'liveness violation',
    14: 'Assert failed',
    75: 'failure evaluating the spec',
    76: 'failure evaluating a safety property',
    77: 'failure evaluating a liveness property',
    150: 'spec parse error',
    151: 'configuration error',
    152: 'state space too large',
    153: 'system error',
    255: 'error',
  };
  return t[status] ?? `unknown exit status ${status}`;
}
