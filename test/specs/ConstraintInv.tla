--------------------------- MODULE ConstraintInv ---------------------------
(* TLC evaluates invariants on a successor even when it fails the state     *)
(* CONSTRAINT (Worker.addElement: unseen stays true), so this is reported.  *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x' = x + 1

Bound == x <= 2
Small == x < 3
=============================================================================
