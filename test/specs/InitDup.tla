------------------------------ MODULE InitDup ------------------------------
(* Init produces the state x = 1 twice; Next has a self-loop at 3.          *)
EXTENDS Naturals
VARIABLE x

Init == x \in {1, 2} \/ x = 1

Next == x' = IF x < 3 THEN x + 1 ELSE x

TypeOK == x \in 1..3
=============================================================================
