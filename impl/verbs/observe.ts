// A backend seen through a tap: the same `Verbs`, with every async call's result passed to
// `onResult` before the caller gets it (the driver records failed calls, the rxe workload also
// remembers MR keys). Results are not changed.
import type { Verbs, VerbsResult } from './types.js';

export function observeVerbs(inner: Verbs, onResult: (call: string, res: VerbsResult<unknown>) => void): Verbs {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const f = Reflect.get(target, prop, receiver) as unknown;
      if (typeof f !== 'function') return f;
      return (...args: unknown[]) => {
        const r = (f as (...a: unknown[]) => unknown).apply(target, args);
        if (!(r instanceof Promise)) return r;
        return r.then((res: unknown) => {
          if (res && typeof res === 'object' && 'ok' in res) onResult(String(prop), res as VerbsResult<unknown>);
          return res;
        });
      };
    },
  });
}
