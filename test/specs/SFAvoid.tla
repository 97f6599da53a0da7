------------------------------ MODULE SFAvoid ------------------------------
(* Strong fairness does not force an action whose enabling state can be     *)
(* avoided forever: the behaviour 0, 1, 0, 1, ... never enables Exit.       *)
(* (A checker that gives up on the whole strongly connected component       *)
(* {0, 1, 2} because SF(Exit) fails there would wrongly say <>(x = 3).)     *)
EXTENDS Naturals
VARIABLE x

Init == x = 0

Move == \/ x = 0 /\ x' = 1
        \/ x = 1 /\ x' \in {0, 2}
        \/ x = 2 /\ x' = 0
Exit == x = 2 /\ x' = 3

Next == Move \/ Exit
Spec == Init /\ [][Next]_x /\ WF_x(Move) /\ SF_x(Exit)


Done == <>(x = 3)
=============================================================================
