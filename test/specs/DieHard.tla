------------------------------ MODULE DieHard ------------------------------
(* Two jugs, no marks: measure 4 gallons. The invariant NotSolved is meant to *)
(* fail; the counterexample is the shortest way to 4 gallons in the big jug.  *)
EXTENDS Naturals

CONSTANTS SmallCap, BigCap

ASSUME SmallCap \in Nat /\ BigCap \in Nat /\ SmallCap < BigCap

VARIABLES small, big

vars == <<small, big>>

Min(a, b) == IF a < b THEN a ELSE b

TypeOK == small \in 0..SmallCap /\ big \in 0..BigCap

Init == small = 0 /\ big = 0

FillSmall == small' = SmallCap /\ big' = big
FillBig == big' = BigCap /\ small' = small
EmptySmall == small' = 0 /\ UNCHANGED big
EmptyBig == big' = 0 /\ UNCHANGED small

SmallToBig ==
  LET poured == Min(small, BigCap - big)
  IN  /\ small' = small - poured
      /\ big' = big + poured

BigToSmall ==
  LET poured == Min(big, SmallCap - small)
  IN  /\ big' = big - poured
      /\ small' = small + poured

Next ==
  \/ FillSmall
  \/ FillBig
  \/ EmptySmall
  \/ EmptyBig
  \/ SmallToBig
  \/ BigToSmall

Spec == Init /\ [][Next]_vars

NotSolved == big /= 4
=============================================================================
