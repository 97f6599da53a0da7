----------------------------- MODULE LiveToggle -----------------------------
(* LiveSettle's toggle: x never stays at 1.                                 *)
EXTENDS LiveSettle
=============================================================================
