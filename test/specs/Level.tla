------------------------------- MODULE Level -------------------------------
(* TLCGet("level") in a CONSTRAINT and an invariant: the level of a state   *)
(* is 1 for initial states and one more than its predecessor's (TLC sets    *)
(* the predecessor before evaluating the constraint, Worker.addElement).     *)
EXTENDS Naturals, TLC
VARIABLE x

Init == x = 0
Next == x' = x + 1

ShallowEnough == TLCGet("level") <= 4
LevelMatches == x + 1 = TLCGet("level")
=============================================================================
