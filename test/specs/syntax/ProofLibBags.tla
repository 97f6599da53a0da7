------------------------------ MODULE ProofLibBags ------------------------------
(* A spec that EXTENDS tlapm's BagsTheorems: a mailbox as a bag of messages, filled one copy
   at a time up to 2; CopiesIn counts, Scaling doubles, and the proof cites Bags_Union and
   Bags_UnionSqSubset. *)
EXTENDS Naturals, BagsTheorems

Msgs == {"p", "q"}
VARIABLE box

Init == box = EmptyBag
Send == BagCardinality(box) < 2 /\ \E m \in Msgs : box' = box (+) SetToBag({m})
Full == BagCardinality(box) = 2 /\ UNCHANGED box
Next == Send \/ Full
Spec == Init /\ [][Next]_box

TypeOK == IsABag(box) /\ BagToSet(box) \subseteq Msgs
Counted == CopiesIn("p", box) + CopiesIn("q", box) = BagCardinality(box)
DoubledContains == box \sqsubseteq Scaling(2, box) /\ BagCardinality(Scaling(2, box)) = 2 * BagCardinality(box)
SendGrows == [][Send => box \sqsubseteq box']_box

THEOREM TypeCorrect == Spec => []TypeOK
<1>1. Init => TypeOK
  BY Bags_EmptyBag DEF Init, TypeOK
<1>2. TypeOK /\ [Next]_box => TypeOK'
  BY Bags_Union, Bags_SetToBagIsABag DEF TypeOK, Next, Send, Full
<1>. QED  BY <1>1, <1>2, PTL DEF Spec

THEOREM Grows == TypeOK /\ Send => box \sqsubseteq box'
  BY Bags_UnionSqSubset, Bags_SetToBagIsABag DEF TypeOK, Send

THEOREM Doubling == TypeOK => box \sqsubseteq Scaling(2, box)
  BY Bags_ScalingMonotonic, Bags_Scaling DEF TypeOK
=================================================================================
