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
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS
    NDEV,          \* number of IB devices (rds_ib_device / ib_device pairs)
    NCONN,         \* number of RDS IB connections; conn c lives on device ConnDev(c)
    NMR,           \* number of MRs; MR m is mapped on connection MrConn(m)
    REMOVABLE,     \* devices the IB core may unregister (rdma link delete)
    MODULE_EXIT,   \* may rds_rdma be unloaded (rds_ib_exit)?
    \* ---- the kernel's history ----
    REFCOUNT,              \* FALSE = V0: rds_ib_remove_one frees the device at once
    POOL_TEARDOWN,         \* "flush_wq" (V0 code run from free_work) or "cancel_own" (V1+)
    LIST_PROT,             \* "none" (V1) or "rcu_rwsem" (V2+, ea819867)
    EARLY_LIST_INIT,       \* FALSE = bug D1: ipaddr_list/conn_list set up after the allocations
    ALLOC_FAIL,            \* may the PD/MR/pool allocation in rds_ib_add_one fail?
    SETUP_SUCCESS_PUT,     \* FALSE = bug D2: rds_ib_setup_qp's success path leaks its lookup ref
    KERNEL,                \* "v2" (2.6.37 shape) or "v3" (today: ib_device lifetime, FRWR)
    \* ---- the application, as in the rxe runs ----
    MR_FREE_CTX,           \* contexts rds_ib_free_mr may run in: subset of {"process", "irq"}
    FREE_INVALIDATE,       \* the application frees its MRs with RDS_RDMA_INVALIDATE
    MR_HELD_ACROSS_REMOVE, \* the MRs are mapped before the delete and freed only after it began
    PROMPT_WORKER,         \* timing assumption: the IB core finishes unregistering only while
                           \* the head of rds_wq cannot run (the worker is never slower)
    \* ---- the proposed fix (tla/README.md) ----
    REMOVE_FIX             \* subset of {"wait_free", "shutdown_flush"}: the two halves of the fix

ASSUME NDEV \in Nat /\ NDEV >= 1
ASSUME NCONN \in Nat /\ NMR \in Nat /\ (NMR > 0 => NCONN > 0)
ASSUME REMOVABLE \subseteq 1..NDEV
ASSUME MODULE_EXIT \in BOOLEAN /\ REFCOUNT \in BOOLEAN /\ EARLY_LIST_INIT \in BOOLEAN
ASSUME ALLOC_FAIL \in BOOLEAN /\ SETUP_SUCCESS_PUT \in BOOLEAN /\ FREE_INVALIDATE \in BOOLEAN
ASSUME MR_HELD_ACROSS_REMOVE \in BOOLEAN /\ PROMPT_WORKER \in BOOLEAN
ASSUME REMOVE_FIX \subseteq {"wait_free", "shutdown_flush"}
ASSUME POOL_TEARDOWN \in {"flush_wq", "cancel_own"}
ASSUME LIST_PROT \in {"none", "rcu_rwsem"}
ASSUME KERNEL \in {"v2", "v3"}
ASSUME MR_FREE_CTX \subseteq {"process", "irq"}

