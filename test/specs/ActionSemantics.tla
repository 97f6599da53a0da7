-------------------------- MODULE ActionSemantics --------------------------
(* TLC's rules for actions: a primed variable is assigned by its first      *)
(* occurrence (x' \in S enumerates, x' = e assigns) and is a test after     *)
(* that; conjuncts run left to right; Init filters after assigning; LET and *)
(* IF inside actions; an explicit stuttering disjunct.                      *)
EXTENDS Naturals
VARIABLES x, y

vars == <<x, y>>

Init == /\ x \in 0..3
        /\ y = x + 1
        /\ x + y > 2

Jump == /\ x' \in 0..4
        /\ x' > x
        /\ y' = IF x' = 4 THEN 0 ELSE y

Back == /\ x > 0
        /\ LET d == x - 1
           IN  /\ x' = d
               /\ y' = (y + 1) % 5

Climb == \E k \in 1..2 : /\ y + k <= 4
                         /\ y' = y + k
                         /\ x' = x

Next == Jump \/ Back \/ UNCHANGED vars \/ Climb

TypeOK == x \in 0..4 /\ y \in 0..4
=============================================================================
