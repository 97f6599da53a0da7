---------------------------- MODULE TwoPhaseSym ----------------------------
(* TwoPhase reduced by the symmetry of its resource managers.               *)
EXTENDS TwoPhase, TLC

Sym == Permutations(RM)
=============================================================================
