--------------------------- MODULE ProofLibFiniteSets ---------------------------
(* A spec that EXTENDS tlapm's FiniteSetTheorems: a set that grows by one element per step,
   each step a pair of StrictSubsetOrdering, its members in FiniteSubsetsOf; the proof of the
   cardinality invariant cites FS_AddElement and friends. *)
EXTENDS Naturals, FiniteSetTheorems, TLAPS

CONSTANT U
VARIABLE S

Init == S = {}
Add == \E e \in U \ S : S' = S \cup {e}
Full == S = U /\ UNCHANGED S
Next == Add \/ Full
Spec == Init /\ [][Next]_S

TypeOK == S \in FiniteSubsetsOf(U)
CardBound == Cardinality(S) <= Cardinality(U)
\* Every Add step goes strictly up in StrictSubsetOrdering(U).
AddGrows == [][Add => <<S, S'>> \in StrictSubsetOrdering(U)]_S

THEOREM TypeCorrect == ASSUME IsFiniteSet(U) PROVE Spec => []TypeOK
<1>1. Init => TypeOK
  BY FS_EmptySet DEF Init, TypeOK, FiniteSubsetsOf
<1>2. TypeOK /\ [Next]_S => TypeOK'
  BY FS_AddElement, FS_Subset DEF TypeOK, Next, Add, Full, FiniteSubsetsOf
<1>. QED  BY <1>1, <1>2, PTL DEF Spec

THEOREM Bound == ASSUME IsFiniteSet(U) PROVE Spec => []CardBound
  BY TypeCorrect, FS_Subset, PTL DEF TypeOK, CardBound, FiniteSubsetsOf
=================================================================================
