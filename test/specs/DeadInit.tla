------------------------------ MODULE DeadInit ------------------------------
(* Nothing is enabled in the initial state: a deadlock at depth 1.         *)
EXTENDS Naturals
VARIABLE x

Init == x \in {1, 2}
Next == x > 5 /\ x' = x - 1
=============================================================================
