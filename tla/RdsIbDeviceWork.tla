-------------------------- MODULE RdsIbDeviceWork ---------------------------
(***************************************************************************)
(* Connections (rds_ib_setup_qp ... rds_ib_conn_path_shutdown), MRs with   *)
(* their sockets (rds_ib_get_mr, rds_ib_free_mr, rds_ib_flush_mrs) and the *)
(* work items on rds_wq / rds_ib_mr_wq (rds_ib_dev_free, the pool flush    *)
(* worker).                                                                *)
(***************************************************************************)
EXTENDS RdsIbDeviceCore

-----------------------------------------------------------------------------
(* Connections: rds_ib_setup_qp, rds_ib_cm_connect_complete, rds_conn_drop,  *)
(* rds_ib_conn_path_shutdown (brief 3, ConnSetup / ConnComplete /            *)
(* ConnShutdown).  Each connection is set up at most once.                   *)

\* Setup step 1a: rcu_read_lock(); rds_ibdev = ib_get_client_data(...).  The
\* rdma_cm_id was created and bound to the device before the handler runs
\* (rds_ib_conn_path_connect / rds_ib_cm_handle_connect set ic->i_cm_id before
\* rds_ib_setup_qp).  A device being unregistered still takes part: RDS's
\* remove_one runs before cma's (clients are removed in reverse order of
\* registration), so rdma_cm handlers still run and ib_get_client_data still
\* returns rds_ibdev until RemoveOne_ClearClientData; only a deallocated
\* ib_device has no ids.  NULL: "not supported" (normal while racing removal):
\* the connection gives up, and its id goes with it (abstracted: the kernel
\* keeps the id until the dropped connection's shutdown destroys it).  V0: no RCU.
ConnSetup_GetClientData(c) ==
    LET d == ConnDev(c) IN
    /\ conn_pc[c] = "idle"
    /\ ~unloading
    /\ rds_ibdev[d] # "none"
    /\ ib_device[d] # "deallocated"
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
\* no other step can change d's fate in between.  V0: rds_ib_setup_qp only
\* uses rds_ibdev->pd (no rds_ib_add_conn, no reference); the connection is
\* added to the device later, by rds_ib_cm_connect_complete (V0 ib_cm.c).
ConnSetup_AddConn(c) ==
    LET d == setup_ibdev[c]
        delta == IF ~REFCOUNT THEN 0 ELSE IF SETUP_SUCCESS_PUT THEN 0 ELSE 1
    IN
    /\ conn_pc[c] = "setup_addconn"
    /\ ic_rds_ibdev' = IF REFCOUNT THEN [ic_rds_ibdev EXCEPT ![c] = d] ELSE ic_rds_ibdev
    /\ refcount' = [refcount EXCEPT ![d] = @ + delta]
    /\ faults' = faults \cup TouchF(d) \cup (IF REFCOUNT THEN IncF(d) ELSE {}) \cup IbTouchF(d)
    /\ setup_ibdev' = [setup_ibdev EXCEPT ![c] = NoDev]
    /\ conn_pc' = [conn_pc EXCEPT ![c] = "connected"]
    /\ UNCHANGED <<ib_device, rds_ibdev, client_data, rds_ib_devices, lists_inited, mr_pool,
                   ipaddr_list, free_work_queued, remove_called>>
    /\ UNCHANGED <<i_cm_id, mrVars, coreVars, syncVars, wqVars>>

\* V0's rds_ib_cm_connect_complete, first half: rds_ibdev =
\* ib_get_client_data(ic->i_cm_id->device) once more, with no reference and no
\* RCU, so nothing keeps the device from being freed before the second half
\* uses it.  NULL (remove_one already ran): the kernel would pass it on to
\* rds_ib_update_ipaddr and oops on the NULL pointer -- a crash, but not a use
\* of freed memory; abstracted, as in the implementation and as a setup that
\* finds NULL, as the connection giving up, its id with it.
ConnComplete_GetClientData(c) ==
    LET d == ConnDev(c) IN
    /\ ~REFCOUNT
    /\ conn_pc[c] = "connected"
    /\ IF client_data[d]
       THEN /\ setup_ibdev' = [setup_ibdev EXCEPT ![c] = d]
            /\ conn_pc' = [conn_pc EXCEPT ![c] = "completing"]
            /\ i_cm_id' = i_cm_id
       ELSE /\ conn_pc' = [conn_pc EXCEPT ![c] = "closed"]
            /\ i_cm_id' = [i_cm_id EXCEPT ![c] = FALSE]
            /\ setup_ibdev' = setup_ibdev
    /\ UNCHANGED <<devVars, ic_rds_ibdev, mrVars, coreVars, syncVars, wqVars, faults>>

\* rds_ib_cm_connect_complete -> rds_ib_update_ipaddr(ic->rds_ibdev, laddr):
\* the lookup of laddr can only find this same device (addresses do not move
\* between devices here), whose reference the connection holds, so the
\* lookup, the put and rds_ib_add_ipaddr are one step.  V0: the device read
\* by ConnComplete_GetClientData, unreferenced (a use after free if remove_one
\* freed it meanwhile); rds_ib_update_ipaddr, then rds_ib_add_conn
\* (ic->rds_ibdev = d), in that order (V0 ib_cm.c).
ConnComplete(c) ==
    LET d == IF REFCOUNT THEN ic_rds_ibdev[c] ELSE setup_ibdev[c] IN
    /\ IF REFCOUNT THEN conn_pc[c] = "connected" ELSE Completing(c)
    \* (V0, d freed meanwhile: the write lands in freed memory, on no list)
    /\ ipaddr_list' = IF rds_ibdev[d] = "freed" THEN ipaddr_list ELSE [ipaddr_list EXCEPT ![d] = TRUE]
    /\ faults' = faults \cup TouchF(d)
    /\ conn_pc' = [conn_pc EXCEPT ![c] = IF @ = "drop_queued" THEN @ ELSE "up"]
    /\ ic_rds_ibdev' = [ic_rds_ibdev EXCEPT ![c] = d]
    /\ setup_ibdev' = [setup_ibdev EXCEPT ![c] = NoDev]
    /\ UNCHANGED <<ib_device, rds_ibdev, refcount, client_data, rds_ib_devices, lists_inited,
                   mr_pool, free_work_queued, remove_called>>
    /\ UNCHANGED <<i_cm_id, mrVars, coreVars, syncVars, wqVars>>

\* rds_conn_drop on RDMA_CM_EVENT_DISCONNECTED (the peer end shut down) or,
\* with PEER_DISCONNECT, from outside at any time: queue the shutdown.  In V0
\* also while connect_complete runs (an error path's drop; the shutdown
\* worker then waits for the handler's c_cm_lock, rds_conn_shutdown).
ConnDrop(c) ==
    /\ conn_pc[c] \in {"connected", "completing", "up"}
    /\ \/ PEER_DISCONNECT
       \/ Peer(c) \in Conn /\ conn_pc[Peer(c)] \in {"shutdown", "closed"}
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
    /\ ~Completing(c)
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
\* V0: between RemoveOne_V0_DestroyPool and RemoveOne_V0_Free d is still
\* listed and rds_ibdev->mr_pool points at the kfree'd pool (V0's
\* rds_ib_remove_one does not clear it): flushing it is S9.
FlushMRs_Pool(m) ==
    LET d == flush_pos[m] IN
    /\ mr_pc[m] = "flush_pool"
    /\ fr_state' = FlushPool(d)
    /\ faults' = faults \cup TouchF(d) \cup IbTouchF(d)
                 \cup (IF mr_pool[d] = "destroyed" THEN {"S9"} ELSE {})
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

=============================================================================
