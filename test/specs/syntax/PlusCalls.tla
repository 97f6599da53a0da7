----------------------------- MODULE PlusCalls -----------------------------
(***************************************************************************)
(* A PlusCal algorithm with a procedure, as the translator leaves a file:  *)
(* the algorithm in a comment, then the TLA+ between the BEGIN/END         *)
(* TRANSLATION markers, with pc, stack and Head(stack[self]) returns.      *)
(* Two processes each add their id to `total` through a procedure that     *)
(* reads and writes in two steps, so an update can be lost.                *)
(***************************************************************************)
EXTENDS Naturals, Sequences, TLC

(* --fair algorithm PlusCalls {
  variables total = 0;

  procedure Add(n = 0)
    variable tmp = 0;
  {
    A1: tmp := total + n;
    A2: total := tmp;
        return;
  }

  process (P \in 1..2) {
    P1: call Add(self);
    P2: skip;
  }
} *)
\* BEGIN TRANSLATION (chksum(pcal) = "5e1f3b2a" /\ chksum(tla) = "c0ffee11")
VARIABLES total, pc, stack, n, tmp

vars == << total, pc, stack, n, tmp >>

ProcSet == (1..2)

Init == (* Global variables *)
        /\ total = 0
        (* Procedure Add *)
        /\ n = [ self \in ProcSet |-> 0]
        /\ tmp = [ self \in ProcSet |-> 0]
        /\ stack = [self \in ProcSet |-> << >>]
        /\ pc = [self \in ProcSet |-> "P1"]

A1(self) == /\ pc[self] = "A1"
            /\ tmp' = [tmp EXCEPT ![self] = total + n[self]]
            /\ pc' = [pc EXCEPT ![self] = "A2"]
            /\ UNCHANGED << total, stack, n >>

A2(self) == /\ pc[self] = "A2"
            /\ total' = tmp[self]
            /\ pc' = [pc EXCEPT ![self] = Head(stack[self]).pc]
            /\ tmp' = [tmp EXCEPT ![self] = Head(stack[self]).tmp]
            /\ n' = [n EXCEPT ![self] = Head(stack[self]).n]
            /\ stack' = [stack EXCEPT ![self] = Tail(stack[self])]

Add(self) == A1(self) \/ A2(self)

P1(self) == /\ pc[self] = "P1"
            /\ /\ n' = [n EXCEPT ![self] = self]
               /\ stack' = [stack EXCEPT ![self] = << [ procedure |->  "Add",
                                                        pc        |->  "P2",
                                                        tmp       |->  tmp[self],
                                                        n         |->  n[self] ] >>
                                                    \o stack[self]]
            /\ tmp' = [tmp EXCEPT ![self] = 0]
            /\ pc' = [pc EXCEPT ![self] = "A1"]
            /\ total' = total

P2(self) == /\ pc[self] = "P2"
            /\ TRUE
            /\ pc' = [pc EXCEPT ![self] = "Done"]
            /\ UNCHANGED << total, stack, n, tmp >>

P(self) == P1(self) \/ P2(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in ProcSet: Add(self))
           \/ (\E self \in 1..2: P(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ WF_vars(Next)

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 

\* once both are done, total is 3 unless an update was lost (then 1 or 2)
TotalOK == (\A self \in ProcSet : pc[self] = "Done") => total \in {1, 2, 3}
StackOK == \A self \in ProcSet : Len(stack[self]) <= 1
=============================================================================
