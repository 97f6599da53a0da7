---------------------------- MODULE Philosophers ----------------------------
(* Dining philosophers around a table of N: each takes the left fork, then  *)
(* the right one. All holding their left fork is a deadlock.                *)
EXTENDS Naturals
CONSTANT N

VARIABLES phil, fork

P == 0..(N - 1)
Left(i) == i
Right(i) == (i + 1) % N

Init == phil = [i \in P |-> "thinking"] /\ fork = [f \in P |-> FALSE]

Hungry(i) == /\ phil[i] = "thinking"
             /\ phil' = [phil EXCEPT ![i] = "hungry"]
             /\ UNCHANGED fork

TakeLeft(i) == /\ phil[i] = "hungry"
               /\ ~fork[Left(i)]
               /\ fork' = [fork EXCEPT ![Left(i)] = TRUE]
               /\ phil' = [phil EXCEPT ![i] = "left"]

TakeRight(i) == /\ phil[i] = "left"
                /\ ~fork[Right(i)]
                /\ fork' = [fork EXCEPT ![Right(i)] = TRUE]
                /\ phil' = [phil EXCEPT ![i] = "eating"]

Release(i) == /\ phil[i] = "eating"
              /\ fork' = [fork EXCEPT ![Left(i)] = FALSE, ![Right(i)] = FALSE]
              /\ phil' = [phil EXCEPT ![i] = "thinking"]

Next == \E i \in P : Hungry(i) \/ TakeLeft(i) \/ TakeRight(i) \/ Release(i)

NeighboursNotBothEating ==
  \A i \in P : ~(phil[i] = "eating" /\ phil[Right(i)] = "eating")
=============================================================================
