// Trace events: one per atomic step, named like the model's actions (tla/RdsIbDevice.tla), with
// the task that took the step, a logical timestamp, the step's parameters and the model's
// variables as they are when the step ends. Written as NDJSON (one JSON object per line); the
// format is documented in impl/README.md.

/** The model's actions (tla/RdsIbDevice.tla, Next). */
export const MODEL_ACTIONS = [
  'AddOne_Alloc',
  'AddOne_ListAdd',
  'AddOne_SetClientData',
  'AddOne_Put',
  'RemoveOne_Begin',
  'RemoveOne_ClearClientData',
  'RemoveOne_ListDel',
  'RemoveOne_SyncRcu',
  'RemoveOne_Put',
  'RemoveOne_WaitFree',
  'RemoveOne_Redrop',
  'RemoveOne_V0_DestroyPool',
  'RemoveOne_V0_Free',
  'CmaRemoveOne_DeviceRemoval',
  'IbUnregister_Dealloc',
  'ModuleExit_Begin',
  'ModuleExit_FlushWq',
  'ConnSetup_GetClientData',
  'ConnSetup_DevGet',
  'ConnSetup_AddConn',
  'ConnComplete_GetClientData',
  'ConnComplete',
  'ConnDrop',
  'ConnShutdown_FlushPool',
  'ConnShutdown_DestroyQp',
  'ConnShutdown_RemoveConn',
  'GetMR_Lookup',
  'GetMR_Map',
  'FreeMR',
  'FlushMRs_Begin',
  'FlushMRs_Next',
  'FlushMRs_Pool',
  'FlushMRs_End',
  'FreeWork',
  'FlushWorker',
] as const;
export type ModelAction = (typeof MODEL_ACTIONS)[number];

/** Steps the implementation takes inside one model action (the model makes them one atomic
 *  step), each with the model action it belongs to, or null where the model has no such step
 *  (V3's second flush at module exit). The step named after the model action is always the one
 *  where the model's atomic step completes, so the variables logged there are the model's
 *  post-state; a blocking wait that is the model action's enabling condition comes before it. */
export const SUB_STEPS = {
  ConnSetup_AttachConn: 'ConnSetup_AddConn',
  ConnSetup_CreateQp: 'ConnSetup_AddConn',
  ConnComplete_Begin: 'ConnComplete',
  UpdateIpaddr_Remove: 'ConnComplete',
  GetDevice_Walk: null,
  ConnShutdown: 'ConnShutdown_DestroyQp',
  ConnShutdown_WaitMRs: 'ConnShutdown_DestroyQp',
  FreeMR_Begin: 'FreeMR',
  FreeWork_Begin: 'FreeWork',
  FreeWork_DestroyPool: 'FreeWork',
  FreeWork_DeallocPd: 'FreeWork',
  FreeWork_FreeIpaddrs: 'FreeWork',
  ModuleExit_DestroyNodevConns: null,
} as const satisfies Record<string, ModelAction | null>;
export type SubStep = keyof typeof SUB_STEPS;

export type ActionName = ModelAction | SubStep;

export function isSubStep(a: ActionName): a is SubStep {
  return a in SUB_STEPS;
}

/** The model action a step is or belongs to (null: GetDevice_Walk belongs to its caller's). */
export function modelActionOf(a: ActionName): ModelAction | null {
  return isSubStep(a) ? SUB_STEPS[a] : a;
}

export type TraceParams = Readonly<Record<string, string | number | boolean | null>>;

/** The model's variables, named as in tla/RdsIbDevice.tla, indexed like the model (device dN,
 *  connection cN, MR mN are N), as far as the implementation has them. */
export interface TraceVars {
  readonly ib_device: Readonly<Record<number, 'registered' | 'unregistering' | 'deallocated'>>;
  readonly rds_ibdev: Readonly<Record<number, 'none' | 'alloc' | 'freed'>>;
  readonly refcount: Readonly<Record<number, number>>;
  readonly client_data: Readonly<Record<number, boolean>>;
  /** devices on rds_ib_devices, ascending */
  readonly rds_ib_devices: readonly number[];
  readonly lists_inited: Readonly<Record<number, boolean>>;
  readonly mr_pool: Readonly<Record<number, 'none' | 'live' | 'destroyed'>>;
  /** some address is on the device's ipaddr_list */
  readonly ipaddr_list: Readonly<Record<number, boolean>>;
  /** ic->rds_ibdev per connection, 0 = NULL */
  readonly ic_rds_ibdev: Readonly<Record<number, number>>;
  readonly i_cm_id: Readonly<Record<number, boolean>>;
  /** ibmr->device per MR, 0 = NULL */
  readonly ibmr_device: Readonly<Record<number, number>>;
  readonly fr_state: Readonly<Record<number, 'none' | 'inuse' | 'dirty' | 'clean'>>;
  /** rds_wq, running item first: ["shutdown", c] | ["free_work", d] | ["flush_worker", d] */
  readonly rds_wq: readonly (readonly [string, number])[];
  /** number of tasks inside an RCU read section */
  readonly rcu_readers: number;
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
  /** the implementation's step (a model action, or a sub-step of one) */
  readonly step: ActionName;
  /** the model action this step is (part of); null if the model has no such step */
  readonly action: ModelAction | null;
  /** the step's parameters by name (d1, c2, m1, "irq") */
  readonly params: TraceParams;
  /** the same, as the model's values (device/connection/MR numbers) */
  readonly args: TraceParams;
  readonly vars: TraceVars;
}
