----------------------------- MODULE AssertInit -----------------------------
(* The same Assert that exits 14 in Next exits 75 in Init: the initial-     *)
(* state computation reports it as a nested-expression error.               *)
EXTENDS Naturals, TLC
VARIABLE x

Init == x = 0 /\ Assert(x > 0, "x starts at 0")
Next == x' = x
=============================================================================
