------------------------------ MODULE NatEnum ------------------------------
(* x' \in Nat asks TLC to enumerate an infinite set: an evaluation error.  *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x' \in Nat /\ x' < 3
=============================================================================
