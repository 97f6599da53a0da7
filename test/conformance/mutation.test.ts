// Mutation power: with each bug switched back on in the implementation, conformance to the
// FIXED model (V2 for the V0..V2 history and D1/D2; V3_fixed for today's V3 bugs) must fail
// within a stated budget of seeded runs. A run fails conformance when its trace is rejected,
// when only invariant-violating model states explain it, or when the implementation is stuck
// (every task blocked) while every model state consistent with the trace can still step.
// A run counts only if the control — the fixed implementation on the mutant's workload with the
// same seed — conforms to the same model (harness.ts firstKill), so a kill is the bug's doing
// and not a gap between model and code.
// Budgets: ~5x the runs each mutant needed when measured (test/conformance/README.md); the
// bugs V1 (list race) and V1_flushwq need a particular interleaving, the others show on the
// first run.
import { describe, expect, test } from 'vitest';
import type { VariantName } from '../../impl/rds/variant.js';
import { firstKill, showVerdict } from './harness.js';

const MUTANTS: readonly { readonly variant: VariantName; readonly fixed: string; readonly budget: number; readonly bug: string }[] = [
  { variant: 'V0', fixed: 'V2', budget: 5, bug: 'no refcount: remove_one frees while a connection uses the device' },
  { variant: 'V1_flushwq', fixed: 'V2', budget: 10, bug: 'rds_ib_dev_free flushes rds_wq from its own worker (self-wait)' },
  { variant: 'V1', fixed: 'V2', budget: 40, bug: 'rds_ib_devices walked without RCU/rwsem (list race)' },
  { variant: 'D1', fixed: 'V2', budget: 5, bug: 'ipaddr_list initialised late: add_one error path walks it' },
  { variant: 'D2', fixed: 'V2', budget: 5, bug: 'setup_qp keeps its lookup reference on success (leak)' },
  { variant: 'V3_mr_same', fixed: 'V3_fixed', budget: 5, bug: 'MR held on the removed device\'s connection' },
  { variant: 'V3_mr_other', fixed: 'V3_fixed', budget: 5, bug: 'MR held on the other device\'s connection' },
];

describe('every bug switched back on fails conformance to the fixed model', () => {
  test.each(MUTANTS)('$variant against $fixed within $budget runs ($bug)', async ({ variant, fixed, budget }) => {
    const k = await firstKill(variant, fixed, budget);
    expect(k, `${variant}: ${budget} runs all conformed to ${fixed}`).not.toBeNull();
    expect(k!.runs).toBeLessThanOrEqual(budget);
    console.log(`${variant} vs ${fixed}: killed after ${k!.runs} run(s), seed ${k!.seed}, schedule ${k!.schedule}: ${showVerdict(k!.verdict)}`);
  });
});
