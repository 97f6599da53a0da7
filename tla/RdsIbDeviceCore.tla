-------------------------- MODULE RdsIbDeviceCore ---------------------------
(***************************************************************************)
(* The IB core's side of the model: rds_ib_add_one, rds_ib_remove_one, the *)
(* V3 ib_device unregistration (cma_remove_one, ib_dealloc_device) and     *)
(* module exit.  One operation at a time (the IB core's device_mutex).     *)
(***************************************************************************)
EXTENDS RdsIbDeviceBase

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

\* Step 5: ib_set_client_data(device, &rds_ib_client, rds_ibdev); inc.  V0:
\* add_one ends here (no temporary reference to put: "goto free_attr").
AddOne_SetClientData(d) ==
    /\ core_pc = "add_client_data" /\ core_dev = d
    /\ client_data' = [client_data EXCEPT ![d] = TRUE]
    /\ refcount' = IF REFCOUNT THEN [refcount EXCEPT ![d] = @ + 1] ELSE refcount
    /\ faults' = faults \cup (IF REFCOUNT THEN IncF(d) ELSE {})
    /\ core_pc' = IF REFCOUNT THEN "add_put" ELSE "idle"
    /\ core_dev' = IF REFCOUNT THEN d ELSE NoDev
    /\ UNCHANGED <<ib_device, rds_ibdev, rds_ib_devices, lists_inited, mr_pool, ipaddr_list,
                   free_work_queued, remove_called, unloading>>
    /\ UNCHANGED <<connVars, mrVars, syncVars, wqVars>>

\* Step 7: rds_ib_dev_put() of the temporary reference.  On the failure path
\* this is the last one and queues rds_ib_dev_free; V0 (failure path only)
\* freed directly.
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
    /\ conn_pc[MrConn(m)] \in {"idle", "setup_devget", "setup_addconn", "connected", "completing", "up"}

\* Connections on d's conn_list: ic->rds_ibdev = d and not yet dropped.
ConnsOn(d) == {c \in Conn : ic_rds_ibdev[c] = d /\ conn_pc[c] \in {"connected", "up"}}

\* Step 1-2: read the client data; if NULL (add_one failed) return.  Else
\* rds_ib_dev_shutdown: rds_conn_drop() every connection on conn_list (only
\* queues their shutdown work).  V0 instead tears everything down here:
\* frees the ipaddr entries and destroys the connections (rds_ib_destroy_conns
\* -> rds_conn_destroy -> rds_ib_conn_shutdown, which also rdma_destroy_id's
\* their cm_ids and rds_ib_remove_conn's them off the device).
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
       ELSE \* V0: every connection on conn_list, a dropped one too (rds_conn_destroy
            \* takes its queued shutdown over; one already shutting down is waited for)
            LET cs == {c \in Conn : ic_rds_ibdev[c] = d /\ conn_pc[c] \in {"connected", "up", "drop_queued"}} IN
            /\ \A c \in Conn : ic_rds_ibdev[c] = d => conn_pc[c] # "shutdown"
            /\ ipaddr_list' = [ipaddr_list EXCEPT ![d] = FALSE]
            /\ conn_pc' = [c \in Conn |-> IF c \in cs THEN "closed" ELSE conn_pc[c]]
            /\ ic_rds_ibdev' = [c \in Conn |-> IF c \in cs THEN NoDev ELSE ic_rds_ibdev[c]]
            /\ i_cm_id' = [c \in Conn |-> IF c \in cs THEN FALSE ELSE i_cm_id[c]]
            /\ faults' = faults \cup TouchF(d)
            /\ core_pc' = "rm_v0_destroy_pool"
            /\ rds_wq' = WithoutAll(rds_wq, {ShutdownW(c) : c \in cs})
    /\ REFCOUNT \/ ~client_data[d] => i_cm_id' = i_cm_id
    /\ UNCHANGED <<rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited, mr_pool,
                   free_work_queued, unloading>>
    /\ UNCHANGED <<setup_ibdev, mrVars, syncVars, rds_wq_pc, rds_ib_mr_wq>>

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

\* The proposed fix, part 3 (found by the implementation's schedule search):
\* while it waits, rds_ib_remove_one drops again the connections that joined
\* conn_list after rds_ib_dev_shutdown walked it (their setup read the client
\* data before it was cleared); otherwise only DEVICE_REMOVAL would drop them,
\* which comes after remove returns: a deadlock with part 1.
RemoveOne_Redrop(d) ==
    LET cs == ConnsOn(d) IN
    /\ core_pc = "rm_wait_free" /\ core_dev = d
    /\ "redrop" \in REMOVE_FIX
    /\ cs # {}
    /\ conn_pc' = [c \in Conn |-> IF c \in cs THEN "drop_queued" ELSE conn_pc[c]]
    /\ rds_wq' = rds_wq \o [i \in 1..Cardinality(cs) |-> ShutdownW(SortedSeq(cs)[i])]
    /\ faults' = faults \cup TouchF(d)
    /\ UNCHANGED <<devVars, coreVars, ic_rds_ibdev, setup_ibdev, i_cm_id, mrVars, syncVars,
                   rds_wq_pc, rds_ib_mr_wq>>

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
\* (rds_wq) (fine here: the IB core is not a worker), rds_ib_flush_mr_pool
\* (pool, 1) (free-all: the freed MRs are unmapped, as FreeWork's teardown in
\* V1+), then BUG_ON if an MR is still in use (S9).
RemoveOne_V0_DestroyPool(d) ==
    /\ core_pc = "rm_v0_destroy_pool" /\ core_dev = d
    /\ rds_wq = <<>> /\ rds_wq_pc = "idle"
    /\ mr_pool' = [mr_pool EXCEPT ![d] = IF @ = "live" THEN "destroyed" ELSE @]
    /\ fr_state' = IF mr_pool[d] = "live" THEN FlushPool(d) ELSE fr_state
    /\ faults' = faults \cup TouchF(d)
                 \cup (IF \E m \in Mr : mr_pc[m] = "mapped" /\ ibmr_device[m] = d
                       THEN {"S9"} ELSE {})
    /\ core_pc' = "rm_v0_free"
    /\ UNCHANGED <<ib_device, rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited,
                   ipaddr_list, free_work_queued, remove_called, core_dev, unloading>>
    /\ UNCHANGED <<connVars, mr_pc, ibmr_device, flush_pos, syncVars, wqVars>>

\* V0 steps 4-5: deregister the DMA MR, ib_dealloc_pd, unlink from the list
\* (no lock) and kfree the device.  The ipaddr_list head goes with it: an
\* entry a racing rds_ib_cm_connect_complete added after step 1 is leaked, no
\* longer on any device's list.
RemoveOne_V0_Free(d) ==
    /\ core_pc = "rm_v0_free" /\ core_dev = d
    /\ rds_ib_devices' = rds_ib_devices \ {d}
    /\ client_data' = [client_data EXCEPT ![d] = FALSE]
    /\ rds_ibdev' = [rds_ibdev EXCEPT ![d] = "freed"]
    /\ ipaddr_list' = [ipaddr_list EXCEPT ![d] = FALSE]
    /\ faults' = faults \cup TouchF(d)
    /\ core_pc' = AfterClientRemove
    /\ UNCHANGED <<ib_device, refcount, lists_inited, mr_pool, free_work_queued,
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

\* V3, after the client's remove returned: cma_remove_one sends
\* RDMA_CM_EVENT_DEVICE_REMOVAL to every rdma_cm_id on the device; RDS's
\* handler (rds_rdma_cm_event_handler_cmn) calls rds_conn_drop.  The event
\* waits for a handler already running on the id (c_cm_lock), i.e. for a
\* connection setup in progress.
CmaRemoveOne_DeviceRemoval(d) ==
    LET cs == {c \in Conn : ConnDev(c) = d /\ i_cm_id[c] /\ conn_pc[c] \in {"connected", "up"}} IN
    /\ core_pc = "rm_cma_removal" /\ core_dev = d
    /\ \A c \in Conn : ConnDev(c) = d => conn_pc[c] \notin SetupStates
    /\ conn_pc' = [c \in Conn |-> IF c \in cs THEN "drop_queued" ELSE conn_pc[c]]
    /\ rds_wq' = rds_wq \o [i \in 1..Cardinality(cs) |-> ShutdownW(SortedSeq(cs)[i])]
    /\ core_pc' = "rm_cma_wait"
    /\ UNCHANGED <<devVars, core_dev, unloading, ic_rds_ibdev, setup_ibdev, i_cm_id, mrVars,
                   syncVars, rds_wq_pc, rds_ib_mr_wq, faults>>

\* Then cma_remove_one waits until every rdma_cm_id on the device has been
\* destroyed (rdma_destroy_id), the IB core finishes unregistering and the
\* ib_device is deallocated.
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
    /\ \A c \in Conn : conn_pc[c] \notin SetupStates /\ ~Completing(c)
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

=============================================================================
