--------------------------- MODULE ProofLibFunctions ---------------------------
(* A spec that EXTENDS tlapm's FunctionTheorems: an injection from 1..2 to 1..3 whose two
   values swap at each step; the invariants are the facts Fun_InjMeansBijImage and
   Fun_BijInverse state, and the proof cites them. *)
EXTENDS Naturals, FunctionTheorems, TLAPS

VARIABLE f

Init == f \in Injection(1..2, 1..3)
Swap == f' = [i \in 1..2 |-> f[3 - i]]
Spec == Init /\ [][Swap]_f

TypeOK == f \in Injection(1..2, 1..3)
BijOnImage == f \in Bijection(1..2, Range(f))
InverseUndoes == \A i \in 1..2 : Inverse(f, 1..2, Range(f))[f[i]] = i
NoSurjection == ~ ExistsSurjection(1..2, 1..3)

THEOREM SwapKeepsInjective == TypeOK /\ Swap => TypeOK'
  BY Fun_IsInj, Fun_InjectionProperties DEF TypeOK, Swap

THEOREM Invariants == Spec => [](BijOnImage /\ InverseUndoes)
<1>1. TypeOK => BijOnImage
  BY Fun_InjMeansBijImage DEF TypeOK, BijOnImage
<1>2. BijOnImage => InverseUndoes
  BY Fun_BijInverse DEF BijOnImage, InverseUndoes
<1>. QED  BY <1>1, <1>2, SwapKeepsInjective, PTL DEF Spec, Init, TypeOK

THEOREM TooSmall == NoSurjection
  BY Fun_NatSurjImpliesNatBij, Fun_NatBijSame, Fun_ExistsBijInterval DEF NoSurjection
================================================================================
