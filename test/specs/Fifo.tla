-------------------------------- MODULE Fifo --------------------------------
(* A bounded FIFO channel: the sender appends any message while there is    *)
(* room, the receiver takes the head. What arrives is a prefix of what was  *)
(* sent, in order.                                                          *)
EXTENDS Naturals, Sequences
CONSTANTS Msgs, Cap, MaxSent

VARIABLES sent, q, got

Init == sent = <<>> /\ q = <<>> /\ got = <<>>

Send(m) == /\ Len(q) < Cap
           /\ Len(sent) < MaxSent
           /\ q' = Append(q, m)
           /\ sent' = Append(sent, m)
           /\ UNCHANGED got

Recv == /\ q /= <<>>
        /\ got' = got \o <<Head(q)>>
        /\ q' = Tail(q)
        /\ UNCHANGED sent

Next == (\E m \in Msgs : Send(m)) \/ Recv

InOrder == got \o q = sent
Prefix == got = SubSeq(sent, 1, Len(got))
Bounded == Len(q) <= Cap
=============================================================================
