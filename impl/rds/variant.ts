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
  'V3_fixed_noredrop',
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
  /** the parts of the proposed fix of the V3 removal path (tla/README.md, the model's REMOVE_FIX):
   *  wait_free — remove_one waits for rds_ib_dev_free; shutdown_flush — the waiting shutdown
   *  flushes its own device's pool; redrop — while waiting, remove_one drops the connections that
   *  joined conn_list after rds_ib_dev_shutdown walked it (found by this implementation's search:
   *  without it wait_free deadlocks, as their drop would come from cma_remove_one, after remove) */
  readonly REMOVE_FIX: readonly ('wait_free' | 'shutdown_flush' | 'redrop')[];
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
  REMOVE_FIX: [],
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
  V3_fixed: { ...V3, name: 'V3_fixed', REMOVE_FIX: ['wait_free', 'shutdown_flush', 'redrop'] },
  /** the fix as first proposed, without part 3: deadlocks */
  V3_fixed_noredrop: { ...V3, name: 'V3_fixed_noredrop', REMOVE_FIX: ['wait_free', 'shutdown_flush'] },
  /** V2 with V2's module exit (one flush, before the no-device connections are destroyed): D3 */
  V2_exit: { ...V2, name: 'V2_exit', EXIT_FLUSH_TWICE: false },
};

export function isVariantName(s: string): s is VariantName {
  return (VARIANT_NAMES as readonly string[]).includes(s);
}
