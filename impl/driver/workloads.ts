// Workloads: which devices arrive, which connections come up on them, which MRs sockets map and
// free (from process or interrupt context), which device `rdma link delete` removes, and module
// exit at the end. Sizes follow kernel-brief §4 "suggested abstraction": 2 devices, 2
// connections (the two ends of one RDS connection), 2 MRs.
import type { VariantName } from '../rds/variant.js';

export interface WorkloadDevice {
  readonly name: string;
  /** ib_alloc_pd fails in add_one (exercises the error path of bug D1) */
  readonly failAlloc?: boolean;
}
export interface WorkloadConn {
  readonly name: string;
  readonly dev: string;
  readonly laddr: string;
  /** the other end of the same RDS connection */
  readonly peer?: string;
}
export interface WorkloadMr {
  readonly name: string;
  /** the connection whose local address the socket is bound to */
  readonly conn: string;
  /** freed from interrupt context (rds_rdma_unuse from completion handling) */
  readonly irq: boolean;
}
export interface Workload {
  readonly name: WorkloadName;
  readonly description: string;
  readonly devices: readonly WorkloadDevice[];
  readonly conns: readonly WorkloadConn[];
  readonly mrs: readonly WorkloadMr[];
  /** devices removed with `rdma link delete` (at the injected step) */
  readonly remove: readonly string[];
  /** connections dropped by an error (rds_conn_drop) once they are set up */
  readonly errors?: readonly string[];
}

export const WORKLOAD_NAMES = ['basic', 'add-fail', 'churn', 'mr-same', 'mr-other', 'mr-both'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

const twoDevices: Pick<Workload, 'devices' | 'conns'> = {
  devices: [{ name: 'd1' }, { name: 'd2' }],
  conns: [
    { name: 'c1', dev: 'd1', laddr: '10.0.0.1', peer: 'c2' },
    { name: 'c2', dev: 'd2', laddr: '10.0.0.2', peer: 'c1' },
  ],
};

export const WORKLOADS: { readonly [N in WorkloadName]: Workload } = {
  basic: {
    name: 'basic',
    description: 'two devices, one connection on each (peers), an MR on each (one freed in process context, one in irq; each socket then closes: FlushMRs); d1 removed',
    ...twoDevices,
    mrs: [
      { name: 'm1', conn: 'c1', irq: false },
      { name: 'm2', conn: 'c2', irq: true },
    ],
    remove: ['d1'],
  },
  'add-fail': {
    name: 'add-fail',
    description: 'as basic, but allocation fails while adding d2 (add_one error path)',
    devices: [{ name: 'd1' }, { name: 'd2', failAlloc: true }],
    conns: twoDevices.conns,
    mrs: [{ name: 'm1', conn: 'c1', irq: false }],
    remove: ['d1'],
  },
  churn: {
    name: 'churn',
    description: 'as basic, plus an error that drops c1 once it is set up (the connection goes down without a removal)',
    ...twoDevices,
    mrs: [
      { name: 'm1', conn: 'c1', irq: false },
      { name: 'm2', conn: 'c2', irq: true },
    ],
    remove: ['d1'],
    errors: ['c1'],
  },
  'mr-same': {
    name: 'mr-same',
    description: 'V3 run (C): an MR held on the connection of the device being removed (d1)',
    ...twoDevices,
    mrs: [{ name: 'm1', conn: 'c1', irq: false }],
    remove: ['d1'],
  },
  'mr-other': {
    name: 'mr-other',
    description: "V3 run (B): an MR held on the other device's connection (c2 on d2) while d1 is removed",
    ...twoDevices,
    mrs: [{ name: 'm1', conn: 'c2', irq: false }],
    remove: ['d1'],
  },
  'mr-both': {
    name: 'mr-both',
    description: 'V3: MRs held on both connections while d1 is removed',
    ...twoDevices,
    mrs: [
      { name: 'm1', conn: 'c1', irq: false },
      { name: 'm2', conn: 'c2', irq: false },
    ],
    remove: ['d1'],
  },
};

/** The workload whose schedules expose (or, for fixed variants, must not expose) the bug. */
export const DEFAULT_WORKLOAD: { readonly [N in VariantName]: WorkloadName } = {
  V0: 'basic',
  V1_flushwq: 'basic',
  V1: 'basic',
  V2: 'basic',
  D1: 'add-fail',
  D2: 'basic',
  V3_mr_same: 'mr-same',
  V3_mr_other: 'mr-other',
  V3_mr_inval: 'mr-same',
  V3_fixed: 'mr-both',
  V3_fixed_noredrop: 'mr-both',
  V2_exit: 'basic',
};

export function isWorkloadName(s: string): s is WorkloadName {
  return (WORKLOAD_NAMES as readonly string[]).includes(s);
}

/** V0's setup race as a schedule of the `basic` workload (found by seed 9, replayed as a schedule
 *  so it does not depend on the PRNG): c1's setup on d1 reads client data before `rdma link delete
 *  d1` (from step 20) runs rds_ib_remove_one, which destroys the connections then on d1's conn_list
 *  (not c1: V0 adds it only when it completes), frees d1 and closes its context. c1's QP was
 *  created on d1's PD, so the PD cannot be deallocated first (EBUSY) and the forced close destroys
 *  the QP under c1. c1 then walks d1's ipaddr_list: the use-after-free report. Module exit destroys
 *  c1 (rds_ib_destroy_nodev_conns → rds_conn_destroy): ibv_destroy_qp on a QP of the closed context
 *  → EBADF, after the report. Used on the sim (test/impl/rds/v0-closed-context.test.ts) and on rxe
 *  (test/rxe/workload.ts, issue #6), where the delete waits for the real removal signal. */
export const V0_SETUP_RACE = { variant: 'V0', workload: 'basic', schedule: '20:160432020101010110112120210201001100000000001012111100000000' } as const;
