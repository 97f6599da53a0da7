----------------------------- MODULE CaseOther -----------------------------
(* CASE with OTHER inside an action; negative integers.                     *)
EXTENDS Integers
VARIABLES x, mode

Init == x = 0 /\ mode \in {"up", "down"}

Next == /\ x' = CASE mode = "up" /\ x < 2 -> x + 1
                  [] mode = "down" /\ x > -2 -> x - 1
                  [] OTHER -> 0
        /\ UNCHANGED mode

InBand == x \in -2..2
=============================================================================
