------------------------------ MODULE Deadlock ------------------------------
(* Steps of 1 or 2 up to 4; at 4 nothing is enabled.                        *)
EXTENDS Naturals
VARIABLE x

Init == x = 0

Next == \E d \in {2, 1} : x + d <= 4 /\ x' = x + d
=============================================================================
