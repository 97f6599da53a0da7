------------------------------- MODULE Rounds -------------------------------
(* Each process counts 0 -> 1 -> 2 -> 0 ... on its own. Fairness per       *)
(* process (\A p : WF) makes every process go round; fairness of Next as a *)
(* whole lets one process do all the steps.                                *)
EXTENDS Naturals
CONSTANT P
VARIABLE c

Init == c = [p \in P |-> 0]
Step(p) == c' = [c EXCEPT ![p] = (@ + 1) % 3]
Next == \E p \in P : Step(p)

PerProcess == Init /\ [][Next]_c /\ \A p \in P : WF_c(Step(p))
Whole == Init /\ [][Next]_c /\ WF_c(Next)

EachReachesTwo == \A p \in P : <>(c[p] = 2)
EachStepsOften == \A p \in P : []<><<Step(p)>>_c
=============================================================================
