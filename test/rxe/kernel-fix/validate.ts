// validate.ts [TRACE...] — the kept kernel traces of `npm run rxe:fix` (artifacts/*.trace.txt by
// default) against the model, each under the model with the fix (REMOVE_FIX = all three, read with
// the fix's map) and without it (REMOVE_FIX = {}, read as a stock trace: the lines of the fix's own
// probes, which the stock kernel cannot produce, are left out): accepted or rejected
// (with the reason), and the first event after which an invariant fails. One JSON line per trace
// and model. `npx tsx test/rxe/kernel-fix/validate.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadModel, mapEvents, validateEvents } from '../../../engine/trace/run.js';
import { KERNEL_FIX_EVENTS, kernelConfig, KernelTraceError, mapKernelTrace, parseFtrace } from '../../../spec/kernel-refinement.js';

const ART = join(import.meta.dirname, 'artifacts');
const SPEC = join(import.meta.dirname, '../../../tla/RdsIbDevice.tla');

export async function validateKernelTrace(path: string, removeFix: boolean) {
  const file = basename(path);
  const lines = parseFtrace(readFileSync(path, 'utf8'), file);
  const fixProbe = (e: string): boolean => (KERNEL_FIX_EVENTS as readonly string[]).includes(e);
  const k = mapKernelTrace(removeFix ? lines : lines.filter((l) => !fixProbe(l.event)), file, { removeFix });
  const model = await loadModel(SPEC, undefined, kernelConfig(k.scenario));
  const events = mapEvents(model, k.events, file, () => (o) => o);
  return { k, model, result: validateEvents(model, events, { silent: [], invariants: true }) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const traces = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(ART).filter((f) => f.endsWith('.trace.txt')).sort().map((f) => join(ART, f));
  for (const t of traces) {
    for (const removeFix of [true, false]) {
      const t0 = performance.now();
      try {
        const { k, result } = await validateKernelTrace(t, removeFix);
        console.log(JSON.stringify({
          trace: basename(t), model: removeFix ? 'fixed' : 'unfixed', events: k.events.length, accepted: result.accepted,
          ...(result.rejection ? { rejectedAt: { line: result.rejection.event.line, actions: result.rejection.event.actions, why: result.rejection.explanations[0]?.reasons[0]?.slice(0, 240) } } : {}),
          violations: (result.violations ?? []).map((v) => `${v.invariant} at line ${v.event.line} (${v.event.actions.join(',')})`),
          seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
        }));
      } catch (e) {
        if (!(e instanceof KernelTraceError)) throw e;
        console.log(JSON.stringify({ trace: basename(t), model: removeFix ? 'fixed' : 'unfixed', mapError: e.message }));
      }
    }
  }
}
