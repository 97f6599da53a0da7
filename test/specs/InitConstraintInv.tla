------------------------ MODULE InitConstraintInv ------------------------
(* An initial state outside the CONSTRAINT is still checked against the     *)
(* invariants (DoInitFunctor.addElement: seen stays false for it).          *)
EXTENDS Naturals
VARIABLE x

Init == x \in {0, 5, 1}
Next == x' = x

Bound == x < 3
NotFive == x /= 5
=============================================================================
