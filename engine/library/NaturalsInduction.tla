------------------------- MODULE NaturalsInduction -------------------------
(***************************************************************************)
(* rdsib's NaturalsInduction: the names of library/NaturalsInduction.tla  *)
(* of the TLA+ Proof System (tlaplus/tlapm), written here so that specs    *)
(* whose proofs EXTEND it load in the model checker.  The theorems state   *)
(* induction over Nat and the well-definedness of functions defined by     *)
(* recursion over Nat or over an interval m..n; TLC never evaluates a      *)
(* theorem, and the proofs live in tlapm's NaturalsInduction_proofs.      *)
(*                                                                         *)
(* The four ...Hypothesis / ...Conclusion operators below are ordinary    *)
(* definitions a spec may use.  The Hypothesis ones CHOOSE over all values *)
(* (an unbounded CHOOSE), which TLC refuses to evaluate, as it refuses the *)
(* original; the Conclusion ones compare f with a function over Nat, which *)
(* TLC can evaluate only for the interval variant.                         *)
(***************************************************************************)
EXTENDS Integers

\* Ordinary and downward induction.
THEOREM NatInduction ==
  ASSUME NEW P(_),
         P(0),
         \A n \in Nat : P(n) => P(n+1)
  PROVE  \A n \in Nat : P(n)

THEOREM DownwardNatInduction ==
  ASSUME NEW P(_), NEW m \in Nat, P(m),
         \A n \in 1 .. m : P(n) => P(n-1)
  PROVE  P(0)

\* Course-of-values induction: every smaller number may be assumed.
THEOREM GeneralNatInduction ==
  ASSUME NEW P(_),
         \A n \in Nat : (\A m \in 0..(n-1) : P(m)) => P(n)
  PROVE  \A n \in Nat : P(n)

\* The least-number principle.
THEOREM SmallestNatural ==
  ASSUME NEW P(_), NEW n \in Nat, P(n)
  PROVE  \E m \in Nat : /\ P(m)
                        /\ \A k \in 0 .. m-1 : ~ P(k)

\* f[n] == Def(f, n) is well defined when Def(f, n) reads f below n only.
THEOREM RecursiveFcnOfNat ==
  ASSUME NEW Def(_,_),
         ASSUME NEW n \in Nat, NEW g, NEW h,
                \A i \in 0..(n-1) : g[i] = h[i]
         PROVE  Def(g, n) = Def(h, n)
  PROVE  LET f[n \in Nat] == Def(f, n)
         IN  f = [n \in Nat |-> Def(f, n)]

(***************************************************************************)
(* Primitive recursion over Nat: f[0] = f0, f[i] = Def(f[i-1], i).         *)
(***************************************************************************)
NatInductiveDefHypothesis(f, f0, Def(_,_)) ==
  f = CHOOSE g : g = [i \in Nat |-> IF i = 0 THEN f0 ELSE Def(g[i-1], i)]

NatInductiveDefConclusion(f, f0, Def(_,_)) ==
  f = [i \in Nat |-> IF i = 0 THEN f0 ELSE Def(f[i-1], i)]

THEOREM NatInductiveDef ==
  ASSUME NEW Def(_,_), NEW f, NEW f0,
         NatInductiveDefHypothesis(f, f0, Def)
  PROVE  NatInductiveDefConclusion(f, f0, Def)

\* The type of a function defined by recursion over Nat.
THEOREM RecursiveFcnOfNatType ==
  ASSUME NEW f, NEW S, NEW Def(_,_), f = [n \in Nat |-> Def(f,n)],
         ASSUME NEW n \in Nat, NEW g, \A i \in 0 .. n-1 : g[i] \in S
         PROVE  Def(g,n) \in S
  PROVE  f \in [Nat -> S]

THEOREM NatInductiveDefType ==
  ASSUME NEW Def(_,_), NEW S, NEW f, NEW f0 \in S,
         NatInductiveDefConclusion(f, f0, Def),
         f0 \in S,
         \A v \in S, n \in Nat \ {0} : Def(v, n) \in S
  PROVE  f \in [Nat -> S]

\* Two functions that satisfy the same recursion are equal.
THEOREM RecursiveFcnOfNatUnique ==
  ASSUME NEW Def(_,_), NEW f, NEW g,
         f = [n \in Nat |-> Def(f,n)],
         g = [n \in Nat |-> Def(g,n)],
         ASSUME NEW n \in Nat, NEW ff, NEW gg,
                \A i \in 0..(n-1) : ff[i] = gg[i]
         PROVE  Def(ff, n) = Def(gg, n)
  PROVE  f = g

THEOREM NatInductiveUnique ==
  ASSUME NEW Def(_,_), NEW f, NEW g, NEW f0,
         NatInductiveDefConclusion(f, f0, Def),
         NatInductiveDefConclusion(g, f0, Def)
  PROVE  f = g

(***************************************************************************)
(* The same over an interval m..n: f[m] = c, f[i] = Def(f[i-1], i).        *)
(***************************************************************************)
FiniteNatInductiveDefHypothesis(f, c, Def(_,_), m, n) ==
  f = CHOOSE g : g = [i \in m..n |-> IF i = m THEN c ELSE Def(g[i-1], i)]

FiniteNatInductiveDefConclusion(f, c, Def(_,_), m, n) ==
  f = [i \in m..n |-> IF i = m THEN c ELSE Def(f[i-1], i)]

THEOREM FiniteNatInductiveDef ==
  ASSUME NEW Def(_,_), NEW f, NEW c, NEW m \in Nat, NEW n \in Nat,
         FiniteNatInductiveDefHypothesis(f, c, Def, m, n)
  PROVE  FiniteNatInductiveDefConclusion(f, c, Def, m, n)

THEOREM FiniteNatInductiveDefType ==
  ASSUME NEW S, NEW Def(_,_), NEW f, NEW c \in S, NEW m \in Nat, NEW n \in Nat,
         FiniteNatInductiveDefConclusion(f, c, Def, m, n),
         \A v \in S, i \in (m+1) .. n : Def(v,i) \in S
  PROVE  f \in [m..n -> S]

THEOREM FiniteNatInductiveUnique ==
  ASSUME NEW Def(_,_), NEW f, NEW g, NEW c, NEW m \in Nat, NEW n \in Nat,
         FiniteNatInductiveDefConclusion(f, c, Def, m, n),
         FiniteNatInductiveDefConclusion(g, c, Def, m, n)
  PROVE  f = g
=============================================================================
