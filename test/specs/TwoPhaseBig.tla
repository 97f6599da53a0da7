---------------------------- MODULE TwoPhaseBig ----------------------------
(* TwoPhase with five resource managers: a few ten thousand states.        *)
EXTENDS TwoPhase
=============================================================================
