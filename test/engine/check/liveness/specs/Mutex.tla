------------------------------- MODULE Mutex -------------------------------
(* Two processes share a lock. A waiting process can enter only while the  *)
(* lock is free, so the other process taking the lock again and again      *)
(* disables it infinitely often: weak fairness cannot make it enter,       *)
(* strong fairness can.                                                    *)
EXTENDS Naturals
CONSTANT P
VARIABLES pc, lock

vars == <<pc, lock>>

Init == pc = [p \in P |-> "idle"] /\ lock = FALSE

Request(p) == pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "wait"] /\ UNCHANGED lock
Enter(p) == pc[p] = "wait" /\ ~lock /\ pc' = [pc EXCEPT ![p] = "cs"] /\ lock' = TRUE
Exit(p) == pc[p] = "cs" /\ pc' = [pc EXCEPT ![p] = "idle"] /\ lock' = FALSE

Proc(p) == Request(p) \/ Enter(p) \/ Exit(p)
Next == \E p \in P : Proc(p)

Unfair == Init /\ [][Next]_vars
Weak == Init /\ [][Next]_vars /\ \A p \in P : WF_vars(Proc(p))
Strong == Init /\ [][Next]_vars /\ \A p \in P : SF_vars(Proc(p))

NoStarvation == \A p \in P : pc[p] = "wait" ~> pc[p] = "cs"
\* the same property written with [] and => <>
NoStarvationBox == \A p \in P : [](pc[p] = "wait" => <>(pc[p] = "cs"))
\* every process is in its critical section infinitely often
InCsOften == \A p \in P : []<>(pc[p] = "cs")
\* someone takes the lock infinitely often: an action property
LockTakenOften == []<><<lock' = TRUE>>_vars
=============================================================================
