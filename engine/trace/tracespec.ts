// Emitting a trace as a TLA+ module in the TraceSpec pattern (anchors.md §2.2), so that users
// with real TLC can validate the same trace by constrained model checking:
// - the log is inlined as a sequence of records `TraceLog` (TLC's Json module is not needed,
//   and our engine cannot read it), each [action |-> name, params |-> [...], vars |-> [...]];
// - a cursor variable `l` is the index of the next line; `IsEvent(e)` consumes line l if it
//   names e; one wrapper per logged action, `IsA == IsEvent("A") /\ \E p \in P : A(p) /\ ...`,
//   takes the spec's action with the logged parameters and checks every logged variable in the
//   post-state (`PostOK`); declared silent actions step without consuming a line;
// - `TraceView` keeps two equal system states at different log positions apart;
// - `TraceAccepted`, a POSTCONDITION, holds iff the search reached the end of the log:
//   TLCGet("stats").diameter - 1 = Len(TraceLog) (each event is one step from depth 1), or,
//   with silent actions, >= (they add depth, so the check is then necessary, not sufficient).
// Parameter domains are the values Next is split on for the action (Tool.getActions, as
// engine/eval/action.ts splitActions), so the wrapper ranges over exactly what Next would.
import type { CompiledSpecExt } from '../eval/spec.js';
import type { LoadedSpec } from '../frontend/load.js';
import type { OperatorDef } from '../frontend/ast.js';
import { format } from '../values/print.js';
import type { Value } from '../values/value.js';
import { ANY_ACTION, type TraceEvent } from './events.js';
import { TraceFormatError } from './errors.js';

export interface TraceSpecOptions {
  /** the generated module's name (default `<Base>Trace`) */
  readonly name?: string;
  /** actions the model may take between events without a log line */
  readonly silent?: readonly string[];
  /** where the trace came from, for the header comment */
  readonly source?: string;
}

export interface TraceSpecFiles {
  readonly name: string;
  readonly tla: string;
  readonly cfg: string;
}

/** cfg keywords (TLC's ModelConfig) that end a CONSTANTS section */
const CFG_KEYWORDS = /^(INIT|NEXT|SPECIFICATION|INVARIANTS?|PROPERT(Y|IES)|CONSTRAINTS?|ACTION_CONSTRAINTS?|SYMMETRY|VIEW|CHECK_DEADLOCK|POSTCONDITION|ALIAS|CONSTANTS?)\b/;

/** The CONSTANTS sections of a cfg, verbatim (comments dropped). */
export function constantsSection(cfgText: string): string {
  const out: string[] = [];
  let inConstants = false;
  for (const raw of cfgText.split('\n')) {
    const line = raw.replace(/\\\*.*$/, '').trimEnd();
    const kw = CFG_KEYWORDS.exec(line.trim());
    if (kw) inConstants = /^CONSTANTS?$/.test(kw[1]!);
    if (inConstants && line.trim() !== '') out.push(line);
  }
  return out.join('\n');
}

function operator(loaded: LoadedSpec, name: string): OperatorDef | undefined {
  for (const m of loaded.modules.values()) {
    for (const d of m.definitions) if (d.kind === 'operator' && d.name === name) return d;
  }
  return undefined;
}

/** TLA+ text of a record from a name → value map; `<<>>` (empty domain) when empty. */
function record(m: ReadonlyMap<string, Value>): string {
  if (m.size === 0) return '<<>>';
  return `[${[...m].map(([k, v]) => `${k} |-> ${format(v)}`).join(', ')}]`;
}

/** `\E p \in {..} : Param(line, "p", p) /\ A(p)` for the action's parameters. */
function actionCall(spec: CompiledSpecExt, loaded: LoadedSpec, action: string, where: TraceEvent): string {
  const def = operator(loaded, action);
  const pieces = spec.actions.filter((a) => a.name === action);
  if (pieces.length === 0 || !def) throw new TraceFormatError(`the spec's Next has no action named ${action}`, where.file, where.line);
  const params = def.params.map((p) => p.name);
  if (params.length === 0) return action;
  const domains = params.map((p) => {
    const vals = new Map<string, Value>();
    for (const a of pieces) {
      const v = a.params.get(p);
      if (v === undefined) throw new TraceFormatError(`cannot tell the values of parameter ${p} of ${action}: Next does not split it on a constant set`, where.file, where.line);
      vals.set(format(v), v);
    }
    return `{${[...vals.keys()].join(', ')}}`;
  });
  const binds = params.map((p, i) => `${p} \\in ${domains[i]}`).join(', ');
  const checks = params.map((p) => `Param(line, "${p}", ${p})`).join(' /\\ ');
  return `\\E ${binds} : ${checks} /\\ ${action}(${params.join(', ')})`;
}

const wrapperName = (action: string): string => (action === ANY_ACTION ? 'IsAnyStep' : `Is${action}`);

