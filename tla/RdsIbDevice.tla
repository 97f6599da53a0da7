----------------------------- MODULE RdsIbDevice -----------------------------
(***************************************************************************)
(* The lifetime of struct rds_ib_device in Linux's RDS-over-InfiniBand     *)
(* driver (net/rds/ib.c, ib_rdma.c, ib_cm.c): the refcount added by        *)
(* 3e0249f9, the device-list protection of ea819867, two later bugs (D1,   *)
(* D2) and today's kernel (V3) with the ib_device's own lifetime, FRWR MRs *)
(* and cma_remove_one.  One spec, the history selected by CONSTANTS; the   *)
(* action and variable names are a contract (tla/ACTIONS.md).              *)
(*                                                                         *)
(* Sources: /work/shared/design/kernel-brief.md (section 3 = the atomic    *)
(* steps, section 4 = the properties, section 5 = the bugs) and            *)
(* rds-kernel-trace.md (sections 5 and 9: what rxe showed for V3).         *)
(*                                                                         *)
(* Plain TLA+ with one program counter per process: the IB core           *)
(* (core_pc), each connection (conn_pc), each MR and the socket that owns  *)
(* it (mr_pc), and the single-threaded ordered workqueue rds_wq            *)
(* (rds_wq + rds_wq_pc).  A work item stays at the head of rds_wq until    *)
(* its last step, so a blocked head blocks everything queued behind it,    *)
(* as on an ordered workqueue ("krdsd").                                   *)
(*                                                                         *)
(* Modules: RdsIbDeviceBase (constants, variables, helpers),              *)
(* RdsIbDeviceCore (IB core actions), RdsIbDeviceWork (connection, MR and *)
(* work-item actions); this module: Init, Next, properties, fairness.     *)
(***************************************************************************)
EXTENDS RdsIbDeviceWork

-----------------------------------------------------------------------------
Init ==
    /\ ib_device = [d \in Dev |-> "registered"]
    /\ rds_ibdev = [d \in Dev |-> "none"]
    /\ refcount = [d \in Dev |-> 0]
    /\ client_data = [d \in Dev |-> FALSE]
    /\ rds_ib_devices = {}
    /\ lists_inited = [d \in Dev |-> FALSE]
    /\ mr_pool = [d \in Dev |-> "none"]
    /\ ipaddr_list = [d \in Dev |-> FALSE]
    /\ free_work_queued = [d \in Dev |-> FALSE]
    /\ remove_called = {}
    /\ conn_pc = [c \in Conn |-> "idle"]
    /\ ic_rds_ibdev = [c \in Conn |-> NoDev]
    /\ setup_ibdev = [c \in Conn |-> NoDev]
    /\ i_cm_id = [c \in Conn |-> FALSE]
    /\ mr_pc = [m \in Mr |-> "idle"]
    /\ ibmr_device = [m \in Mr |-> NoDev]
    /\ fr_state = [m \in Mr |-> "none"]
    /\ flush_pos = [m \in Mr |-> 0]
    /\ core_pc = "idle"
    /\ core_dev = NoDev
    /\ unloading = FALSE
    /\ rcu_readers = {}
    /\ gp_snapshot = {}
    /\ devices_lock_readers = {}
    /\ rds_wq = <<>>
    /\ rds_wq_pc = "idle"
    /\ rds_ib_mr_wq = {}
    /\ faults = {}

-----------------------------------------------------------------------------
(* Rest: every process is between operations.  A state at rest may stutter, *)
(* so TLC's deadlock check reports only states where some process is stuck *)
(* in the middle of an operation (the waits-for cycles of S8, V3's hang).   *)

AtRest ==
    /\ core_pc \in {"idle", "unloaded"}
    /\ rds_wq = <<>> /\ rds_wq_pc = "idle" /\ rds_ib_mr_wq = {}
    /\ \A c \in Conn : conn_pc[c] \in {"idle", "connected", "up", "closed"}
    /\ \A m \in Mr : mr_pc[m] \in {"idle", "mapped", "done"}

Terminating == AtRest /\ UNCHANGED vars

CoreStep ==
    \/ \E d \in Dev :
          \/ AddOne_Alloc(d) \/ AddOne_ListAdd(d) \/ AddOne_SetClientData(d) \/ AddOne_Put(d)
          \/ RemoveOne_Begin(d) \/ RemoveOne_ClearClientData(d) \/ RemoveOne_ListDel(d)
          \/ RemoveOne_SyncRcu(d) \/ RemoveOne_Put(d) \/ RemoveOne_WaitFree(d) \/ RemoveOne_Redrop(d)
          \/ RemoveOne_V0_DestroyPool(d) \/ RemoveOne_V0_Free(d)
          \/ CmaRemoveOne_DeviceRemoval(d) \/ IbUnregister_Dealloc(d)
    \/ ModuleExit_Begin \/ ModuleExit_FlushWq

ConnStep(c) ==
    \/ ConnSetup_GetClientData(c) \/ ConnSetup_DevGet(c) \/ ConnSetup_AddConn(c)
    \/ ConnComplete_GetClientData(c) \/ ConnComplete(c) \/ ConnDrop(c)

ShutdownStep(c) ==
    ConnShutdown_FlushPool(c) \/ ConnShutdown_DestroyQp(c) \/ ConnShutdown_RemoveConn(c)

MrStep(m) ==
    \/ GetMR_Lookup(m) \/ GetMR_Map(m)
    \/ \E ctx \in {"process", "irq"} : FreeMR(m, ctx)
    \/ FlushMRs_Begin(m) \/ FlushMRs_Next(m) \/ FlushMRs_Pool(m) \/ FlushMRs_End(m)

WorkerStep ==
    \/ \E c \in Conn : ShutdownStep(c)
    \/ \E d \in Dev : FreeWork(d) \/ FlushWorker(d)

Next ==
    \/ CoreStep
    \/ \E c \in Conn : ConnStep(c)
    \/ \E m \in Mr : MrStep(m)
    \/ WorkerStep
    \/ Terminating

-----------------------------------------------------------------------------
(* Properties (brief 4).  S-numbers as in the brief; S12 is V3's "the       *)
(* rds_ib_device outlives its ib_device" (rds-kernel-trace.md 5, 9).        *)

TypeOK ==
    /\ ib_device \in [Dev -> {"registered", "unregistering", "deallocated"}]
    /\ rds_ibdev \in [Dev -> {"none", "alloc", "freed"}]
    /\ refcount \in [Dev -> Nat]
    /\ client_data \in [Dev -> BOOLEAN]
    /\ rds_ib_devices \subseteq Dev
    /\ lists_inited \in [Dev -> BOOLEAN]
    /\ mr_pool \in [Dev -> {"none", "live", "destroyed"}]
    /\ ipaddr_list \in [Dev -> BOOLEAN]
    /\ free_work_queued \in [Dev -> BOOLEAN]
    /\ remove_called \subseteq Dev
    /\ conn_pc \in [Conn -> {"idle", "setup_devget", "setup_addconn", "connected", "completing", "up",
                             "drop_queued", "shutdown", "closed"}]
    /\ ic_rds_ibdev \in [Conn -> Dev \cup {NoDev}]
    /\ setup_ibdev \in [Conn -> Dev \cup {NoDev}]
    /\ i_cm_id \in [Conn -> BOOLEAN]
    /\ mr_pc \in [Mr -> {"idle", "lookup", "mapped", "closing", "flush_next", "flush_pool", "done"}]
    /\ ibmr_device \in [Mr -> Dev \cup {NoDev}]
    /\ fr_state \in [Mr -> {"none", "inuse", "dirty", "clean"}]
    /\ flush_pos \in [Mr -> Dev \cup {NoDev}]
    /\ core_pc \in {"idle", "add_list_add", "add_client_data", "add_put", "rm_clear_client_data",
                    "rm_list_del", "rm_sync_rcu", "rm_put", "rm_wait_free", "rm_v0_destroy_pool",
                    "rm_v0_free", "rm_cma_removal", "rm_cma_wait", "exit", "unloaded"}
    /\ core_dev \in Dev \cup {NoDev}
    /\ unloading \in BOOLEAN
    /\ rcu_readers \subseteq ({"conn"} \X Conn) \cup ({"mr"} \X Mr)
    /\ gp_snapshot \subseteq ({"conn"} \X Conn) \cup ({"mr"} \X Mr)
    /\ devices_lock_readers \subseteq Mr
    /\ \A i \in 1..Len(rds_wq) : rds_wq[i] \in ({"shutdown"} \X Conn) \cup ({"free_work", "flush_worker"} \X Dev)
    /\ rds_wq_pc \in {"idle", "shutdown_remove_conn", "free_flush_wq"}
    /\ rds_ib_mr_wq \subseteq Dev
    /\ faults \subseteq {"S1", "S2", "S3", "S4", "S9", "S11", "S12"}

\* S1: no step dereferences, increments or puts a freed rds_ib_device.
S1_NoUseAfterFree == "S1" \notin faults

\* S2: free_work is queued at most once (the count reaches 0 once) and at
\* most one copy is ever on rds_wq.
S2_NoDoubleFree ==
    /\ "S2" \notin faults
    /\ \A d \in Dev : Cardinality({i \in 1..Len(rds_wq) : rds_wq[i] = FreeW(d)}) <= 1

\* S3: no put at 0 (the count itself is a Nat by TypeOK).
S3_CountNonNegative == "S3" \notin faults

\* S4: no increment starts from 0 (or lands on a freed device: S1).
S4_NoResurrection == "S4" \notin faults

\* S5: the count is exactly the number of holders.  Temporary holders: the
\* IB core's add_one reference, and during remove_one the list and
\* client-data references it has unpublished but not yet put; a connection
\* between the lookup in rds_ib_setup_qp and the end of the setup.
CoreHolds(d) ==
    IF core_dev # d THEN 0
    ELSE IF core_pc \in AddStates THEN 1
    ELSE IF core_pc = "rm_list_del" THEN 1
    ELSE IF core_pc \in {"rm_sync_rcu", "rm_put"} THEN 2
    ELSE 0

Holders(d) ==
      (IF d \in rds_ib_devices THEN 1 ELSE 0)
    + (IF client_data[d] THEN 1 ELSE 0)
    + Cardinality({c \in Conn : ic_rds_ibdev[c] = d})
    + Cardinality({c \in Conn : conn_pc[c] = "setup_addconn" /\ setup_ibdev[c] = d})
    + Cardinality({m \in Mr : mr_pc[m] = "mapped" /\ ibmr_device[m] = d})
    + CoreHolds(d)

S5_ExactAccounting ==
    REFCOUNT => \A d \in Dev : rds_ibdev[d] = "alloc" => refcount[d] = Holders(d)

\* S6: once freed, nothing can reach the device: not listed, not in client
\* data, no connection, MR, RCU reader or list walker points at it.
S6_FreedUnreachable ==
    \A d \in Dev : rds_ibdev[d] = "freed" =>
        /\ d \notin rds_ib_devices
        /\ ~client_data[d]
        /\ \A c \in Conn : ic_rds_ibdev[c] # d /\ ~(conn_pc[c] \in SetupStates /\ setup_ibdev[c] = d)
        /\ \A m \in Mr : ~(mr_pc[m] \in {"lookup", "mapped"} /\ ibmr_device[m] = d)
        /\ \A m \in Mr : ~(mr_pc[m] = "flush_pool" /\ flush_pos[m] = d)

\* S7 holds by construction: the only interrupt-context step, FreeMR(m,
\* "irq"), never blocks and never frees; its put only queues free_work.

\* S8: the rds_wq worker never waits for rds_wq itself (flush_workqueue from
\* inside a work item).  Other waits-for cycles show up as deadlocks.
S8_NoSelfWait == rds_wq_pc # "free_flush_wq"

\* S9: no pool teardown while an MR of the pool is outstanding, no flush of a
\* destroyed pool, and no flush work pending for one.
S9_PoolLifetime ==
    /\ "S9" \notin faults
    /\ \A d \in Dev : mr_pool[d] = "destroyed" =>
          /\ d \notin rds_ib_mr_wq
          /\ \A i \in 1..Len(rds_wq) : rds_wq[i] # FlushW(d)

\* S10: while rds_ib_flush_mrs is at a device, the device stays allocated
\* (and, with the rwsem, on the list).
S10_SafeWalk ==
    \A m \in Mr : mr_pc[m] = "flush_pool" =>
        /\ rds_ibdev[flush_pos[m]] = "alloc"
        /\ LIST_PROT = "rcu_rwsem" => flush_pos[m] \in rds_ib_devices

\* S11: rds_ib_dev_free only walks lists that were initialised.
S11_PartialSetup == "S11" \notin faults

\* S12 (V3): nothing touches an ib_device after it was deallocated; in
\* particular rds_ib_dev_free's ib_dealloc_pd runs before ib_dealloc_device.
S12_IbDeviceOutlivesRdsDev == "S12" \notin faults

\* The leak (L2) as a safety property: once a device has been removed and
\* everything is at rest with nothing pointing at it, it has been freed.
NoLeakWhenQuiescent ==
    REFCOUNT =>
    \A d \in Dev :
        (/\ d \in remove_called
         /\ AtRest
         /\ \A c \in Conn : ic_rds_ibdev[c] # d
         /\ \A m \in Mr : ~(mr_pc[m] = "mapped" /\ ibmr_device[m] = d))
        => rds_ibdev[d] = "freed"

\* L4 as a safety property: once rds_rdma is unloaded, no work is left.
UnloadClean == core_pc = "unloaded" => rds_wq = <<>> /\ rds_wq_pc = "idle"

\* ---- Liveness (brief 4), under Spec's fairness ----
Removed(d) == d \in remove_called
\* rds_ib_remove_one for d has returned (the IB core is not inside it).
RemoveDone(d) == Removed(d) /\ ~(core_dev = d /\ core_pc \notin {"idle", "exit", "unloaded", "rm_cma_removal", "rm_cma_wait"})
Holdless(d) == /\ \A c \in Conn : ic_rds_ibdev[c] # d /\ setup_ibdev[c] # d
               /\ \A m \in Mr : ~(mr_pc[m] \in {"lookup", "mapped"} /\ ibmr_device[m] = d)

\* L1: after RemoveOne(d), once no connection or MR holds d, d is freed.
L1_FreedEventually == \A d \in Dev : (Removed(d) /\ Holdless(d)) ~> rds_ibdev[d] = "freed"
\* L2: once nothing holds d, its count reaches 0.
L2_NoLeak == \A d \in Dev :
    (RemoveDone(d) /\ Holdless(d)) ~> (refcount[d] = 0 \/ rds_ibdev[d] = "freed")
\* L3: RemoveOne returns and every queued work item runs.
L3_Progress ==
    /\ \A d \in Dev : (core_dev = d /\ core_pc \notin {"idle", "exit", "unloaded"})
                      ~> (core_dev # d \/ core_pc \in {"idle", "exit", "unloaded"})
    /\ \A d \in Dev : (\E i \in 1..Len(rds_wq) : rds_wq[i] = FreeW(d)) ~> rds_ibdev[d] = "freed"
\* L4: module exit ends with no free_work queued or running.
L4_Unload == unloading ~> (core_pc = "unloaded" /\ rds_wq = <<>>)

-----------------------------------------------------------------------------
(* Fairness (brief 4): the workers, the IB core, RCU readers and every     *)
(* operation already begun progress; sockets eventually free their MRs; a  *)
(* connection on a removed device that can be dropped (ConnDrop enabled)   *)
(* eventually is.  Connecting and new lookups are not forced.              *)

Fairness ==
    /\ WF_vars(CoreStep)
    /\ WF_vars(WorkerStep)
    /\ \A c \in Conn : WF_vars(ConnSetup_DevGet(c) \/ ConnSetup_AddConn(c) \/ ConnComplete(c))
    /\ \A m \in Mr : WF_vars(GetMR_Map(m) \/ FlushMRs_Begin(m) \/ FlushMRs_Next(m)
                              \/ FlushMRs_Pool(m) \/ FlushMRs_End(m))
    /\ \A m \in Mr : SF_vars(\E ctx \in {"process", "irq"} : FreeMR(m, ctx))
    /\ \A c \in Conn : WF_vars(ConnDrop(c) /\ ic_rds_ibdev[c] \in remove_called)

Spec == Init /\ [][Next]_vars /\ Fairness

=============================================================================
