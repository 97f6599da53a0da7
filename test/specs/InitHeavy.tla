----------------------------- MODULE InitHeavy -----------------------------
(* 625 initial states; every successor is itself an initial state, so the   *)
(* depth stays 1. The all-zero state has no successor (deadlock check off). *)
EXTENDS Naturals
VARIABLE x

Init == x \in [1..4 -> 0..4]

Next == \E i \in 1..4 : x[i] > 0 /\ x' = [x EXCEPT ![i] = @ - 1]
=============================================================================
