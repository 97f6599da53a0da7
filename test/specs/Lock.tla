-------------------------------- MODULE Lock --------------------------------
(* Two processes share a lock. Acquire is enabled only while the lock is    *)
(* free, so under weak fairness one process can be overtaken forever; under *)
(* strong fairness every waiting process gets the lock.                     *)
CONSTANT Procs
VARIABLES pc, holder

vars == <<pc, holder>>
Free == "free"

Init == pc = [p \in Procs |-> "idle"] /\ holder = Free

Want(p) == pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "waiting"] /\ UNCHANGED holder
Acquire(p) == pc[p] = "waiting" /\ holder = Free /\ holder' = p /\ pc' = [pc EXCEPT ![p] = "cs"]
Release(p) == pc[p] = "cs" /\ holder' = Free /\ pc' = [pc EXCEPT ![p] = "idle"]

Proc(p) == Want(p) \/ Acquire(p) \/ Release(p)
Next == \E p \in Procs : Proc(p)

Weak == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Release(p)) /\ WF_vars(Acquire(p))
Strong == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Release(p)) /\ SF_vars(Acquire(p))

Exclusive == \A p, q \in Procs : (pc[p] = "cs" /\ pc[q] = "cs") => p = q
NoStarvation == \A p \in Procs : (pc[p] = "waiting") ~> (pc[p] = "cs")
=============================================================================
