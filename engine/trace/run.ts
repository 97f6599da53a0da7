// Loading a spec for trace validation and validating a trace file against it: the library
// entry point behind `rdsib trace validate`, callable from tests.
import { readFileSync } from 'node:fs';
import { parseConfig, parseConfigFile } from '../config/parse.js';
import { TraceFormatError } from './errors.js';
import type { CfgValue, Config } from '../config/types.js';
import { compileSpec, type CompiledSpecExt } from '../eval/spec.js';
import { loadSpec } from '../frontend/load.js';
import { defaultConfigPath } from '../check/pipeline.js';
import { decodeEvent, readTrace, type DecodeOptions, type TraceEvent } from './events.js';
import { byTask, validateGlobal, validatePerTask, type TraceResult, type ValidateOptions } from './validate.js';

export interface LoadedModel {
  readonly spec: CompiledSpecExt;
  readonly config: Config;
  readonly decode: DecodeOptions;
}

function modelValuesOf(v: CfgValue, out: Set<string>): void {
  if (v.kind === 'modelValue') out.add(v.name);
  if (v.kind === 'set') v.elems.forEach((e) => modelValuesOf(e, out));
}

/** Load a spec with its cfg file, or with cfg text given directly (`cfgText` wins). */
export async function loadModel(specPath: string, cfgPath?: string, cfgText?: string): Promise<LoadedModel> {
  const config = cfgText !== undefined ? parseConfig(cfgText, cfgPath ?? '<cfg>') : parseConfigFile(cfgPath ?? defaultConfigPath(specPath));
  const spec = compileSpec(await loadSpec(specPath), config);
  const mv = new Set<string>();
  for (const c of config.constants) if (c.kind === 'value') modelValuesOf(c.value, mv);
  return { spec, config, decode: { modelValues: mv, variables: spec.variables } };
}

export interface TraceRunOptions extends ValidateOptions {
  /** validate per-task logs with intervals instead of one global order */
  readonly perTask?: boolean;
  /** given every raw log line, returns the function that turns one into the generic event
   *  object (or null to drop it) before decoding: the refinement map of an implementation
   *  (spec/refinement.ts implMapper) */
  readonly mapTrace?: RawMapper;
}

export type RawMapper = (all: readonly Record<string, unknown>[]) => (raw: Record<string, unknown>) => Record<string, unknown> | null;

export function readEvents(model: LoadedModel, tracePath: string, mapTrace?: RawMapper): TraceEvent[] {
  if (!mapTrace) return readTrace(tracePath, model.decode);
  // Mapped logs are NDJSON by construction; decode after mapping so line numbers stay the file's.
  return mapEvents(model, readRawLines(tracePath), tracePath, mapTrace);
}

/** Map raw implementation events (in memory or read from a file) and decode them. */
export function mapEvents(model: LoadedModel, raw: readonly { line: number; obj: Record<string, unknown> }[], file: string, mapTrace: RawMapper): TraceEvent[] {
  const map = mapTrace(raw.map((r) => r.obj));
  return raw.flatMap(({ line, obj }) => {
    const m = map(obj);
    return m ? [decodeEvent(m, file, line, model.decode)] : [];
  });
}

function readRawLines(path: string): { line: number; obj: Record<string, unknown> }[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new TraceFormatError(`cannot read trace: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, path, 0);
  }
  const out: { line: number; obj: Record<string, unknown> }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch (err) {
      throw new TraceFormatError(`not valid JSON: ${(err as Error).message}`, path, i + 1);
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new TraceFormatError('an event must be a JSON object', path, i + 1);
    out.push({ line: i + 1, obj: o as Record<string, unknown> });
  });
  return out;
}

export function validateEvents(model: LoadedModel, events: readonly TraceEvent[], opts: TraceRunOptions = {}): TraceResult {
  return opts.perTask ? validatePerTask(model.spec, byTask(events), opts) : validateGlobal(model.spec, events, opts);
}
