-------------------------------- MODULE ABP --------------------------------
(* The alternating bit protocol over two lossy FIFO channels of bounded     *)
(* length. With strong fairness on receiving, the sender's bit flips        *)
(* forever; with weak fairness, losing every message is a fair behaviour.   *)
EXTENDS Naturals, Sequences
CONSTANTS Data, MaxLen
VARIABLES sb, sv, rb, rv, msgQ, ackQ

vars == <<sb, sv, rb, rv, msgQ, ackQ>>

Remove(q, i) == [j \in 1..(Len(q) - 1) |-> IF j < i THEN q[j] ELSE q[j + 1]]

Init == /\ sb = 0 /\ sv \in Data
        /\ rb = 0 /\ rv \in Data
        /\ msgQ = <<>> /\ ackQ = <<>>

SendMsg == /\ Len(msgQ) < MaxLen
           /\ msgQ' = Append(msgQ, <<sb, sv>>)
           /\ UNCHANGED <<sb, sv, rb, rv, ackQ>>

RcvMsg == /\ msgQ /= <<>>
          /\ msgQ' = Tail(msgQ)
          /\ IF Head(msgQ)[1] = rb
               THEN rb' = 1 - rb /\ rv' = Head(msgQ)[2]
               ELSE UNCHANGED <<rb, rv>>
          /\ UNCHANGED <<sb, sv, ackQ>>

SendAck == /\ Len(ackQ) < MaxLen
           /\ ackQ' = Append(ackQ, 1 - rb)
           /\ UNCHANGED <<sb, sv, rb, rv, msgQ>>

RcvAck == /\ ackQ /= <<>>
          /\ ackQ' = Tail(ackQ)
          /\ IF Head(ackQ) = sb
               THEN sb' = 1 - sb /\ sv' \in Data
               ELSE UNCHANGED <<sb, sv>>
          /\ UNCHANGED <<rb, rv, msgQ>>

LoseMsg == \E i \in 1..Len(msgQ) : msgQ' = Remove(msgQ, i) /\ UNCHANGED <<sb, sv, rb, rv, ackQ>>
LoseAck == \E i \in 1..Len(ackQ) : ackQ' = Remove(ackQ, i) /\ UNCHANGED <<sb, sv, rb, rv, msgQ>>

Next == SendMsg \/ RcvMsg \/ SendAck \/ RcvAck \/ LoseMsg \/ LoseAck


StrongSpec == Init /\ [][Next]_vars /\ SF_vars(RcvMsg) /\ SF_vars(RcvAck) /\ WF_vars(SendMsg) /\ WF_vars(SendAck)
WeakSpec == Init /\ [][Next]_vars /\ WF_vars(RcvMsg) /\ WF_vars(RcvAck) /\ WF_vars(SendMsg) /\ WF_vars(SendAck)

\* What the receiver delivered is what the sender holds, until the sender moves on.
Delivered == rb /= sb => rv = sv
TypeOK == /\ sb \in {0, 1} /\ rb \in {0, 1} /\ sv \in Data /\ rv \in Data
          /\ msgQ \in Seq({0, 1} \X Data) /\ ackQ \in Seq({0, 1})

Alternates == []<>(sb = 0) /\ []<>(sb = 1)
=============================================================================
