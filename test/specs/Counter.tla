------------------------------ MODULE Counter ------------------------------
(* A counter that wraps at Limit. Not a corpus spec by itself: Instances    *)
(* instantiates it (this file has no .cfg or .expected.json).               *)
EXTENDS Naturals
CONSTANT Limit
VARIABLE c

LOCAL Succ(v) == v + 1

Init == c = 0
Inc == c < Limit /\ c' = Succ(c)
Reset == c = Limit /\ c' = 0
Next == Inc \/ Reset

InRange == c \in 0..Limit
=============================================================================
