------------------------------ MODULE CfgError ------------------------------
(* The cfg does not give the constant N a value.                            *)
EXTENDS Naturals
CONSTANT N
VARIABLE x

Init == x = 0
Next == x < N /\ x' = x + 1
=============================================================================
