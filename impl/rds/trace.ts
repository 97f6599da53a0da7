// Trace events: one per atomic step, named like the model's actions (tla/RdsIbDevice.tla), with
// the task that took the step, a logical timestamp, the step's parameters and the model's
// variables as they are when the step ends. Written as NDJSON (one JSON object per line); the
// format is documented in impl/README.md.

export const ACTION_NAMES = [
  // IB core and net/rds/ib.c
  'AddOne',
  'AddOne_Fail',
  'AddOne_ListAdd',
  'AddOne_SetClientData',
  'AddOne_Put',
  'RemoveOne',
  'RemoveOne_Shutdown',
  'RemoveOne_ClearClientData',
  'RemoveOne_ListDel',
  'RemoveOne_Sync',
  'RemoveOne_PutList',
  'RemoveOne_PutClientData',
  'RemoveOne_DestroyConns',
  'RemoveOne_DestroyPool',
  'RemoveOne_Free',
  'FreeWork',
  'FreeWork_DestroyPool',
  'FreeWork_DeallocPd',
  'FreeWork_FreeIpaddrs',
  'FreeWork_Free',
  'IbUnregister',
  'CmaRemoveOne',
  'IbDealloc',
  'ModuleExit',
  'ModuleExit_DestroyNodevConns',
  'ModuleExit_Flush',
  // net/rds/ib_cm.c
  'ConnSetup',
  'ConnSetup_AddConn',
  'ConnSetup_CreateQp',
  'ConnSetup_Put',
  'ConnSetup_Fail',
  'ConnComplete',
  'UpdateIpaddr_Remove',
  'UpdateIpaddr_Add',
  'ConnDrop',
  'ConnShutdown',
  'ConnShutdown_WaitMRs',
  'ConnShutdown_DestroyQp',
  'ConnShutdown_RemoveConn',
  // net/rds/ib_rdma.c
  'GetDevice_Walk',
  'GetMR',
  'GetMR_Alloc',
  'GetMR_Fail',
  'FreeMR',
  'FreeMR_Put',
  'FlushMRs',
  'FlushMRs_Pool',
  'FlushWorker',
  'FlushPool',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export type TraceParams = Readonly<Record<string, string | number | boolean | null>>;

/** The model's variables, as far as the implementation has them. */
export interface TraceVars {
  /** rds_ib_device refcount, by device (freed devices keep their last value) */
  readonly refcount: Readonly<Record<string, number>>;
  /** devices freed by rds_ib_dev_free (or by V0's remove) */
  readonly freed: readonly string[];
  /** rds_ib_devices, in list order */
  readonly devList: readonly string[];
  /** IB client data per ib_device: the rds_ib_device it points to, or null */
  readonly clientData: Readonly<Record<string, string | null>>;
  /** ipaddr_list per live device; null while uninitialised */
  readonly ipaddrs: Readonly<Record<string, readonly string[] | null>>;
  /** ic->rds_ibdev per connection */
  readonly connDev: Readonly<Record<string, string | null>>;
  readonly connState: Readonly<Record<string, string>>;
  /** ibmr->device per MR */
  readonly mrDev: Readonly<Record<string, string | null>>;
  readonly mrState: Readonly<Record<string, string>>;
  /** rds_wq: the running item first, then the queued ones */
  readonly rdsWq: readonly string[];
  /** tasks inside an RCU read section */
  readonly rcuReaders: number;
  /** ib_devices deallocated by the IB core (V3) */
  readonly ibDeallocated: readonly string[];
}

export interface TraceEvent {
  /** logical timestamp: the scheduler step at which the step ended */
  readonly ts: number;
  /** position of the event in the trace, from 1 */
  readonly seq: number;
  readonly task: string;
  readonly taskId: number;
  /** the step ran in interrupt context */
  readonly irq: boolean;
  readonly action: ActionName;
  readonly params: TraceParams;
  readonly vars: TraceVars;
}
