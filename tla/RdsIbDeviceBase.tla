-------------------------- MODULE RdsIbDeviceBase ---------------------------
(***************************************************************************)
(* Constants, variables and helpers of the rds_ib_device model.  Read      *)
(* RdsIbDevice.tla first: it explains the model and puts the actions of    *)
(* RdsIbDeviceCore (the IB core) and RdsIbDeviceWork (connections, MRs,    *)
(* work items) together into Next, with the properties.                    *)
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
    PEER_DISCONNECT,       \* may a connection be dropped at any time from outside (its peer's
                           \* disconnect, errors)?  Otherwise only when its peer end (connection
                           \* Peer(c)) shuts down, by rds_ib_dev_shutdown or by DEVICE_REMOVAL
    PROMPT_WORKER,         \* timing assumption: the IB core finishes unregistering only while
                           \* the head of rds_wq cannot run (the worker is never slower)
    \* ---- the proposed fix (tla/README.md) ----
    REMOVE_FIX             \* subset of {"wait_free", "shutdown_flush", "redrop"}: the parts of the fix

ASSUME NDEV \in Nat /\ NDEV >= 1
ASSUME NCONN \in Nat /\ NMR \in Nat /\ (NMR > 0 => NCONN > 0)
ASSUME REMOVABLE \subseteq 1..NDEV
ASSUME MODULE_EXIT \in BOOLEAN /\ REFCOUNT \in BOOLEAN /\ EARLY_LIST_INIT \in BOOLEAN
ASSUME ALLOC_FAIL \in BOOLEAN /\ SETUP_SUCCESS_PUT \in BOOLEAN /\ FREE_INVALIDATE \in BOOLEAN
ASSUME MR_HELD_ACROSS_REMOVE \in BOOLEAN /\ PROMPT_WORKER \in BOOLEAN /\ PEER_DISCONNECT \in BOOLEAN
ASSUME REMOVE_FIX \subseteq {"wait_free", "shutdown_flush", "redrop"}
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
\* Connections 2k-1 and 2k are the two ends of one RDS connection (as .1->.2 on
\* rxe0 and .2->.1 on rxe1 in the rxe runs): when one end shuts down, the
\* other gets RDMA_CM_EVENT_DISCONNECTED.
Peer(c) == IF c % 2 = 1 THEN c + 1 ELSE c - 1

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
\* q without every item in the set S, the rest in order.
WithoutAll(q, S) ==
    LET keep == {i \in 1..Len(q) : q[i] \notin S}
    IN  [k \in 1..Cardinality(keep) |-> q[CHOOSE i \in keep : Cardinality({j \in keep : j <= i}) = k]]

Without(q, w) == WithoutAll(q, {w})

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
    ELSE IF KERNEL = "v3" THEN "rm_cma_removal" ELSE "idle"

AddStates == {"add_list_add", "add_client_data", "add_put"}
SetupStates == {"setup_devget", "setup_addconn"}

\* V0: connect_complete has read the client data and not yet used it (the
\* connection may have been dropped meanwhile: its shutdown waits).
Completing(c) ==
    \/ conn_pc[c] = "completing"
    \/ conn_pc[c] = "drop_queued" /\ setup_ibdev[c] # NoDev

=============================================================================
