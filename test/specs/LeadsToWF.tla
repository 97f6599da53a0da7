----------------------------- MODULE LeadsToWF -----------------------------
(* LeadsToSF with only weak fairness on Bump: Progress fails.               *)
EXTENDS LeadsToSF
=============================================================================
