----------------------------- MODULE LiveReach -----------------------------
(* With weak fairness the counter must reach 3; without it, it may stutter  *)
(* at 0 forever.                                                            *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x < 3 /\ x' = x + 1

FairSpec == Init /\ [][Next]_x /\ WF_x(Next)
UnfairSpec == Init /\ [][Next]_x

Reach == <>(x = 3)
=============================================================================
