------------------------------ MODULE ProofLibSeq ------------------------------
(* A spec that EXTENDS tlapm's SequenceTheorems: a word over {"x", "y"} grown by Append up to
   length 2; the invariants are instances of AppendProperties and the injective-sequence lemmas,
   and the proof cites them, including a labelled conjunct of ConcatSimplifications. *)
EXTENDS Naturals, Sequences, SequenceTheorems, TLAPS

Letters == {"x", "y"}
VARIABLE s

Init == s = << >>
Push == Len(s) < 2 /\ \E e \in Letters : s' = Append(s, e)
Full == Len(s) = 2 /\ UNCHANGED s
Next == Push \/ Full
Spec == Init /\ [][Next]_s

TypeOK == s \in Seq(Letters) /\ Len(s) <= 2
RangeOK == Range(s) \subseteq Letters /\ Range(s) = {s[i] : i \in 1..Len(s)}
InjectiveIffDistinct == IsInjective(s) <=> (Len(s) < 2 \/ s[1] # s[2])
PushGrows == [][Push => Len(s') = Len(s) + 1 /\ SubSeq(s', 1, Len(s)) = s]_s

THEOREM TypeCorrect == Spec => []TypeOK
<1>1. Init => TypeOK
  BY EmptySeq DEF Init, TypeOK
<1>2. TypeOK /\ [Next]_s => TypeOK'
  BY AppendProperties DEF TypeOK, Next, Push, Full
<1>. QED  BY <1>1, <1>2, PTL DEF Spec

THEOREM RangeFacts == TypeOK => RangeOK
  BY RangeOfSeq, RangeEquality DEF TypeOK, RangeOK

THEOREM Distinct == TypeOK => InjectiveIffDistinct
  BY EmptySingletonIsInjective, AppendInjectiveSeq, ConcatSimplifications!idRight
  DEF TypeOK, InjectiveIffDistinct
================================================================================
