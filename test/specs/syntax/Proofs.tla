------------------------------ MODULE Proofs ------------------------------
(* A spec with TLAPS proofs of every shape SANY accepts; TLC checks the spec and
   ignores the proofs. *)
EXTENDS Naturals, TLAPS

CONSTANT N
ASSUME NAssump == N \in Nat /\ N > 0

VARIABLE x
vars == <<x>>

TypeOK == x \in 0..N
Init == x = 0
Inc == x < N /\ x' = x + 1
Reset == x = N /\ x' = 0
Next == Inc \/ Reset
Spec == Init /\ [][Next]_vars /\ WF_vars(Next)
Live == []<>(x = N)

THEOREM TypeCorrect == Spec => []TypeOK
<1>1. Init => TypeOK
  BY NAssump DEF Init, TypeOK
<1>2. TypeOK /\ [Next]_vars => TypeOK'
  <2> SUFFICES ASSUME TypeOK, [Next]_vars PROVE TypeOK'
    OBVIOUS
  <2>1. CASE Inc
    BY <2>1, SMT DEF Inc, TypeOK
  <2>2. CASE Reset
    BY <2>2, NAssump, Zenon DEF Reset, TypeOK
  <2>3. CASE UNCHANGED vars
    BY <2>3 DEF vars, TypeOK
  <2>4. QED
    BY <2>1, <2>2, <2>3 DEF Next
<1>3. QED
  BY <1>1, <1>2, PTL DEF Spec

LEMMA Simple == ASSUME NEW n \in Nat, NEW m \in Nat PROVE n + m \in Nat
  OBVIOUS

PROPOSITION Prop1 == \A n \in Nat : n + 0 = n
  BY SMTT(10)

COROLLARY Cor == TRUE
  PROOF OBVIOUS

THEOREM ASSUME CONSTANT c, VARIABLE v, STATE s, ACTION a, TEMPORAL t,
               NEW CONSTANT d, NEW VARIABLE w, NEW STATE p, NEW ACTION b, NEW TEMPORAL f,
               NEW e \in Nat,
               NEW g(_), NEW CONSTANT h(_, _)
        PROVE  TRUE
  OMITTED

THEOREM Exists == \E n \in Nat : n > 1
<1> WITNESS 2 \in Nat
<1> QED OBVIOUS

THEOREM All == \A n \in Nat : n >= 0
<1> TAKE n \in Nat
<1> QED OBVIOUS

THEOREM Imp == \A n \in Nat : n > 1 => n > 0
<1> SUFFICES ASSUME NEW n \in Nat PROVE n > 1 => n > 0
  OBVIOUS
<1> HAVE n > 1
<1> QED BY ONLY DEF TypeOK

THEOREM Pick == (\E n \in Nat : n > 5) => TRUE
<1>a. ASSUME \E n \in Nat : n > 5 PROVE TRUE
  <2> PICK n \in Nat : n > 5
    OBVIOUS
  <2> DEFINE m == n + 1
  <2>1. m > 6
    BY DEFS m
  <2> QED
    OBVIOUS
<1> USE NAssump DEF TypeOK, Init
<1> HIDE DEF Init
<1>b. QED BY <1>a
  \* proof steps may also be numbered <+>, <*> and written with names of any length
THEOREM Long == TRUE
<+> TRUE OBVIOUS
<*> QED OBVIOUS

AXIOM Ax == TRUE
THEOREM TRUE
PROOF
  <1> QED OBVIOUS

\* proofs that use an instance of a nested module
---- MODULE Inner ----
VARIABLE y
Pos == y >= 0
====
I == INSTANCE Inner WITH y <- x
THEOREM InstanceUse == I!Pos <=> x >= 0
  BY DEF I!Pos
THEOREM InstanceStep == TypeOK => x >= 0
<1> J == INSTANCE Inner WITH y <- x
<1> DEFINE K == J!Pos
<1> QED BY DEF TypeOK, J!Pos, K
=============================================================================
