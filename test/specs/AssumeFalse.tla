---------------------------- MODULE AssumeFalse ----------------------------
EXTENDS Naturals
CONSTANT N
VARIABLE x

ASSUME N \in Nat
ASSUME N > 10

Init == x = 0
Next == x' = x
=============================================================================
