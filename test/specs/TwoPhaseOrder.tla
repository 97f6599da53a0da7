--------------------------- MODULE TwoPhaseOrder ---------------------------
(* TwoPhase with an invariant that fails at the first commit. The counts at *)
(* that moment depend on TLC's exact order of successors: TMCommit, TMAbort,*)
(* then for each resource manager in TLC's order the five RM/TM actions.    *)
EXTENDS TwoPhase

NeverCommitted == tmState /= "committed"
=============================================================================
