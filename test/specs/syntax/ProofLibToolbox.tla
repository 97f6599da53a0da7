---------------------------- MODULE ProofLibToolbox ----------------------------
(* A trace-explorer spec in the shape the TLA+ Toolbox generates: it EXTENDS TLC's Toolbox
   module, and its model replaces _TETrace by the trace being explored (CONSTANT
   _TETrace <- in the cfg). _TEPosition then stays within 1..Len(trace) whatever the level. *)
EXTENDS Naturals, Sequences, Toolbox, TLC

def_ov_trace == <<"a", "b">>

VARIABLE x

Init == x = 1
Next == x < 3 /\ x' = x + 1
Spec == Init /\ [][Next]_x

TypeOK == x \in 1..3
PositionInTrace == _TEPosition \in 1..Len(def_ov_trace)
================================================================================
