// engine/eval: expression and action evaluation with TLC's rules. The checker needs only
// compileSpec and the types of api.ts.
export { compileSpec, type CompiledSpecExt } from './spec.js';
export type { LoadedSpec } from './scope.js';
export { tlcRuntime, type TlcStats } from './runtime.js';
export * from './api.js';
