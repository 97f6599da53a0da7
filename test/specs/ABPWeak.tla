------------------------------ MODULE ABPWeak ------------------------------
(* ABP with weak fairness on receiving: every message may be lost.          *)
EXTENDS ABP
=============================================================================
