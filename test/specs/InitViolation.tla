--------------------------- MODULE InitViolation ---------------------------
(* An initial state violates the invariant: TLC stops generating initial    *)
(* states at the first one that does.                                       *)
EXTENDS Naturals
VARIABLE x

Init == x \in 1..5
Next == x' = x

Inv == x < 3
=============================================================================
