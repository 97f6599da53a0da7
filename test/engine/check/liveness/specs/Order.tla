------------------------------- MODULE Order -------------------------------
(* The temporal property cannot be evaluated at x = 2 (division by zero),  *)
(* which is also the first state violating the invariant.                  *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
Spec == Init /\ [][Next]_x
Small == x < 2
Odd == <>(x = 5 \/ 10 \div (2 - x) = 0)
=============================================================================
