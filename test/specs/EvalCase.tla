------------------------------ MODULE EvalCase ------------------------------
(* At x = 2 no CASE arm is true and there is no OTHER.                      *)
EXTENDS Naturals
VARIABLE x

Init == x = 0

Next == x' = CASE x = 0 -> 1
               [] x = 1 -> 2
=============================================================================
