---------------------------- MODULE ChooseCount ----------------------------
(* What CHOOSE picks decides the state space: TLC takes the least element,  *)
(* in its order, that satisfies the predicate (SetEnumValue normalises      *)
(* before enumerating; model values are ordered by name).                   *)
EXTENDS Naturals
CONSTANT Procs
VARIABLES x, owner

Start == CHOOSE v \in {3, 1, 2} : v > 1
First == CHOOSE p \in Procs : TRUE
Second == CHOOSE p \in Procs : p /= First

Init == x = Start /\ owner = First

Next == \/ x < 5 /\ x' = x + 1 /\ UNCHANGED owner
        \/ owner = First /\ x' = 0 /\ owner' = Second
=============================================================================
