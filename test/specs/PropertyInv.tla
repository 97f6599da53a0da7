---------------------------- MODULE PropertyInv ----------------------------
(* []P in PROPERTY, P a state predicate, is checked as an invariant: TLC's  *)
(* SpecProcessor.processConfigProps puts P in the invariant list under the  *)
(* name of P's operator (Below4), and a violation exits with 12, not 13.     *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x' = (x + 1) % 6

Spec == Init /\ [][Next]_x

Below4 == x < 4
AlwaysBelow4 == []Below4
=============================================================================