/** The trace module and its cfg. `baseModule` is the spec's root module name; `cfgText` the
 *  cfg the trace is validated under (its CONSTANTS are kept). */
export function emitTraceSpec(spec: CompiledSpecExt, loaded: LoadedSpec, cfgText: string, events: readonly TraceEvent[], opts: TraceSpecOptions = {}): TraceSpecFiles {
  const base = loaded.root.name;
  const name = opts.name ?? `${base}Trace`;
  const vars = spec.variables;
  if (vars.includes('l')) throw new TraceFormatError(`the spec already has a variable l (the TraceSpec log cursor)`, events[0]?.file ?? '<trace>', 0);
  for (const e of events) {
    if (e.actions.length > 1) throw new TraceFormatError(`composed event ${e.actions.join(' \\cdot ')}: TLC does not implement \\cdot, so it cannot be a TraceSpec step`, e.file, e.line);
  }
  const init = events[0]?.actions[0] === 'Init' ? events[0] : undefined;
  const actions = [...new Set(events.filter((e) => e !== init).map((e) => e.actions[0]!))];
  const silent = opts.silent ?? [];

  const lines: string[] = [];
  const sep = '-'.repeat(Math.max(4, 36 - Math.ceil(name.length / 2)));
  lines.push(`${sep} MODULE ${name} ${sep}`);
  lines.push(`\\* Generated by \`rdsib trace tlc\`${opts.source ? ` from ${opts.source}` : ''}: ${events.length} events in the`);
  lines.push(`\\* TraceSpec pattern. Check with ${name}.cfg; TraceAccepted holds iff the whole log is explained.`);
  lines.push(`EXTENDS ${base}, Naturals, Sequences, TLC`, '');
  lines.push('VARIABLE l  \\* the next line of TraceLog', '');
  lines.push('TraceLog == <<');
  events.forEach((e, i) => {
    const action = e.actions[0]!;
    lines.push(`  [action |-> "${action}", params |-> ${record(e.params)}, vars |-> ${record(e.vars)}]${i < events.length - 1 ? ',' : ''}  \\* ${e.file}:${e.line}`);
  });
  lines.push('>>', '');
  lines.push('\\* a parameter the line does not log is free; one it logs must be the one taken');
  lines.push('Param(line, p, v) == p \\in DOMAIN line.params => line.params[p] = v', '');
  const check = (prime: string) => vars.map((v) => `    /\\ "${v}" \\in DOMAIN line.vars => ${v}${prime} = line.vars["${v}"]`);
  lines.push('\\* the (post-)state agrees with every variable the line logs');
  lines.push('PostOK(line) ==', ...check("'"), '');
  lines.push('StateOK(line) ==', ...check(''), '');
  lines.push('IsEvent(e) ==', '    /\\ l \\in 1..Len(TraceLog)', '    /\\ TraceLog[l].action = e', "    /\\ l' = l + 1", '');
  for (const a of actions) {
    const where = events.find((e) => e.actions[0] === a)!;
    const call = a === ANY_ACTION ? 'Next' : actionCall(spec, loaded, a, where);
    lines.push(`${wrapperName(a)} ==`, '    LET line == TraceLog[l] IN', `    /\\ IsEvent("${a}")`, `    /\\ ${call}`, '    /\\ PostOK(line)', '');
  }
  for (const s of silent) {
    const call = actionCall(spec, loaded, s, events[0] ?? { file: '<silent>', line: 0 } as TraceEvent).replace(/Param\(line, "\w+", \w+\) \/\\ /g, '');
    lines.push(`Silent${s} == /\\ ${call}`, '    /\\ UNCHANGED l', '');
  }
  lines.push(init ? 'TraceInit == Init /\\ l = 2 /\\ StateOK(TraceLog[1])' : 'TraceInit == Init /\\ l = 1', '');
  const disjuncts = [...actions.map(wrapperName), ...silent.map((s) => `Silent${s}`)];
  lines.push('TraceNext ==', ...(disjuncts.length ? disjuncts.map((d) => `    \\/ ${d}`) : ['    FALSE']), '');
  lines.push(`TraceView == <<${[...vars, 'l'].join(', ')}>>`, '');
  lines.push(`TraceAccepted == TLCGet("stats").diameter - 1 ${silent.length ? '>=' : '='} Len(TraceLog)${init ? ' - 1' : ''}`);
  lines.push('='.repeat(sep.length * 2 + name.length + 10));

  const cfg = [
    `\\* Generated by \`rdsib trace tlc\`: check ${name}.tla against the trace it inlines.`,
    constantsSection(cfgText),
    'INIT TraceInit',
    'NEXT TraceNext',
    'VIEW TraceView',
    'POSTCONDITION TraceAccepted',
    'CHECK_DEADLOCK FALSE',
    '',
  ].join('\n');
  return { name, tla: lines.join('\n') + '\n', cfg };
}
