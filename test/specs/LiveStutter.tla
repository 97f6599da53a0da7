---------------------------- MODULE LiveStutter ----------------------------
(* LiveReach without fairness: <>(x = 3) fails by stuttering at x = 0.     *)
EXTENDS LiveReach
=============================================================================
