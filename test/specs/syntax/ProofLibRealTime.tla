---------------------------- MODULE ProofLibRealTime ----------------------------
(* A spec that EXTENDS RealTime (tlapm's library, Specifying Systems chapter 9) for its clock
   variable `now`, run as a discrete clock that TLC can check; RTBound and RTnow are defined
   (\EE and Real are beyond TLC) and only named in the theorem. *)
EXTENDS Naturals, RealTime

VARIABLE x
vars == <<x, now>>

Init == now = 0 /\ x = 0
Tick == now < 2 /\ now' = now + 1 /\ UNCHANGED x
Act  == x < 1 /\ x' = x + 1 /\ UNCHANGED now
Next == Tick \/ Act
Spec == Init /\ [][Next]_vars

ClockOK == now \in 0..2 /\ x \in 0..1

THEOREM RealTimeSpec == Spec /\ RTBound(Act, x, 0, 2) => []ClockOK
OMITTED
=================================================================================
