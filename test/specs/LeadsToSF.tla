----------------------------- MODULE LeadsToSF -----------------------------
(* Bump is enabled only while the lock is up, and Toggle keeps flipping it: *)
(* weak fairness on Bump is not enough to make x reach 2, strong is.        *)
EXTENDS Naturals
VARIABLES x, lock

vars == <<x, lock>>

Init == x = 0 /\ lock = FALSE

Toggle == lock' = ~lock /\ UNCHANGED x
Bump == lock /\ x < 2 /\ x' = x + 1 /\ lock' = FALSE

Next == Toggle \/ Bump

StrongSpec == Init /\ [][Next]_vars /\ WF_vars(Toggle) /\ SF_vars(Bump)
WeakSpec == Init /\ [][Next]_vars /\ WF_vars(Toggle) /\ WF_vars(Bump)

Progress == (x = 0) ~> (x = 2)

\* ENABLED in an invariant: Bump can be taken exactly when the lock is up below 2.
BumpEnabledIffLock == (ENABLED Bump) <=> (lock /\ x < 2)
=============================================================================
