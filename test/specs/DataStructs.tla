---------------------------- MODULE DataStructs ----------------------------
(* Records, tuples, sequences and functions in the state; initial states    *)
(* drawn from function sets, record sets, SUBSET and \X; EXCEPT with nested *)
(* paths and @.                                                             *)
EXTENDS Naturals, Sequences, FiniteSets
VARIABLES cfg, acct, pairs

Keys == {"a", "b"}

Init == /\ cfg \in [Keys -> {0, 1}]
        /\ acct \in [owner : {1, 2}, log : {<<>>}, bal : {[k \in Keys |-> 0]}]
        /\ pairs \in SUBSET ({1, 2} \X {TRUE})

Flip(k) == /\ cfg' = [cfg EXCEPT ![k] = 1 - @]
           /\ UNCHANGED <<acct, pairs>>

Log == /\ Len(acct.log) < 2
       /\ acct' = [acct EXCEPT !.log = Append(@, acct.owner), !.owner = 3 - @]
       /\ UNCHANGED <<cfg, pairs>>

Credit(k) == /\ acct.bal[k] < cfg[k]
             /\ acct' = [acct EXCEPT !.bal[k] = @ + 1]
             /\ UNCHANGED <<cfg, pairs>>

Turn(p) == /\ pairs' = (pairs \ {p}) \cup {<<p[1], ~p[2]>>}
           /\ UNCHANGED <<cfg, acct>>

Next == \/ \E k \in Keys : Flip(k)
        \/ Log
        \/ \E k \in Keys : Credit(k)
        \/ \E p \in pairs : Turn(p)

TypeOK == /\ cfg \in [Keys -> {0, 1}]
          /\ acct \in [owner : {1, 2}, log : Seq({1, 2}), bal : [Keys -> 0..1]]
          /\ pairs \in SUBSET ({1, 2} \X BOOLEAN)

OnePerIndex == \A p, p2 \in pairs : p[1] = p2[1] => p = p2
Indices == UNION {{p[1]} : p \in pairs} \subseteq {1, 2}
LogAlternates == \A i \in 1..(Len(acct.log) - 1) : acct.log[i] /= acct.log[i + 1]
=============================================================================
