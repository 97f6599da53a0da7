--------------------------- MODULE NotSpecified ---------------------------
(* The second disjunct forgets y: its successor is not completely specified.*)
EXTENDS Naturals
VARIABLES x, y

Init == x = 0 /\ y = 0

Next == \/ x < 1 /\ x' = x + 1 /\ y' = y
        \/ x = 1 /\ x' = 0
=============================================================================
