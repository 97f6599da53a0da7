----------------------------- MODULE EvalDomain -----------------------------
(* f is applied to 3, outside its domain 1..2.                              *)
EXTENDS Naturals
VARIABLES f, i

Init == f = <<10, 20>> /\ i = 1

Next == /\ i' = i + 1
        /\ UNCHANGED f
        /\ f[i] > 0
=============================================================================
