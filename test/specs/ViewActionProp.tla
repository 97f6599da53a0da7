--------------------------- MODULE ViewActionProp ---------------------------
(* Found by the random differential test: an action property violated by a  *)
(* step into a state whose VIEW was already seen. TLC prints the trace to   *)
(* the current state followed by the successor itself (printTrace(cur,      *)
(* succ)); the successor's own fingerprint leads to a different state.      *)
EXTENDS Naturals
VARIABLES x, y

vars == <<x, y>>

Init == x = 1 /\ y = 0

Next == \/ x = 1 /\ x' = 0 /\ y' = 1
        \/ x = 0 /\ y = 1 /\ x' = 0 /\ y' = 0

Spec == Init /\ [][Next]_vars

View == x
NoDrop == [][x' + y' >= x + y]_vars
=============================================================================
