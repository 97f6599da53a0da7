------------------------ MODULE WellFoundedInduction ------------------------
(***************************************************************************)
(* rdsib's WellFoundedInduction: the names of tlapm's library module of   *)
(* that name (tlaplus/tlapm), written here so that specs whose proofs      *)
(* EXTEND it load in the model checker.  A relation is a set of pairs:     *)
(* <<x, y>> \in R reads "x is below y".  The definitions are the ones a    *)
(* spec may evaluate (SetLessThan, OpToRel, PreImage, the lexicographic    *)
(* orderings, TransitiveClosureOn on a small S); IsWellFoundedOn ranges    *)
(* over [Nat -> S] and WFDefOn/WFInductiveUnique over all values, which    *)
(* TLC cannot enumerate, exactly as with the original definitions.         *)
(***************************************************************************)
EXTENDS NaturalsInduction

\* R, read on S, is transitive (R need not be a subset of S \X S).
IsTransitivelyClosedOn(R, S) ==
  \A i, j, k \in S : (<<i, j>> \in R /\ <<j, k>> \in R) => <<i, k>> \in R

\* No infinite descending chain f[0] > f[1] > ... of elements of S.
IsWellFoundedOn(R, S) ==
  ~ \E f \in [Nat -> S] : \A n \in Nat : <<f[n+1], f[n]>> \in R

LEMMA EmptyIsWellFounded == \A S : IsWellFoundedOn({}, S)

LEMMA IsWellFoundedOnSubset ==
  ASSUME NEW R, NEW S, NEW T \in SUBSET S,
         IsWellFoundedOn(R,S)
  PROVE  IsWellFoundedOn(R,T)

LEMMA IsWellFoundedOnSubrelation ==
  ASSUME NEW S, NEW R, NEW RR, RR \cap (S \X S) \subseteq R,
         IsWellFoundedOn(R,S)
  PROVE  IsWellFoundedOn(RR,S)

\* The elements of S below x.
SetLessThan(x, R, S) == {y \in S : <<y, x>> \in R}

\* Well-founded iff every non-empty subset has a minimal element.
THEOREM WFMin ==
  ASSUME NEW R, NEW S,
         IsWellFoundedOn(R, S),
         NEW T, T \subseteq S, T # {}
  PROVE  \E x \in T : \A y \in T : ~ (<<y, x>> \in R)

THEOREM MinWF ==
  ASSUME NEW R, NEW S,
         \A T \in SUBSET S : T # {} => \E x \in T : \A y \in T : ~ (<<y, x>> \in R)
  PROVE  IsWellFoundedOn(R,S)

LEMMA WellFoundedIsIrreflexive ==
  ASSUME NEW R, NEW S, NEW x \in S,
         IsWellFoundedOn(R, S)
  PROVE  <<x, x>> \notin R

LEMMA WellFoundedIsAsymmetric ==
  ASSUME NEW R, NEW S, NEW x \in S, NEW y \in S,
         IsWellFoundedOn(R,S),
         <<x,y>> \in R, <<y,x>> \in R
  PROVE  FALSE

LEMMA WFSetLessThanIrreflexive ==
  ASSUME NEW R, NEW S, NEW x \in S,
         IsWellFoundedOn(R,S)
  PROVE  x \notin SetLessThan(x,R,S)

LEMMA SetLessTransitive ==
  ASSUME NEW R, NEW S, NEW x \in S, NEW y \in SetLessThan(x,R,S),
         IsTransitivelyClosedOn(R, S)
  PROVE  SetLessThan(y, R, S) \subseteq SetLessThan(x, R, S)

----------------------------------------------------------------------------
\* Induction along a well-founded relation (GeneralNatInduction generalised).
THEOREM WFInduction ==
  ASSUME NEW P(_), NEW R, NEW S,
         IsWellFoundedOn(R, S),
         \A x \in S : (\A y \in SetLessThan(x, R, S) : P(y)) => P(x)
  PROVE  \A x \in S : P(x)

\* Def(g, x) reads g only below x.
WFDefOn(R, S, Def(_,_)) ==
  \A g, h :
    \A x \in S :
      (\A y \in SetLessThan(x, R, S) : g[y] = h[y]) => (Def(g,x) = Def(h,x))

\* f is the function that f[x \in S] == Def(f, x) defines (CHOOSE as TLA+ reads it).
OpDefinesFcn(f, S, Def(_,_)) ==
  f = CHOOSE g : g = [x \in S |-> Def(g, x)]

WFInductiveDefines(f, S, Def(_,_)) ==
  f = [x \in S |-> Def(f, x)]

WFInductiveUnique(S, Def(_,_)) ==
  \A g, h : /\ WFInductiveDefines(g, S, Def)
            /\ WFInductiveDefines(h, S, Def)
            => (g = h)

THEOREM WFDefOnUnique ==
  ASSUME NEW Def(_,_), NEW R, NEW S,
         IsWellFoundedOn(R, S), WFDefOn(R, S, Def)
  PROVE  WFInductiveUnique(S, Def)

LEMMA WFInductiveDefLemma ==
  ASSUME NEW Def(_,_), NEW R, NEW S, NEW f,
         IsWellFoundedOn(R, S),
         IsTransitivelyClosedOn(R, S),
         WFDefOn(R, S, Def),
         OpDefinesFcn(f, S, Def)
  PROVE  WFInductiveDefines(f, S, Def)

