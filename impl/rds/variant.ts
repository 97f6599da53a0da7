// The kernel versions the device manager can behave as, with the switches named like the model's
// CONSTANTS (tla/MC_*.cfg) so a reader can match a config to a variant. Each switch is read at
// the one line where the kernel versions differ (see the functions in ib.ts, ib_rdma.ts, ib_cm.ts).

export const VARIANT_NAMES = [
  'V0',
  'V1_flushwq',
  'V1',
  'V2',
  'D1',
  'D2',
  'V3_mr_same',
  'V3_mr_other',
  'V3_mr_inval',
  'V3_fixed',
  'V3_fixed_redrop',
  'V2_exit',
] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

export interface Variant {
  readonly name: VariantName;
  /** V1+ (3e0249f9): rds_ib_device has a refcount and is freed by free_work on rds_wq */
  readonly REFCOUNT: boolean;
  /** how rds_ib_destroy_mr_pool stops the pool's flush worker: flush all of rds_wq (V0 code,
   *  deadlocks once it runs on rds_wq) or cancel only its own work (V1 fix) */
  readonly POOL_TEARDOWN: 'flush_wq' | 'cancel_own';
  /** rds_ib_devices: plain list (V1) or RCU list under rds_ib_devices_lock (ea819867) */
  readonly LIST_PROT: 'none' | 'rcu_rwsem';
  /** d64bf89a: INIT_LIST_HEAD of ipaddr_list/conn_list right after allocation (D1 when false) */
  readonly EARLY_LIST_INIT: boolean;
  /** rds_ib_setup_qp drops its lookup reference on success too (D2 when false) */
  readonly SETUP_SUCCESS_PUT: boolean;
  /** v3: today's shape — the ib_device's own lifetime, FRWR MRs whose in-use count the shutdown
   *  worker waits on, a separate MR workqueue, flush_mrs visiting listed devices only */
  readonly KERNEL: 'v2' | 'v3';
  /** the application frees its MR with RDS_RDMA_INVALIDATE (V3_mr_inval) */
  readonly FREE_INVALIDATE: boolean;
  /** the model's proposed fix of the V3 removal path (tla/README.md): remove_one waits for
   *  rds_ib_dev_free; the waiting shutdown flushes its own pool */
  readonly V3_FIX: boolean;
  /** amendment found by the implementation: while remove_one waits, it drops connections that
   *  attached after rds_ib_dev_shutdown walked conn_list (their cma drop would come too late) */
  readonly REDROP: boolean;
  /** rds_ib_exit flushes rds_wq again after destroying the no-device connections (V3; the D3 fix) */
  readonly EXIT_FLUSH_TWICE: boolean;
}

const V2: Omit<Variant, 'name'> = {
  REFCOUNT: true,
  POOL_TEARDOWN: 'cancel_own',
  LIST_PROT: 'rcu_rwsem',
  EARLY_LIST_INIT: true,
  SETUP_SUCCESS_PUT: true,
  KERNEL: 'v2',
  FREE_INVALIDATE: false,
  V3_FIX: false,
  REDROP: false,
  EXIT_FLUSH_TWICE: true,
};
const V3: Omit<Variant, 'name'> = { ...V2, KERNEL: 'v3' };

export const VARIANTS: { readonly [N in VariantName]: Variant } = {
  V0: { ...V2, name: 'V0', REFCOUNT: false, POOL_TEARDOWN: 'flush_wq', LIST_PROT: 'none' },
  V1_flushwq: { ...V2, name: 'V1_flushwq', POOL_TEARDOWN: 'flush_wq', LIST_PROT: 'none' },
  V1: { ...V2, name: 'V1', LIST_PROT: 'none' },
  V2: { ...V2, name: 'V2' },
  D1: { ...V2, name: 'D1', EARLY_LIST_INIT: false },
  D2: { ...V2, name: 'D2', SETUP_SUCCESS_PUT: false },
  V3_mr_same: { ...V3, name: 'V3_mr_same' },
  V3_mr_other: { ...V3, name: 'V3_mr_other' },
  V3_mr_inval: { ...V3, name: 'V3_mr_inval', FREE_INVALIDATE: true },
  V3_fixed: { ...V3, name: 'V3_fixed', V3_FIX: true },
  V3_fixed_redrop: { ...V3, name: 'V3_fixed_redrop', V3_FIX: true, REDROP: true },
  /** V2 with V2's module exit (one flush, before the no-device connections are destroyed): D3 */
  V2_exit: { ...V2, name: 'V2_exit', EXIT_FLUSH_TWICE: false },
};

export function isVariantName(s: string): s is VariantName {
  return (VARIANT_NAMES as readonly string[]).includes(s);
}
