----------------------------- MODULE ActionProp -----------------------------
(* An action property [][x' >= x]_x broken by the wrap-around step 3 -> 0.   *)
(* TLC checks it on every transition, also one into a state already seen.   *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == \/ x < 3 /\ x' = x + 1
        \/ x = 3 /\ x' = 0

Spec == Init /\ [][Next]_x

Monotone == [][x' >= x]_x
=============================================================================
