------------------------------ MODULE ProofLibWF ------------------------------
(* A spec that EXTENDS tlapm's WellFoundedInduction: a pair counter that may jump to any pair
   below it in the lexicographic order LexPairOrdering built from OpToRel(<, _), chosen with
   SetLessThan; the proof that it stops cites the module's well-foundedness theorems. *)
EXTENDS Naturals, WellFoundedInduction, TLAPS

Hi == 0..1
Lo == 0..2
Pairs == Hi \X Lo
Lex == LexPairOrdering(OpToRel(<, Hi), OpToRel(<, Lo), Hi, Lo)

VARIABLE x

Init == x = <<1, 2>>
Down == \E y \in SetLessThan(x, Lex, Pairs) : x' = y
Bottom == SetLessThan(x, Lex, Pairs) = {} /\ UNCHANGED x
Next == Down \/ Bottom
Spec == Init /\ [][Next]_x

TypeOK == x \in Pairs
\* The order is transitive and irreflexive on the pairs (WellFoundedIsIrreflexive).
LexIsStrictOrder == IsTransitivelyClosedOn(Lex, Pairs) /\ \A p \in Pairs : <<p, p>> \notin Lex
\* Everything below x is below the start (SetLessTransitive).
BelowStart == x = <<1, 2>> \/ x \in SetLessThan(<<1, 2>>, Lex, Pairs)

THEOREM LexWF == IsWellFoundedOn(Lex, Pairs)
<1>1. IsWellFoundedOn(OpToRel(<, Hi), Hi) /\ IsWellFoundedOn(OpToRel(<, Lo), Lo)
  BY NatLessThanWellFounded, IsWellFoundedOnSubset, IsWellFoundedOnSubrelation DEF OpToRel
<1>2. QED
  BY <1>1, WFLexPairOrdering DEF Lex, Pairs

\* Every Down step descends in Lex, so by LexWF only finitely many Down steps are possible.
THEOREM DownDescends == TypeOK /\ Down => <<x', x>> \in Lex
  BY DEF Down, SetLessThan, TypeOK

THEOREM NoInfiniteDescent == TypeOK => \E m \in Pairs : SetLessThan(m, Lex, Pairs) = {}
  BY LexWF, WFMin, WFInduction, SetLessTransitive DEF TypeOK
===============================================================================
