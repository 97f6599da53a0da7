----------------------------- MODULE Instances -----------------------------
(* Two wrapping counters from one module: a named instance and a            *)
(* parameterised one, both with WITH substitutions for constant and variable.*)
EXTENDS Naturals
VARIABLES a, b

A == INSTANCE Counter WITH Limit <- 2, c <- a
B(lim) == INSTANCE Counter WITH Limit <- lim, c <- b

Init == A!Init /\ B(3)!Init

Next == \/ A!Next /\ UNCHANGED b
        \/ B(3)!Next /\ UNCHANGED a

Inv == A!InRange /\ B(3)!InRange
=============================================================================
