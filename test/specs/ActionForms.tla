---------------------------- MODULE ActionForms ----------------------------
(* More of TLC's action rules: an IF that assigns x' in one branch only, so  *)
(* the later x' \in S assigns in the other and tests in the first; CASE in   *)
(* an action takes the first arm whose guard is true, even if that arm's     *)
(* action is then disabled (Tool.getNextStates, OPCODE_case); \A as a guard. *)
EXTENDS Naturals
VARIABLES x, y

vars == <<x, y>>

Init == x = 0 /\ y = 0

A == /\ IF x = 0 THEN x' = 1 ELSE TRUE
     /\ x' \in {x, x + 1}
     /\ x' <= 3
     /\ UNCHANGED y

B == CASE x = 1 -> x' = 2 /\ UNCHANGED y
       [] x < 3 -> y < 2 /\ x' = 0 /\ y' = y + 1
       [] OTHER -> UNCHANGED vars

C == /\ \A i \in 1..2 : y /= i
     /\ y' = y + 2
     /\ UNCHANGED x

Next == A \/ B \/ C

TypeOK == x \in 0..3 /\ y \in 0..2
=============================================================================
