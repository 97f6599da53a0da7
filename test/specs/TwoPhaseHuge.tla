---------------------------- MODULE TwoPhaseHuge ----------------------------
(* TwoPhase with seven resource managers: about 300 thousand states, the    *)
(* scale of the acceptance models. Marked slow (RDSIB_CORPUS_ALL=1 runs it). *)
EXTENDS TwoPhase
=============================================================================
