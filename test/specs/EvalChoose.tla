----------------------------- MODULE EvalChoose -----------------------------
(* At x = 2 the CHOOSE has nothing to choose.                               *)
EXTENDS Naturals
VARIABLE x

Init == x = 0

Next == x' = CHOOSE v \in {x + 1} : v < 3
=============================================================================
