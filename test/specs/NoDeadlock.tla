----------------------------- MODULE NoDeadlock -----------------------------
(* Deadlock's behaviour with CHECK_DEADLOCK FALSE in the cfg.               *)
EXTENDS Deadlock
=============================================================================
