----------------------------- MODULE MixedProps -----------------------------
(* One PROPERTY that conjoins a []-invariant, an action property and a       *)
(* liveness formula: processConfigProps splits the conjunction, so the       *)
(* invariant part is checked during the search and reported by its name.    *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x < 5 /\ x' = x + 1

Spec == Init /\ [][Next]_x /\ WF_x(Next)

Small == x < 3
Props == []Small /\ [][x' > x]_x /\ <>(x = 5)
=============================================================================
