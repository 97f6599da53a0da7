---------------------------- MODULE InvEvalError ----------------------------
(* The invariant itself cannot be evaluated at x = 2 (f[3]): TLC reports   *)
(* TLC_INVARIANT_EVALUATION_FAILED, exit 76.                                *)
EXTENDS Naturals
VARIABLE x

f == <<10, 20>>

Init == x = 0
Next == x' = x + 1

Positive == f[x + 1] > 0
=============================================================================