(***************************************************************************)
(* The transitive closure of R restricted to S: the pairs of S \X S that   *)
(* every transitive relation on S containing R's pairs in S \X S contains. *)
(* Evaluable for a small S (it quantifies over SUBSET (S \X S)).           *)
(***************************************************************************)
TransitiveClosureOn(R, S) ==
  { p \in S \X S :
      \A U \in SUBSET (S \X S) :
        (R \cap S \X S \subseteq U /\ IsTransitivelyClosedOn(U, S)) => p \in U }

LEMMA TransitiveClosureThm ==
  \A R, S :
    /\ R \cap S \X S \subseteq TransitiveClosureOn(R, S)
    /\ IsTransitivelyClosedOn(TransitiveClosureOn(R, S), S)

LEMMA TransitiveClosureMinimal ==
  ASSUME NEW R, NEW S, NEW U \in SUBSET (S \X S),
         R \cap S \X S \subseteq U,
         IsTransitivelyClosedOn(U,S)
  PROVE  TransitiveClosureOn(R,S) \subseteq U

LEMMA TCTCTC ==
  ASSUME NEW R, NEW S, NEW i \in S, NEW j \in S, NEW k \in S,
         <<i,j>> \in TransitiveClosureOn(R,S),
         <<j,k>> \in TransitiveClosureOn(R,S)
  PROVE  <<i,k>> \in TransitiveClosureOn(R,S)

LEMMA TCRTC ==
  ASSUME NEW R, NEW S, NEW i \in S, NEW j \in S, NEW k \in S,
         <<i,j>> \in TransitiveClosureOn(R,S), <<j,k>> \in R
  PROVE  <<i,k>> \in TransitiveClosureOn(R,S)

LEMMA RTCTC ==
  ASSUME NEW R, NEW S, NEW i \in S, NEW j \in S, NEW k \in S,
         <<i,j>> \in R, <<j,k>> \in TransitiveClosureOn(R,S)
  PROVE  <<i,k>> \in TransitiveClosureOn(R,S)

LEMMA TransitiveClosureChopLast ==
  ASSUME NEW R, NEW S, NEW i \in S, NEW k \in S, <<i,k>> \in TransitiveClosureOn(R,S)
  PROVE  \E j \in S : /\ <<j,k>> \in R
                      /\ i = j \/ <<i,j>> \in TransitiveClosureOn(R,S)

THEOREM TransitiveClosureWF ==
  ASSUME NEW R, NEW S, IsWellFoundedOn(R,S)
  PROVE  IsWellFoundedOn(TransitiveClosureOn(R, S), S)

THEOREM WFInductiveDef ==
  ASSUME NEW Def(_,_), NEW R, NEW S, NEW f,
         IsWellFoundedOn(R, S),
         WFDefOn(R, S, Def),
         OpDefinesFcn(f, S, Def)
  PROVE  WFInductiveDefines(f, S, Def)

THEOREM WFInductiveDefType ==
  ASSUME NEW Def(_,_), NEW f, NEW R, NEW S, NEW T,
         T # {},
         IsWellFoundedOn(R, S),
         WFDefOn(R, S, Def),
         WFInductiveDefines(f, S, Def),
         \A g \in [S -> T], s \in S : Def(g, s) \in T
  PROVE  f \in [S -> T]

----------------------------------------------------------------------------
\* The relation of an operator: the pairs <<a, b>> of S \X S with a \prec b.
OpToRel(_\prec_, S) == {p \in S \X S : p[1] \prec p[2]}

THEOREM NatLessThanWellFounded == IsWellFoundedOn(OpToRel(<,Nat), Nat)

\* Pairs of S ordered by their images under f in R.
PreImage(f(_), S, R) == {p \in S \X S : <<f(p[1]), f(p[2])>> \in R}

THEOREM PreImageWellFounded ==
  ASSUME NEW S, NEW T, NEW R, NEW f(_),
         \A s \in S : f(s) \in T,
         IsWellFoundedOn(R, T)
  PROVE  IsWellFoundedOn(PreImage(f, S, R), S)

\* Lexicographic order on S1 \X S2: first components by R1, ties by R2.
LexPairOrdering(R1, R2, S1, S2) ==
  { p \in (S1 \X S2) \X (S1 \X S2) :
      LET a == p[1]  b == p[2]
      IN  \/ <<a[1], b[1]>> \in R1
          \/ a[1] = b[1] /\ <<a[2], b[2]>> \in R2 }

THEOREM WFLexPairOrdering ==
  ASSUME NEW R1, NEW R2, NEW S1, NEW S2,
         IsWellFoundedOn(R1, S1),
         IsWellFoundedOn(R2, S2)
  PROVE  IsWellFoundedOn(LexPairOrdering(R1, R2, S1, S2), S1 \X S2)

\* Lexicographic order on n-tuples of S: equal up to some j, below by R at j.
LexProductOrdering(R, S, n) ==
  { p \in [1..n -> S] \X [1..n -> S] :
      \E j \in 1..n : /\ \A i \in 1..(j-1) : p[1][i] = p[2][i]
                      /\ <<p[1][j], p[2][j]>> \in R }

THEOREM WFLexProductOrdering ==
  ASSUME NEW R, NEW S, NEW n \in Nat,
         IsWellFoundedOn(R, S)
  PROVE  IsWellFoundedOn(LexProductOrdering(R, S, n), [1..n -> S])
=============================================================================
