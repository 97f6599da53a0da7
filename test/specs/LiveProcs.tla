------------------------------ MODULE LiveProcs ------------------------------
(* Two processes flip their own bit. Fairness per process (WF under \A)     *)
(* makes each flip forever; fairness of Next as a whole lets one starve.   *)
EXTENDS Naturals
CONSTANT P
VARIABLE b

Init == b = [p \in P |-> 0]

Flip(p) == b' = [b EXCEPT ![p] = 1 - @]

Next == \E p \in P : Flip(p)

PerProcess == Init /\ [][Next]_b /\ \A p \in P : WF_b(Flip(p))
WholeNext == Init /\ [][Next]_b /\ WF_b(Next)

EachFlipsForever == \A p \in P : []<>(b[p] = 1)
=============================================================================
