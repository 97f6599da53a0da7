------------------------------ MODULE Peterson ------------------------------
(* Peterson's mutual exclusion for two processes 0 and 1.                   *)
EXTENDS Naturals
VARIABLES pc, flag, turn

vars == <<pc, flag, turn>>
Procs == {0, 1}
Other(i) == 1 - i

Init == /\ pc = [i \in Procs |-> "ncs"]
        /\ flag = [i \in Procs |-> FALSE]
        /\ turn = 0

Request(i) == /\ pc[i] = "ncs"
              /\ flag' = [flag EXCEPT ![i] = TRUE]
              /\ pc' = [pc EXCEPT ![i] = "turn"]
              /\ UNCHANGED turn

GiveWay(i) == /\ pc[i] = "turn"
              /\ turn' = Other(i)
              /\ pc' = [pc EXCEPT ![i] = "wait"]
              /\ UNCHANGED flag

Enter(i) == /\ pc[i] = "wait"
            /\ flag[Other(i)] = FALSE \/ turn = i
            /\ pc' = [pc EXCEPT ![i] = "cs"]
            /\ UNCHANGED <<flag, turn>>

Leave(i) == /\ pc[i] = "cs"
            /\ flag' = [flag EXCEPT ![i] = FALSE]
            /\ pc' = [pc EXCEPT ![i] = "ncs"]
            /\ UNCHANGED turn

Proc(i) == Request(i) \/ GiveWay(i) \/ Enter(i) \/ Leave(i)

Next == \E i \in Procs : Proc(i)

Spec == Init /\ [][Next]_vars /\ \A i \in Procs : WF_vars(Proc(i))

MutualExclusion == ~(pc[0] = "cs" /\ pc[1] = "cs")

TypeOK == /\ pc \in [Procs -> {"ncs", "turn", "wait", "cs"}]
          /\ flag \in [Procs -> BOOLEAN]
          /\ turn \in Procs

\* Every process that asks gets in.
Starvation == \A i \in Procs : (pc[i] = "turn") ~> (pc[i] = "cs")
=============================================================================