Dev == 1..NDEV
Conn == 1..NCONN
Mr == 1..NMR
NoDev == 0
\* One local address per device (the brief's "1 socket address" per device):
\* connection c binds the address of device ConnDev(c); an MR is looked up by
\* the address of its socket, which is the address of its connection.
ConnDev(c) == ((c - 1) % NDEV) + 1
MrConn(m) == ((m - 1) % NCONN) + 1
MrDev(m) == ConnDev(MrConn(m))

VARIABLES
    \* ---- per device ----
    ib_device,          \* the struct ib_device: "registered", "unregistering", "deallocated" (V3 only)
    rds_ibdev,          \* the struct rds_ib_device allocation: "none", "alloc", "freed"
    refcount,           \* rds_ibdev->refcount
    client_data,        \* ib_get_client_data(ib_device, &rds_ib_client) points at rds_ibdev
    rds_ib_devices,     \* the global list rds_ib_devices (set of devices on it)
    lists_inited,       \* INIT_LIST_HEAD(&rds_ibdev->ipaddr_list / conn_list) has run
    mr_pool,            \* rds_ibdev->mr_8k_pool (and PD): "none", "live", "destroyed"
    ipaddr_list,        \* the device's address is on rds_ibdev->ipaddr_list
    free_work_queued,   \* rds_ibdev->free_work was ever queued (S2: at most once)
    remove_called,      \* devices rds_ib_remove_one has been called for
    \* ---- per connection (struct rds_ib_connection *ic) ----
    conn_pc,            \* program counter of the connection
    ic_rds_ibdev,       \* ic->rds_ibdev (holds a reference), NoDev = NULL
    setup_ibdev,        \* the rds_ibdev pointer rds_ib_setup_qp read from client data
    i_cm_id,            \* ic->i_cm_id exists (cma_remove_one waits for it, V3)
    \* ---- per MR (struct rds_ib_mr *ibmr) and its socket ----
    mr_pc,              \* program counter of the MR's owner
    ibmr_device,        \* ibmr->device (holds a reference while mr_pc = "mapped")
    fr_state,           \* FRWR state: "none", "inuse" (mapped), "dirty" (freed, no LOCAL_INV yet), "clean"
    flush_pos,          \* rds_ib_flush_mrs cursor: the device last picked from the list
    \* ---- IB core / module ----
    core_pc,            \* program counter of the IB core (serialised by device_mutex)
    core_dev,           \* the device the IB core is working on
    unloading,          \* rds_ib_exit has begun
    \* ---- synchronisation ----
    rcu_readers,        \* processes inside rcu_read_lock() that may hold a device pointer
    gp_snapshot,        \* the readers synchronize_rcu() waits for
    devices_lock_readers, \* holders of rds_ib_devices_lock for read (rds_ib_flush_mrs)
    \* ---- workqueues ----
    rds_wq,             \* the ordered workqueue krdsd: a FIFO of work items
    rds_wq_pc,          \* step of the head item: "idle" = not started
    rds_ib_mr_wq,       \* V3: pool flush_worker pending on rds_ib_mr_wq (set of devices)
    \* ---- error flags set by the step that does the wrong thing ----
    faults

devVars == <<ib_device, rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited,
             mr_pool, ipaddr_list, free_work_queued, remove_called>>
connVars == <<conn_pc, ic_rds_ibdev, setup_ibdev, i_cm_id>>
mrVars == <<mr_pc, ibmr_device, fr_state, flush_pos>>
coreVars == <<core_pc, core_dev, unloading>>
syncVars == <<rcu_readers, gp_snapshot, devices_lock_readers>>
wqVars == <<rds_wq, rds_wq_pc, rds_ib_mr_wq>>
vars == <<devVars, connVars, mrVars, coreVars, syncVars, wqVars, faults>>

-----------------------------------------------------------------------------
(* Work items and helpers *)

ShutdownW(c) == <<"shutdown", c>>      \* cp->cp_down_w running rds_shutdown_worker
FreeW(d) == <<"free_work", d>>         \* rds_ibdev->free_work running rds_ib_dev_free
FlushW(d) == <<"flush_worker", d>>     \* pool->flush_worker (on rds_wq before V3)

Head1(q) == IF q = <<>> THEN <<"none", 0>> ELSE Head(q)

\* queue_work() is a no-op while the item is pending (queued and not yet running).
Pending(q, pc, w) == \E i \in 1..Len(q) : q[i] = w /\ ~(i = 1 /\ pc # "idle")
QueueWork(q, pc, w) == IF Pending(q, pc, w) THEN q ELSE Append(q, w)

\* The elements of a finite set of numbers as an ascending sequence.
SortedSeq(S) == [i \in 1..Cardinality(S) |-> CHOOSE x \in S : Cardinality({y \in S : y <= x}) = i]

\* The sequence q without the elements equal to w (cancel_work on a pending item).
Without(q, w) ==
    LET keep == {i \in 1..Len(q) : q[i] # w}
    IN  [k \in 1..Cardinality(keep) |-> q[CHOOSE i \in keep : Cardinality({j \in keep : j <= i}) = k]]

Max(S) == CHOOSE x \in S : \A y \in S : y <= x
Min(S) == CHOOSE x \in S : \A y \in S : x <= y

\* touch(d): any dereference of d.  S1 if d was freed.
TouchF(d) == IF rds_ibdev[d] = "freed" THEN {"S1"} ELSE {}
\* inc(d): S1 on a freed device, S4 on a count of 0 (resurrection).
IncF(d) == TouchF(d) \cup (IF rds_ibdev[d] # "freed" /\ refcount[d] = 0 THEN {"S4"} ELSE {})
\* put(d) n times in a row by one thread: S3 if the count would go below 0,
\* S2 if it reaches 0 a second time (free_work queued twice).
PutF(d, n) == TouchF(d)
              \cup (IF refcount[d] < n THEN {"S3"} ELSE {})
              \cup (IF refcount[d] = n /\ free_work_queued[d] THEN {"S2"} ELSE {})
PutCount(d, n) == IF refcount[d] >= n THEN refcount[d] - n ELSE 0
\* The put that brings the count to 0 queues free_work on rds_wq (rds_ib_dev_put).
PutQueue(q, d, n) == IF refcount[d] = n THEN QueueWork(q, "idle", FreeW(d)) ELSE q
PutQueued(d, n) == [free_work_queued EXCEPT ![d] = @ \/ refcount[d] = n]
\* V3: touching the ib_device (ib_dealloc_pd, unmapping MRs) after ib_dealloc_device.
IbTouchF(d) == IF KERNEL = "v3" /\ ib_device[d] = "deallocated" THEN {"S12"} ELSE {}

\* i_fastreg_inuse_count of connection c: its FRWR MRs still marked INUSE.
InUse(c) == Cardinality({m \in Mr : MrConn(m) = c /\ fr_state[m] \in {"inuse", "dirty"}})
\* rds_ib_flush_mr_pool(pool of d): post LOCAL_INV for every freed MR of the pool.
FlushPool(d) == [m \in Mr |-> IF ibmr_device[m] = d /\ fr_state[m] = "dirty" THEN "clean" ELSE fr_state[m]]

\* Where the IB core goes once rds_ib_remove_one has returned.
AfterClientRemove ==
    IF unloading THEN "exit"
    ELSE IF KERNEL = "v3" THEN "rm_cma_wait" ELSE "idle"

AddStates == {"add_list_add", "add_client_data", "add_put"}
SetupStates == {"setup_devget", "setup_addconn"}

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
(* IB core: rds_ib_add_one (brief 3, AddOne).  Devices are added in order.  *)

\* Steps 1-3: allocate, refcount 1 (the temporary reference), PD/MR/pool; the
\* lists are initialised at allocation (EARLY_LIST_INIT, d64bf89a) or only
\* after the allocations succeeded (V2 code, bug D1).  Nothing else can see
\* the device yet, so the three steps are one.
AddOne_Alloc(d) ==
    /\ core_pc = "idle"
    /\ rds_ibdev[d] = "none"
    /\ \A e \in Dev : e < d => rds_ibdev[e] # "none"
    /\ \E ok \in (IF ALLOC_FAIL THEN {TRUE, FALSE} ELSE {TRUE}) :
          /\ rds_ibdev' = [rds_ibdev EXCEPT ![d] = "alloc"]
          /\ refcount' = [refcount EXCEPT ![d] = IF REFCOUNT THEN 1 ELSE 0]
          /\ lists_inited' = [lists_inited EXCEPT ![d] = EARLY_LIST_INIT \/ ok]
          /\ mr_pool' = [mr_pool EXCEPT ![d] = IF ok THEN "live" ELSE "none"]
          /\ core_pc' = IF ok THEN "add_list_add" ELSE "add_put"
    /\ core_dev' = d
    /\ UNCHANGED <<ib_device, client_data, rds_ib_devices, ipaddr_list, free_work_queued,
                   remove_called, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars, faults>>

\* Step 4: down_write(&rds_ib_devices_lock); list_add_tail_rcu; up_write; inc.
\* V0/V1: a plain list_add with no lock.
AddOne_ListAdd(d) ==
    /\ core_pc = "add_list_add" /\ core_dev = d
    /\ LIST_PROT = "rcu_rwsem" => devices_lock_readers = {}
    /\ rds_ib_devices' = rds_ib_devices \cup {d}
    /\ refcount' = IF REFCOUNT THEN [refcount EXCEPT ![d] = @ + 1] ELSE refcount
    /\ faults' = faults \cup (IF REFCOUNT THEN IncF(d) ELSE {})
    /\ core_pc' = "add_client_data"
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, lists_inited, mr_pool, ipaddr_list,
                   free_work_queued, remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars>>

\* Step 5: ib_set_client_data(device, &rds_ib_client, rds_ibdev); inc.
AddOne_SetClientData(d) ==
    /\ core_pc = "add_client_data" /\ core_dev = d
    /\ client_data' = [client_data EXCEPT ![d] = TRUE]
    /\ refcount' = IF REFCOUNT THEN [refcount EXCEPT ![d] = @ + 1] ELSE refcount
    /\ faults' = faults \cup (IF REFCOUNT THEN IncF(d) ELSE {})
    /\ core_pc' = "add_put"
    /\ UNCHANGED <<ib_device, rds_ibdev, rds_ib_devices, lists_inited, mr_pool, ipaddr_list,
                   free_work_queued, remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars>>

\* Step 7: rds_ib_dev_put() of the temporary reference.  On the failure path
\* this is the last one and queues rds_ib_dev_free; V0 freed directly.
AddOne_Put(d) ==
    /\ core_pc = "add_put" /\ core_dev = d
    /\ IF REFCOUNT
       THEN /\ refcount' = [refcount EXCEPT ![d] = PutCount(d, 1)]
            /\ rds_wq' = PutQueue(rds_wq, d, 1)
            /\ free_work_queued' = PutQueued(d, 1)
            /\ faults' = faults \cup PutF(d, 1)
            /\ rds_ibdev' = rds_ibdev
       ELSE /\ rds_ibdev' = IF client_data[d] THEN rds_ibdev
                            ELSE [rds_ibdev EXCEPT ![d] = "freed"]
            /\ UNCHANGED <<refcount, rds_wq, free_work_queued, faults>>
    /\ core_pc' = "idle"
    /\ core_dev' = NoDev
    /\ UNCHANGED <<ib_device, client_data, rds_ib_devices, lists_inited, mr_pool, ipaddr_list,
                   remove_called, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, rds_wq_pc, rds_ib_mr_wq>>

-----------------------------------------------------------------------------
(* IB core: rds_ib_remove_one (brief 3, RemoveOne), from ib_unregister_device *)
(* (REMOVABLE devices) or from ib_unregister_client in rds_ib_exit.           *)

\* MR_HELD_ACROSS_REMOVE: the delete starts only once every MR that can be
\* mapped has been (an MR whose connection is gone never will be).
MayStillMap(m) ==
    /\ mr_pc[m] \in {"idle", "lookup"}
    /\ conn_pc[MrConn(m)] \in {"idle", "setup_devget", "setup_addconn", "connected", "up"}

\* Connections on d's conn_list: ic->rds_ibdev = d and not yet dropped.
ConnsOn(d) == {c \in Conn : ic_rds_ibdev[c] = d /\ conn_pc[c] \in {"connected", "up"}}

\* Step 1-2: read the client data; if NULL (add_one failed) return.  Else
\* rds_ib_dev_shutdown: rds_conn_drop() every connection on conn_list (only
\* queues their shutdown work).  V0 instead tears everything down here:
\* frees the ipaddr entries and destroys the connections (rds_ib_destroy_conns).
RemoveOne_Begin(d) ==
    /\ \/ /\ core_pc = "idle" /\ d \in REMOVABLE /\ ib_device[d] = "registered"
          /\ MR_HELD_ACROSS_REMOVE => \A m \in Mr : ~MayStillMap(m)
          /\ ib_device' = [ib_device EXCEPT ![d] = "unregistering"]
       \/ /\ core_pc = "exit"
          /\ d = Max({e \in Dev : rds_ibdev[e] # "none" /\ e \notin remove_called} \cup {0})
          /\ ib_device' = ib_device
    /\ rds_ibdev[d] # "none" /\ d \notin remove_called
    /\ remove_called' = remove_called \cup {d}
    /\ core_dev' = d
    /\ IF ~client_data[d]
       THEN /\ core_pc' = AfterClientRemove
            /\ UNCHANGED <<ipaddr_list, conn_pc, ic_rds_ibdev, rds_wq, faults>>
       ELSE IF REFCOUNT
       THEN LET cs == ConnsOn(d) IN
            /\ conn_pc' = [c \in Conn |-> IF c \in cs THEN "drop_queued" ELSE conn_pc[c]]
            /\ rds_wq' = rds_wq \o [i \in 1..Cardinality(cs) |-> ShutdownW(SortedSeq(cs)[i])]
            /\ faults' = faults \cup TouchF(d)
            /\ core_pc' = "rm_clear_client_data"
            /\ UNCHANGED <<ipaddr_list, ic_rds_ibdev>>
       ELSE LET cs == ConnsOn(d) IN
            /\ ipaddr_list' = [ipaddr_list EXCEPT ![d] = FALSE]
            /\ conn_pc' = [c \in Conn |-> IF c \in cs THEN "closed" ELSE conn_pc[c]]
            /\ ic_rds_ibdev' = [c \in Conn |-> IF c \in cs THEN NoDev ELSE ic_rds_ibdev[c]]
            /\ faults' = faults \cup TouchF(d)
            /\ core_pc' = "rm_v0_destroy_pool"
            /\ rds_wq' = rds_wq
    /\ UNCHANGED <<rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited, mr_pool,
                   free_work_queued, unloading>>
    /\ UNCHANGED <<setup_ibdev, i_cm_id, mrVars, syncVars, rds_wq_pc, rds_ib_mr_wq>>

\* Step 3: ib_set_client_data(device, &rds_ib_client, NULL).
RemoveOne_ClearClientData(d) ==
    /\ core_pc = "rm_clear_client_data" /\ core_dev = d
    /\ client_data' = [client_data EXCEPT ![d] = FALSE]
    /\ core_pc' = "rm_list_del"
    /\ UNCHANGED <<ib_device, rds_ibdev, refcount, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, free_work_queued, remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars, faults>>

\* Step 4 (and the start of step 5): down_write(&rds_ib_devices_lock), which
\* waits for a running rds_ib_flush_mrs; list_del_rcu; up_write; then
\* synchronize_rcu() starts and takes its snapshot of the readers.
\* V1: a plain list_del with no lock.
RemoveOne_ListDel(d) ==
    /\ core_pc = "rm_list_del" /\ core_dev = d
    /\ LIST_PROT = "rcu_rwsem" => devices_lock_readers = {}
    /\ rds_ib_devices' = rds_ib_devices \ {d}
    /\ gp_snapshot' = rcu_readers
    /\ core_pc' = "rm_sync_rcu"
    /\ UNCHANGED <<ib_device, rds_ibdev, refcount, client_data, lists_inited, mr_pool,
                   ipaddr_list, free_work_queued, remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, rcu_readers, devices_lock_readers, wqVars, faults>>

\* Step 5: synchronize_rcu() returns once every reader that was inside
\* rcu_read_lock() when it started has left.
RemoveOne_SyncRcu(d) ==
    /\ core_pc = "rm_sync_rcu" /\ core_dev = d
    /\ gp_snapshot \cap rcu_readers = {}
    /\ gp_snapshot' = {}
    /\ core_pc' = "rm_put"
    /\ UNCHANGED <<devVars, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, rcu_readers, devices_lock_readers, wqVars, faults>>

\* Step 6: rds_ib_dev_put() for the list reference, then for the client-data
\* reference.  The device may live on; rds_ib_dev_free runs from free_work.
RemoveOne_Put(d) ==
    /\ core_pc = "rm_put" /\ core_dev = d
    /\ refcount' = [refcount EXCEPT ![d] = PutCount(d, 2)]
    /\ rds_wq' = PutQueue(rds_wq, d, 2)
    /\ free_work_queued' = PutQueued(d, 2)
    /\ faults' = faults \cup PutF(d, 2)
    /\ core_pc' = IF "wait_free" \in REMOVE_FIX THEN "rm_wait_free" ELSE AfterClientRemove
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, rds_wq_pc, rds_ib_mr_wq>>

\* The proposed fix, part 1: rds_ib_remove_one waits (wait_for_completion)
\* until rds_ib_dev_free has run, so the rds_ib_device never outlives the
\* ib_device it calls ib_dealloc_pd on.
RemoveOne_WaitFree(d) ==
    /\ core_pc = "rm_wait_free" /\ core_dev = d
    /\ rds_ibdev[d] = "freed"
    /\ core_pc' = AfterClientRemove
    /\ UNCHANGED <<devVars, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars, faults>>

\* V0 step 3: rds_ib_destroy_mr_pool from rds_ib_remove_one: flush_workqueue
\* (rds_wq) (fine here: the IB core is not a worker), then BUG_ON if an MR is
\* still in use (S9).
RemoveOne_V0_DestroyPool(d) ==
    /\ core_pc = "rm_v0_destroy_pool" /\ core_dev = d
    /\ rds_wq = <<>> /\ rds_wq_pc = "idle"
    /\ mr_pool' = [mr_pool EXCEPT ![d] = IF @ = "live" THEN "destroyed" ELSE @]
    /\ faults' = faults \cup TouchF(d)
                 \cup (IF \E m \in Mr : mr_pc[m] = "mapped" /\ ibmr_device[m] = d
                       THEN {"S9"} ELSE {})
    /\ core_pc' = "rm_v0_free"
    /\ UNCHANGED <<ib_device, rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited,
                   ipaddr_list, free_work_queued, remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars>>

\* V0 steps 4-5: deregister the DMA MR, ib_dealloc_pd, unlink from the list
\* (no lock) and kfree the device.
RemoveOne_V0_Free(d) ==
    /\ core_pc = "rm_v0_free" /\ core_dev = d
    /\ rds_ib_devices' = rds_ib_devices \ {d}
    /\ client_data' = [client_data EXCEPT ![d] = FALSE]
    /\ rds_ibdev' = [rds_ibdev EXCEPT ![d] = "freed"]
    /\ faults' = faults \cup TouchF(d)
    /\ core_pc' = AfterClientRemove
    /\ UNCHANGED <<ib_device, refcount, lists_inited, mr_pool, ipaddr_list, free_work_queued,
                   remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars>>

\* Can the item at the head of rds_wq take its next step?
HeadRunnable ==
    LET h == Head1(rds_wq) IN
    CASE h[1] = "shutdown" ->
              \/ rds_wq_pc = "shutdown_remove_conn"
              \/ rds_wq_pc = "idle" /\ (KERNEL = "v3" => InUse(h[2]) = 0)
      [] h[1] = "free_work" -> rds_wq_pc = "idle"
      [] h[1] = "flush_worker" -> TRUE
      [] OTHER -> FALSE

\* V3, after the client's remove returned: cma_remove_one waits until every
\* rdma_cm_id on the device has been destroyed (rdma_destroy_id), then the
\* IB core finishes unregistering and the ib_device is deallocated.
\* Nothing here waits for rds_ib_dev_free.  With PROMPT_WORKER the IB core is
\* assumed slower than a runnable rds_wq worker, which leaves only the
\* interleavings that happen every time (the rxe runs), not the narrow races.
IbUnregister_Dealloc(d) ==
    /\ core_pc = "rm_cma_wait" /\ core_dev = d
    /\ \A c \in Conn : ConnDev(c) = d => ~i_cm_id[c]
    /\ PROMPT_WORKER => ~HeadRunnable
    /\ ib_device' = [ib_device EXCEPT ![d] = "deallocated"]
    /\ core_pc' = "idle"
    /\ core_dev' = NoDev
    /\ UNCHANGED <<rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, free_work_queued, remove_called, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars, faults>>

\* rds_ib_exit -> ib_unregister_client: the sockets are closed (they hold a
\* module reference) and no connection is half set up.
ModuleExit_Begin ==
    /\ MODULE_EXIT
    /\ core_pc = "idle"
    /\ \A m \in Mr : mr_pc[m] \in {"idle", "done"}
    /\ \A c \in Conn : conn_pc[c] \notin SetupStates
    /\ unloading' = TRUE
    /\ core_pc' = "exit"
    /\ UNCHANGED <<devVars, core_dev, connVars, mrVars, syncVars, wqVars, faults>>

\* After remove for every device: flush_workqueue(rds_wq) waits for every
\* rds_ib_dev_free.
ModuleExit_FlushWq ==
    /\ core_pc = "exit"
    /\ \A e \in Dev : rds_ibdev[e] # "none" => e \in remove_called
    /\ rds_wq = <<>> /\ rds_wq_pc = "idle"
    /\ core_pc' = "unloaded"
    /\ core_dev' = NoDev
    /\ UNCHANGED <<devVars, unloading, connVars, mrVars, syncVars, wqVars, faults>>

-----------------------------------------------------------------------------
(* Connections: rds_ib_setup_qp, rds_ib_cm_connect_complete, rds_conn_drop,  *)
(* rds_ib_conn_path_shutdown (brief 3, ConnSetup / ConnComplete /            *)
(* ConnShutdown).  Each connection is set up at most once.                   *)

\* Setup step 1a: rcu_read_lock(); rds_ibdev = ib_get_client_data(...).  The
\* rdma_cm_id is bound to the device (rdma_cm binds only to registered
\* devices).  NULL: "not supported" (normal while racing removal), the id is
\* destroyed and the connection gives up.  V0: no RCU.
ConnSetup_GetClientData(c) ==
    LET d == ConnDev(c) IN
    /\ conn_pc[c] = "idle"
    /\ ~unloading
    /\ rds_ibdev[d] # "none"
    /\ ib_device[d] = "registered"
    /\ IF client_data[d]
       THEN /\ setup_ibdev' = [setup_ibdev EXCEPT ![c] = d]
            /\ conn_pc' = [conn_pc EXCEPT ![c] = "setup_devget"]
            /\ i_cm_id' = [i_cm_id EXCEPT ![c] = TRUE]
            /\ rcu_readers' = IF REFCOUNT THEN rcu_readers \cup {<<"conn", c>>} ELSE rcu_readers
       ELSE /\ conn_pc' = [conn_pc EXCEPT ![c] = "closed"]
            /\ UNCHANGED <<setup_ibdev, i_cm_id, rcu_readers>>
    /\ UNCHANGED <<devVars, ic_rds_ibdev, mrVars, coreVars, gp_snapshot, devices_lock_readers,
                   wqVars, faults>>

\* Setup step 1b: rds_ib_dev_get (inc); rcu_read_unlock().  V0: no reference.
ConnSetup_DevGet(c) ==
    LET d == setup_ibdev[c] IN
    /\ conn_pc[c] = "setup_devget"
    /\ refcount' = IF REFCOUNT THEN [refcount EXCEPT ![d] = @ + 1] ELSE refcount
    /\ faults' = faults \cup (IF REFCOUNT THEN IncF(d) ELSE {})
    /\ rcu_readers' = rcu_readers \ {<<"conn", c>>}
    /\ conn_pc' = [conn_pc EXCEPT ![c] = "setup_addconn"]
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, free_work_queued, remove_called>>
    /\ UNCHANGED <<ic_rds_ibdev, setup_ibdev, i_cm_id, mrVars, coreVars, gp_snapshot,
                   devices_lock_readers, wqVars>>

\* Setup steps 2-4: rds_ib_add_conn (ic->rds_ibdev = d, inc); create the CQs
\* and QP on d's PD; rds_ib_dev_put of the lookup reference (missing on the
\* success path under bug D2).  The lookup reference is held throughout, so
\* no other step can change d's fate in between.
ConnSetup_AddConn(c) ==
    LET d == setup_ibdev[c]
        delta == IF ~REFCOUNT THEN 0 ELSE IF SETUP_SUCCESS_PUT THEN 0 ELSE 1
    IN
    /\ conn_pc[c] = "setup_addconn"
    /\ ic_rds_ibdev' = [ic_rds_ibdev EXCEPT ![c] = d]
    /\ refcount' = [refcount EXCEPT ![d] = @ + delta]
    /\ faults' = faults \cup TouchF(d) \cup (IF REFCOUNT THEN IncF(d) ELSE {}) \cup IbTouchF(d)
    /\ setup_ibdev' = [setup_ibdev EXCEPT ![c] = NoDev]
    /\ conn_pc' = [conn_pc EXCEPT ![c] = "connected"]
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, free_work_queued, remove_called>>
    /\ UNCHANGED <<i_cm_id, mrVars, coreVars, syncVars, wqVars>>

\* rds_ib_cm_connect_complete -> rds_ib_update_ipaddr(ic->rds_ibdev, laddr):
\* the lookup of laddr can only find this same device (addresses do not move
\* between devices here), whose reference the connection holds, so the
\* lookup, the put and rds_ib_add_ipaddr are one step.  V0: no reference.
ConnComplete(c) ==
    LET d == ic_rds_ibdev[c] IN
    /\ conn_pc[c] = "connected"
    /\ ipaddr_list' = [ipaddr_list EXCEPT ![d] = TRUE]
    /\ faults' = faults \cup TouchF(d)
    /\ conn_pc' = [conn_pc EXCEPT ![c] = "up"]
    /\ UNCHANGED <<ib_device, rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited,
                   mr_pool, free_work_queued, remove_called>>
    /\ UNCHANGED <<ic_rds_ibdev, setup_ibdev, i_cm_id, mrVars, coreVars, syncVars, wqVars>>

\* rds_conn_drop from the peer's disconnect or an error: queue the shutdown.
ConnDrop(c) ==
    /\ conn_pc[c] \in {"connected", "up"}
    /\ conn_pc' = [conn_pc EXCEPT ![c] = "drop_queued"]
    /\ rds_wq' = Append(rds_wq, ShutdownW(c))
    /\ UNCHANGED <<devVars, ic_rds_ibdev, setup_ibdev, i_cm_id, mrVars, coreVars, syncVars,
                   rds_wq_pc, rds_ib_mr_wq, faults>>

\* The proposed fix, part 2: while rds_ib_conn_path_shutdown waits for
\* i_fastreg_inuse_count to reach 0, it flushes its own device's pool, so an
\* MR freed without RDS_RDMA_INVALIDATE gets its LOCAL_INV even when the
\* device is no longer on rds_ib_devices.
ConnShutdown_FlushPool(c) ==
    LET d == ic_rds_ibdev[c] IN
    /\ "shutdown_flush" \in REMOVE_FIX /\ KERNEL = "v3"
    /\ Head1(rds_wq) = ShutdownW(c) /\ rds_wq_pc = "idle"
    /\ d # NoDev
    /\ \E m \in Mr : ibmr_device[m] = d /\ fr_state[m] = "dirty"
    /\ fr_state' = FlushPool(d)
    /\ faults' = faults \cup TouchF(d)
    /\ UNCHANGED <<devVars, connVars, mr_pc, ibmr_device, flush_pos, coreVars, syncVars, wqVars>>

\* rds_ib_conn_path_shutdown, first half: rdma_disconnect, wait for the rings
\* (V3: and for i_fastreg_inuse_count == 0, polled every second), destroy QP
\* and CQs, rdma_destroy_id.  The id is gone before rds_ib_remove_conn runs,
\* so cma_remove_one may return in between.
ConnShutdown_DestroyQp(c) ==
    LET d == ic_rds_ibdev[c] IN
    /\ Head1(rds_wq) = ShutdownW(c) /\ rds_wq_pc = "idle"
    /\ KERNEL = "v3" => InUse(c) = 0
    /\ i_cm_id' = [i_cm_id EXCEPT ![c] = FALSE]
    /\ faults' = faults \cup (IF d # NoDev THEN TouchF(d) ELSE {})
    /\ rds_wq_pc' = "shutdown_remove_conn"
    /\ conn_pc' = [conn_pc EXCEPT ![c] = "shutdown"]
    /\ UNCHANGED <<devVars, ic_rds_ibdev, setup_ibdev, mrVars, coreVars, syncVars, rds_wq,
                   rds_ib_mr_wq>>

\* Second half: rds_ib_remove_conn (back to the nodev list, ic->rds_ibdev =
\* NULL, rds_ib_dev_put), which may be the last put and queue free_work
\* behind us on rds_wq.  The work item ends.
ConnShutdown_RemoveConn(c) ==
    LET d == ic_rds_ibdev[c]
        q == Tail(rds_wq)
    IN
    /\ Head1(rds_wq) = ShutdownW(c) /\ rds_wq_pc = "shutdown_remove_conn"
    /\ IF d # NoDev /\ REFCOUNT
       THEN /\ refcount' = [refcount EXCEPT ![d] = PutCount(d, 1)]
            /\ rds_wq' = PutQueue(q, d, 1)
            /\ free_work_queued' = PutQueued(d, 1)
            /\ faults' = faults \cup PutF(d, 1)
       ELSE /\ rds_wq' = q
            /\ faults' = faults \cup (IF d # NoDev THEN TouchF(d) ELSE {})
            /\ UNCHANGED <<refcount, free_work_queued>>
    /\ ic_rds_ibdev' = [ic_rds_ibdev EXCEPT ![c] = NoDev]
    /\ conn_pc' = [conn_pc EXCEPT ![c] = "closed"]
    /\ rds_wq_pc' = "idle"
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, remove_called>>
    /\ UNCHANGED <<setup_ibdev, i_cm_id, mrVars, coreVars, syncVars, rds_ib_mr_wq>>

-----------------------------------------------------------------------------
(* MRs: rds_ib_get_mr, rds_ib_free_mr, and rds_ib_flush_mrs when the socket  *)
(* is closed (rds_rdma_drop_keys).  Each MR is mapped at most once.           *)

\* GetMR step 1a: rds_ib_get_device(laddr): rcu_read_lock(), walk
\* rds_ib_devices and each ipaddr_list; remember the match.  V1: the list
\* walk is not RCU-safe and synchronize_rcu does not wait for it.  V3: FRWR
\* registration needs the connection's QP, so the connection must be up.
GetMR_Lookup(m) ==
    LET found == {d \in rds_ib_devices : d = MrDev(m) /\ ipaddr_list[d]} IN
    /\ mr_pc[m] = "idle"
    /\ ~unloading
    /\ KERNEL = "v3" => conn_pc[MrConn(m)] = "up"
    /\ IF found # {}
       THEN /\ ibmr_device' = [ibmr_device EXCEPT ![m] = Min(found)]
            /\ mr_pc' = [mr_pc EXCEPT ![m] = "lookup"]
            /\ rcu_readers' = IF REFCOUNT /\ LIST_PROT = "rcu_rwsem"
                              THEN rcu_readers \cup {<<"mr", m>>} ELSE rcu_readers
            /\ faults' = faults \cup TouchF(Min(found))
       ELSE /\ mr_pc' = [mr_pc EXCEPT ![m] = "done"]
            /\ UNCHANGED <<ibmr_device, rcu_readers, faults>>
    /\ UNCHANGED <<devVars, connVars, fr_state, flush_pos, coreVars, gp_snapshot,
                   devices_lock_readers, wqVars>>

\* GetMR steps 1b-4: inc; rcu_read_unlock(); take an MR from d's pool and
\* map it (ibmr->device = d keeps the reference; V3: FRWR registration
\* posts IB_WR_REG_MR on the connection's QP, i_fastreg_inuse_count++).
\* No pool (V3: or the connection is no longer up, so the registration
\* cannot be posted): put and fail.  V0: no reference.
GetMR_Map(m) ==
    LET d == ibmr_device[m] IN
    /\ mr_pc[m] = "lookup"
    /\ rcu_readers' = rcu_readers \ {<<"mr", m>>}
    /\ IF mr_pool[d] = "live" /\ (KERNEL = "v3" => conn_pc[MrConn(m)] = "up")
       THEN /\ refcount' = IF REFCOUNT THEN [refcount EXCEPT ![d] = @ + 1] ELSE refcount
            /\ faults' = faults \cup (IF REFCOUNT THEN IncF(d) ELSE TouchF(d)) \cup IbTouchF(d)
            /\ fr_state' = [fr_state EXCEPT ![m] = "inuse"]
            /\ mr_pc' = [mr_pc EXCEPT ![m] = "mapped"]
            /\ UNCHANGED <<ibmr_device, rds_wq, free_work_queued>>
       ELSE /\ faults' = faults \cup (IF REFCOUNT THEN IncF(d) ELSE TouchF(d))
            /\ mr_pc' = [mr_pc EXCEPT ![m] = "done"]
            /\ ibmr_device' = [ibmr_device EXCEPT ![m] = NoDev]
            /\ UNCHANGED <<refcount, fr_state, rds_wq, free_work_queued>>
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, remove_called>>
    /\ UNCHANGED <<connVars, flush_pos, coreVars, gp_snapshot, devices_lock_readers,
                   rds_wq_pc, rds_ib_mr_wq>>

\* rds_ib_free_mr(ibmr, invalidate) in process or interrupt context: touch
\* ibmr->device and its pool; the MR goes on the pool's free list, still
\* INUSE until a pool flush posts its LOCAL_INV.  With invalidate: in process
\* context flush the pool now (blocking); in interrupt context queue the
\* pool's flush_worker (abstraction: every interrupt-context free does, as
\* use-once MRs are freed there).  Then rds_ib_dev_put, which may be the
\* last one and only queues free_work (why S7 holds).  V0: no put.
FreeMR(m, ctx) ==
    LET d == ibmr_device[m]
        freed == [fr_state EXCEPT ![m] = "dirty"]
        \* only the immediate flush reaches the ib_device (unmap, LOCAL_INV)
        inval == IF FREE_INVALIDATE /\ ctx = "process" THEN IbTouchF(d) ELSE {}
        q1 == IF ctx = "irq" /\ KERNEL = "v2"
              THEN QueueWork(rds_wq, rds_wq_pc, FlushW(d)) ELSE rds_wq
    IN
    /\ mr_pc[m] = "mapped"
    /\ ctx \in MR_FREE_CTX
    /\ MR_HELD_ACROSS_REMOVE => \E e \in Dev : ib_device[e] # "registered"
    /\ fr_state' = IF FREE_INVALIDATE /\ ctx = "process"
                   THEN [n \in Mr |-> IF ibmr_device[n] = d /\ freed[n] = "dirty"
                                      THEN "clean" ELSE freed[n]]
                   ELSE freed
    /\ rds_ib_mr_wq' = IF ctx = "irq" /\ KERNEL = "v3" THEN rds_ib_mr_wq \cup {d} ELSE rds_ib_mr_wq
    /\ IF REFCOUNT
       THEN /\ refcount' = [refcount EXCEPT ![d] = PutCount(d, 1)]
            /\ free_work_queued' = PutQueued(d, 1)
            /\ rds_wq' = PutQueue(q1, d, 1)
            /\ faults' = faults \cup PutF(d, 1) \cup inval
       ELSE /\ rds_wq' = q1
            /\ faults' = faults \cup TouchF(d) \cup inval
            /\ UNCHANGED <<refcount, free_work_queued>>
    /\ mr_pc' = [mr_pc EXCEPT ![m] = "closing"]
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, remove_called>>
    /\ UNCHANGED <<connVars, ibmr_device, flush_pos, coreVars, syncVars, rds_wq_pc>>

\* rds_ib_flush_mrs, step 1: down_read(&rds_ib_devices_lock).  V0/V1: no lock.
FlushMRs_Begin(m) ==
    /\ mr_pc[m] = "closing"
    /\ devices_lock_readers' = IF LIST_PROT = "rcu_rwsem"
                               THEN devices_lock_readers \cup {m} ELSE devices_lock_readers
    /\ flush_pos' = [flush_pos EXCEPT ![m] = 0]
    /\ mr_pc' = [mr_pc EXCEPT ![m] = "flush_next"]
    /\ UNCHANGED <<devVars, connVars, ibmr_device, fr_state, coreVars, rcu_readers,
                   gp_snapshot, wqVars, faults>>

\* Step 2, the walk: the next device on rds_ib_devices after the cursor; the
\* walker then blocks on that pool's mutex (no reference is taken).
NextListed(m) == {d \in rds_ib_devices : d > flush_pos[m]}

FlushMRs_Next(m) ==
    /\ mr_pc[m] = "flush_next"
    /\ NextListed(m) # {}
    /\ flush_pos' = [flush_pos EXCEPT ![m] = Min(NextListed(m))]
    /\ mr_pc' = [mr_pc EXCEPT ![m] = "flush_pool"]
    /\ UNCHANGED <<devVars, connVars, ibmr_device, fr_state, coreVars, syncVars, wqVars, faults>>

\* rds_ib_flush_mr_pool(pool of d, 0): touch d; LOCAL_INV for freed MRs.
FlushMRs_Pool(m) ==
    LET d == flush_pos[m] IN
    /\ mr_pc[m] = "flush_pool"
    /\ fr_state' = FlushPool(d)
    /\ faults' = faults \cup TouchF(d) \cup IbTouchF(d)
    /\ mr_pc' = [mr_pc EXCEPT ![m] = "flush_next"]
    /\ UNCHANGED <<devVars, connVars, ibmr_device, flush_pos, coreVars, syncVars, wqVars>>

\* Step 3: the end of the list; up_read.  The socket is gone.
FlushMRs_End(m) ==
    /\ mr_pc[m] = "flush_next"
    /\ NextListed(m) = {}
    /\ devices_lock_readers' = devices_lock_readers \ {m}
    /\ mr_pc' = [mr_pc EXCEPT ![m] = "done"]
    /\ UNCHANGED <<devVars, connVars, ibmr_device, fr_state, flush_pos, coreVars, rcu_readers,
                   gp_snapshot, wqVars, faults>>

-----------------------------------------------------------------------------
(* Work items *)

\* rds_ib_dev_free(free_work) on rds_wq (brief 3, FreeWork), one step unless
\* it blocks: rds_ib_destroy_mr_pool (cancel the pool's own flush_worker, or
\* with POOL_TEARDOWN = "flush_wq" flush all of rds_wq, which waits for the
\* item now running: the worker waits for itself, S8); flush with free_all;
\* WARN if an MR is still counted (S9); ib_dealloc_pd on the ib_device (V3:
\* S12 if it is gone); free the ipaddr entries (walks ipaddr_list: S11 if it
\* was never initialised); kfree.
FreeWork(d) ==
    /\ Head1(rds_wq) = FreeW(d) /\ rds_wq_pc = "idle"
    /\ IF POOL_TEARDOWN = "flush_wq" /\ mr_pool[d] = "live"
       THEN /\ rds_wq_pc' = "free_flush_wq"
            /\ faults' = faults \cup TouchF(d)
            /\ UNCHANGED <<devVars, fr_state, rds_wq, rds_ib_mr_wq>>
       ELSE /\ rds_wq' = Without(Tail(rds_wq), FlushW(d))
            /\ rds_ib_mr_wq' = rds_ib_mr_wq \ {d}
            /\ fr_state' = IF mr_pool[d] = "live" THEN FlushPool(d) ELSE fr_state
            /\ mr_pool' = [mr_pool EXCEPT ![d] = IF @ = "live" THEN "destroyed" ELSE @]
            /\ ipaddr_list' = [ipaddr_list EXCEPT ![d] = FALSE]
            /\ rds_ibdev' = [rds_ibdev EXCEPT ![d] = "freed"]
            /\ faults' = faults \cup TouchF(d)
                         \cup (IF mr_pool[d] = "live" THEN IbTouchF(d) ELSE {})
                         \cup (IF \E m \in Mr : mr_pc[m] = "mapped" /\ ibmr_device[m] = d
                               THEN {"S9"} ELSE {})
                         \cup (IF ~lists_inited[d] THEN {"S11"} ELSE {})
            /\ rds_wq_pc' = "idle"
            /\ UNCHANGED <<ib_device, refcount, client_data, rds_ib_devices, lists_inited,
                           free_work_queued, remove_called>>
    /\ UNCHANGED <<connVars, mr_pc, ibmr_device, flush_pos, coreVars, syncVars>>

\* rds_ib_mr_pool_flush_worker: on rds_wq before V3, on rds_ib_mr_wq in V3.
FlushWorker(d) ==
    /\ IF KERNEL = "v3"
       THEN /\ d \in rds_ib_mr_wq
            /\ rds_ib_mr_wq' = rds_ib_mr_wq \ {d}
            /\ UNCHANGED <<rds_wq, rds_wq_pc>>
       ELSE /\ Head1(rds_wq) = FlushW(d) /\ rds_wq_pc = "idle"
            /\ rds_wq' = Tail(rds_wq)
            /\ UNCHANGED <<rds_wq_pc, rds_ib_mr_wq>>
    /\ fr_state' = FlushPool(d)
    /\ faults' = faults \cup TouchF(d) \cup IbTouchF(d)
    /\ UNCHANGED <<devVars, connVars, mr_pc, ibmr_device, flush_pos, coreVars, syncVars>>

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
          \/ RemoveOne_SyncRcu(d) \/ RemoveOne_Put(d) \/ RemoveOne_WaitFree(d)
          \/ RemoveOne_V0_DestroyPool(d) \/ RemoveOne_V0_Free(d) \/ IbUnregister_Dealloc(d)
    \/ ModuleExit_Begin \/ ModuleExit_FlushWq

ConnStep(c) ==
    \/ ConnSetup_GetClientData(c) \/ ConnSetup_DevGet(c) \/ ConnSetup_AddConn(c)
    \/ ConnComplete(c) \/ ConnDrop(c)

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
    /\ conn_pc \in [Conn -> {"idle", "setup_devget", "setup_addconn", "connected", "up",
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
                    "rm_v0_free", "rm_cma_wait", "exit", "unloaded"}
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

\* S9: no pool teardown while an MR of the pool is outstanding, and no flush
\* work pending for a destroyed pool.
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
RemoveDone(d) == Removed(d) /\ ~(core_dev = d /\ core_pc \notin {"idle", "exit", "unloaded", "rm_cma_wait"})
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
(* operation already begun progress; sockets eventually free their MRs;    *)
(* a connection left on a removed device eventually fails (its QP errors   *)
(* out) and is dropped.  Connecting and new lookups are not forced.        *)

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
