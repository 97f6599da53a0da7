---------------------------- MODULE Substitution ----------------------------
(* Model values, a set of model values, a number and an operator constant   *)
(* bound with <- in the cfg. ENABLED in an invariant.                       *)
EXTENDS Naturals
CONSTANTS Nodes, Root, Cap, Limit(_)
VARIABLES owner, n

ASSUME Root \in Nodes

Double(k) == 2 * k

Move == \E p \in Nodes \ {owner} : owner' = p /\ n' = n
Grow == n < Limit(Cap) /\ n' = n + 1 /\ UNCHANGED owner

Init == owner = Root /\ n = 0
Next == Move \/ Grow

CanMove == ENABLED Move
CanGrowBelowLimit == (n < 4) => ENABLED Grow
TypeOK == owner \in Nodes /\ n \in 0..Limit(Cap)
=============================================================================
