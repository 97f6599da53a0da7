--------------------------- MODULE InitEvalError ---------------------------
(* Init cannot be evaluated: CHOOSE over an empty set. An evaluation error *)
(* while computing initial states is exit 75.                              *)
EXTENDS Naturals
VARIABLE x

Init == x = CHOOSE v \in {} : TRUE
Next == x' = x
=============================================================================
