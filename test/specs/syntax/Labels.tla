------------------------------- MODULE Labels -------------------------------
(* Labels and subexpression names (TLA+2): Op!lbl, Op(a)!lbl, Op!lbl(a), label
   parameters, positional selectors !1 !2 !<< !>> and chains of them. *)
EXTENDS Naturals
VARIABLE x

A(p) == lbl1:: (p + 1) * (p + 2)
B(k) == \A i \in 1..3 : lb2(i):: i > k
ASSUME A(1)!lbl1 = 6 /\ A!lbl1(1) = 6          \* (1 + 1) * (1 + 2)
ASSUME A(2)!1 = 3 /\ A(2)!<< = 3 /\ A(2)!>> = 4 /\ A(2)!lbl1!2 = 4
ASSUME B(0)!lb2(2) /\ ~B(2)!lb2(2) /\ B!lb2(1, 3)

Init == x = 0
Next == x' = (x + 1) % 3
Guard == /\ x \in 0..2
         /\ inner:: (x = 0 \/ x = 1 \/ x = 2)
         /\ IF x = 0 THEN TRUE ELSE x > 0
\* Guard!2 is the labelled disjunction; its !1 is "x = 0 \/ x = 1" (\/ groups to the left)
Inv == Guard!1 /\ Guard!inner /\ Guard!3!2 /\ (Guard!inner!1 <=> x < 2)
=============================================================================
