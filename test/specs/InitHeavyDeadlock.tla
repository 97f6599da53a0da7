------------------------- MODULE InitHeavyDeadlock -------------------------
(* InitHeavy with deadlock checking: the first state dequeued is the        *)
(* all-zero function, which has no successor.                              *)
EXTENDS InitHeavy
=============================================================================
