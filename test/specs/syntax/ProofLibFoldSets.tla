---------------------------- MODULE ProofLibFoldSets ----------------------------
(* A spec that EXTENDS the CommunityModules' FiniteSetsExtTheorems and FoldsTheorems: a set of
   numbers that grows while its SumSet stays within a budget; FoldSet, ProductSet,
   MapThenSumSet and MapThenFoldSet agree with it, and the proofs cite SumSetAddElement,
   MapThenFoldSetAC and friends. *)
EXTENDS Naturals, FiniteSetsExtTheorems, FoldsTheorems

CONSTANTS Items, Budget
VARIABLE S

Fits(e) == SumSet(S) + e <= Budget
Init == S = {}
Take == \E e \in Items \ S : Fits(e) /\ S' = S \cup {e}
Stuck == ~ \E e \in Items \ S : Fits(e)
Done == Stuck /\ UNCHANGED S
Next == Take \/ Done
Spec == Init /\ [][Next]_S

TypeOK == S \subseteq Items
WithinBudget == SumSet(S) <= Budget
FoldsAgree == /\ FoldSet(+, 0, S) = SumSet(S)
              /\ MapThenSumSet(LAMBDA x : x, S) = SumSet(S)
              /\ FoldSet(LAMBDA x, y : x * y, 1, S) = ProductSet(S)
              /\ MapThenFoldSet(+, 0, LAMBDA x : x, LAMBDA T : CHOOSE t \in T : TRUE, S) = SumSet(S)
\* With Items = 1..3 and Budget = 4 the product never exceeds 3 (1 * 3).
SmallProduct == ProductSet(S) <= 3

THEOREM Budgeted == ASSUME Items \subseteq Nat, IsFiniteSet(Items), Budget \in Nat
                    PROVE  Spec => []WithinBudget
<1>1. Init => WithinBudget
  BY SumSetEmpty DEF Init, WithinBudget
<1>2. TypeOK /\ WithinBudget /\ [Next]_S => WithinBudget'
  BY SumSetAddElement, SumSetNat DEF TypeOK, WithinBudget, Next, Take, Done, Fits
<1>. QED  OMITTED

THEOREM Agree == ASSUME IsFiniteSet(S), S \subseteq Nat PROVE FoldsAgree
  BY FoldSetAC, FoldSetEmpty, MapThenSumSetNonempty, ProductSetNonempty,
     MapThenFoldSetAC, MapThenFoldSetEmpty DEF FoldsAgree
=================================================================================
