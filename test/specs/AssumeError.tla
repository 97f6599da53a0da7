---------------------------- MODULE AssumeError ----------------------------
(* An ASSUME that cannot be evaluated: TLC_ASSUMPTION_EVALUATION_ERROR,     *)
(* which maps to exit 10 like a false assumption.                           *)
EXTENDS Naturals
VARIABLE x

ASSUME <<1, 2>>[3] = 0

Init == x = 0
Next == x' = x
=============================================================================
