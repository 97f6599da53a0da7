----------------------------- MODULE ProofLibSeqExt -----------------------------
(* A spec that EXTENDS tlapm's SequencesExtTheorems: a stack built with Cons (the newest
   element first); Reverse of it is always a prefix of <<1, 2, 3>>, and its Tail is a strict
   suffix. The proofs cite ReverseCons, TailIsSuffix and the prefix theorems. *)
EXTENDS Naturals, Sequences, SequencesExtTheorems, TLAPS

CONSTANT N
VARIABLE st

Target == [i \in 1..N |-> i]

Init == st = << >>
Push == Len(st) < N /\ st' = Cons(Len(st) + 1, st)
Pop  == st # << >> /\ st' = Tail(st)
Next == Push \/ Pop
Spec == Init /\ [][Next]_st

TypeOK == st \in Seq(1..N) /\ Len(st) <= N
ReversedIsPrefix == IsPrefix(Reverse(st), Target)
TailIsStrictSuffix == st # << >> => IsStrictSuffix(Tail(st), st)
FrontLast == st # << >> => Append(Front(st), Last(st)) = st /\ Last(st) = 1

THEOREM PushReverses == ASSUME NEW s \in Seq(Nat), NEW e \in Nat
                        PROVE  Reverse(Cons(e, s)) = Append(Reverse(s), e)
  BY ReverseCons

THEOREM PrefixInv == Spec => []ReversedIsPrefix
<1>1. Init => ReversedIsPrefix
  BY ReverseEmpty, EmptyIsPrefix DEF Init, ReversedIsPrefix
<1>2. ReversedIsPrefix /\ [Next]_st => ReversedIsPrefix'
  BY PushReverses, IsPrefixProperties, ReverseFrontEqualsTailReverse, FrontIsPrefix
  DEF ReversedIsPrefix, Next, Push, Pop
<1>. QED  BY <1>1, <1>2, PTL DEF Spec

THEOREM SuffixInv == TypeOK => TailIsStrictSuffix
  BY TailIsSuffix DEF TypeOK, TailIsStrictSuffix
=================================================================================
