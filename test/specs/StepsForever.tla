---------------------------- MODULE StepsForever ----------------------------
(* An action-level liveness property []<><<Reset>>_vars: infinitely many    *)
(* Reset steps. It holds when Inc and Reset are weakly fair, and fails when  *)
(* only Flip is (flipping y forever is then a fair behaviour).              *)
EXTENDS Naturals
VARIABLES x, y

vars == <<x, y>>

Init == x = 0 /\ y = 0

Inc == x < 2 /\ x' = x + 1 /\ UNCHANGED y
Reset == x = 2 /\ x' = 0 /\ UNCHANGED y
Flip == y' = 1 - y /\ UNCHANGED x

Next == Inc \/ Reset \/ Flip

Fair == Init /\ [][Next]_vars /\ WF_vars(Inc) /\ WF_vars(Reset)
OnlyFlip == Init /\ [][Next]_vars /\ WF_vars(Flip)

ResetsForever == []<><<Reset>>_vars
=============================================================================
