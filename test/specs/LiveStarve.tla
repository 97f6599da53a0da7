----------------------------- MODULE LiveStarve -----------------------------
(* LiveProcs under fairness of the whole Next relation: p2 may never flip.  *)
EXTENDS LiveProcs
=============================================================================
