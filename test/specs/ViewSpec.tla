------------------------------ MODULE ViewSpec ------------------------------
(* A walk on 0..3 that counts its steps. The VIEW forgets the step count,   *)
(* so the otherwise infinite state space has four states.                   *)
EXTENDS Naturals
VARIABLES x, steps

Init == x = 0 /\ steps = 0

Next == \/ x < 3 /\ x' = x + 1 /\ steps' = steps + 1
        \/ x > 0 /\ x' = x - 1 /\ steps' = steps + 1

Position == x

\* Holds on every state TLC checks: a state whose view was seen is not checked.
FewSteps == steps < 4
=============================================================================
