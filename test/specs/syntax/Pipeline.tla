------------------------------ MODULE Pipeline ------------------------------
(***************************************************************************)
(* A translated PlusCal algorithm with two process sets: fair processes,   *)
(* either/or, with, await, goto, a process-local variable of a single      *)
(* process, ProcSet as a union and pc initialised by CASE.  Two producers  *)
(* may each put a value in the bag or skip; the consumer waits for a       *)
(* value, so if both skip it waits forever (a deadlock).                   *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

(* --fair algorithm Pipeline {
  variables bag = {}, count = 0;

  fair process (Prod \in {1, 2}) {
    p1: either { with (v \in {10, 20}) { bag := bag \cup {v + self} } }
        or     { skip };
    p2: await count < 2;
        count := count + 1;
        goto p3;
    p3: skip;
  }

  fair process (Cons = 0)
    variable got = 0;
  {
    c1: await bag # {};
        with (v \in bag) { got := v; bag := bag \ {v} };
    c2: skip;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "1d2c3b4a" /\ chksum(tla) = "4a3b2c1d")
VARIABLES bag, count, pc, got

vars == << bag, count, pc, got >>

ProcSet == ({1, 2}) \cup {0}

Init == (* Global variables *)
        /\ bag = {}
        /\ count = 0
        (* Process Cons *)
        /\ got = 0
        /\ pc = [self \in ProcSet |-> CASE self \in {1, 2} -> "p1"
                                        [] self = 0 -> "c1"]

p1(self) == /\ pc[self] = "p1"
            /\ \/ /\ \E v \in {10, 20}:
                       bag' = (bag \cup {v + self})
               \/ /\ TRUE
                  /\ bag' = bag
            /\ pc' = [pc EXCEPT ![self] = "p2"]
            /\ UNCHANGED << count, got >>

p2(self) == /\ pc[self] = "p2"
            /\ count < 2
            /\ count' = count + 1
            /\ pc' = [pc EXCEPT ![self] = "p3"]
            /\ UNCHANGED << bag, got >>

p3(self) == /\ pc[self] = "p3"
            /\ TRUE
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << bag, count, got >>

Prod(self) == p1(self) \/ p2(self) \/ p3(self)

c1 == /\ pc[0] = "c1"
      /\ bag # {}
      /\ \E v \in bag:
           /\ got' = v
           /\ bag' = bag \ {v}
      /\ pc' = [pc EXCEPT ![0] = "c2"]
      /\ count' = count

c2 == /\ pc[0] = "c2"
      /\ TRUE
      /\ pc' = [pc EXCEPT ![0] = "Done"]
      /\ UNCHANGED << bag, count, got >>

Cons == c1 \/ c2

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == Cons
           \/ (\E self \in {1, 2}: Prod(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in {1, 2} : WF_vars(Prod(self))
        /\ WF_vars(Cons)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 

TypeOK == /\ count \in 0..2
          /\ got \in {0, 11, 12, 21, 22}
          /\ Cardinality(bag) <= 2
=============================================================================
