----------------------------- MODULE LiveSettle -----------------------------
(* <>[] both ways: a counter that settles at 2 satisfies <>[](x = 2) under  *)
(* weak fairness; a toggle never settles.                                   *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Count == x < 2 /\ x' = x + 1
Toggle == x' = 1 - x

Settles == Init /\ [][Count]_x /\ WF_x(Count)
Toggles == Init /\ [][Toggle]_x /\ WF_x(Toggle)

SettlesAtTwo == <>[](x = 2)
SettlesAtOne == <>[](x = 1)
=============================================================================
