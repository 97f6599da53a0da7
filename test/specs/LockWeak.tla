------------------------------ MODULE LockWeak ------------------------------
(* Lock under weak fairness of Acquire: a waiting process can starve.       *)
EXTENDS Lock
=============================================================================
