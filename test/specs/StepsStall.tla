----------------------------- MODULE StepsStall -----------------------------
(* StepsForever with fairness on Flip only: Reset may never happen again.  *)
EXTENDS StepsForever
=============================================================================
