---------------------------- MODULE CfgUndefined ----------------------------
(* The cfg names an invariant the module does not define.                   *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x' = 1 - x
=============================================================================
