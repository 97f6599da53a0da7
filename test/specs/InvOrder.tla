------------------------------ MODULE InvOrder ------------------------------
(* Two invariants fail on the same state: TLC reports the first in cfg      *)
(* order (Worker.doNextCheckInvariants), not in module order.               *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x' = x + 1

First == x < 2
Second == x < 2
=============================================================================
