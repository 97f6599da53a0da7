----------------------------- MODULE Constraint -----------------------------
(* A state CONSTRAINT and an ACTION_CONSTRAINT: excluded states are counted  *)
(* as generated but never become distinct or get expanded.                   *)
EXTENDS Naturals
VARIABLES x, y

Init == x \in {0, 5} /\ y = 0

Next == \/ x' = x + 1 /\ y' = y
        \/ y' = y + 1 /\ x' = x

Bound == x <= 2 /\ y <= 1

NoOneToTwo == ~(x = 1 /\ x' = 2)

TypeOK == x \in 0..5 /\ y \in 0..2
=============================================================================
