------------------------------ MODULE Stutter ------------------------------
(* No fairness: the behaviour that stays in the initial state forever is   *)
(* allowed, so nothing is ever guaranteed to happen.                       *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x < 1 /\ x' = x + 1
Spec == Init /\ [][Next]_x
FairSpec == Init /\ [][Next]_x /\ WF_x(Next)

Reach == <>(x = 1)
\* PROPERTY as an implication: the model's behaviours that are also fair reach 1
FairReach == FairSpec => <>(x = 1)
UnfairReach == Spec => <>(x = 1)
\* violated by the behaviours where x = 0 and later (or earlier) x = 1
Both == ~(<>(x = 0) /\ <>(x = 1))
\* ~> from a temporal formula: beyond what the checker handles
Nested == ([]<>(x = 1)) ~> (x = 0)
=============================================================================
