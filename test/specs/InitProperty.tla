---------------------------- MODULE InitProperty ----------------------------
(* A PROPERTY that is a plain state predicate (no []) is checked on initial *)
(* states only (SpecProcessor: impliedInits); failing it is                 *)
(* TLC_PROPERTY_VIOLATED_INITIAL, exit 13.                                  *)
EXTENDS Naturals
VARIABLE x

Init == x \in {0, 1, 2}
Next == x' = (x + 1) % 3

Spec == Init /\ [][Next]_x

StartsAtZero == x = 0
=============================================================================
