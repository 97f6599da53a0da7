----------------------------- MODULE Relation ------------------------------
(***************************************************************************)
(* Relations as Boolean-valued functions of two arguments over a set S    *)
(* (bundled with rdsib; written from the public documentation of the      *)
(* CommunityModules module of the same name).                              *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

\* Each property comes for a relation given as a function R (R[x, y]) and, with
\* the suffix Under, for one given as an operator op (op(x, y)).

IsReflexive(R, S) == \A x \in S : R[x, x]
IsReflexiveUnder(op(_,_), S) == \A x \in S : op(x, x)

IsIrreflexive(R, S) == \A x \in S : ~R[x, x]
IsIrreflexiveUnder(op(_,_), S) == \A x \in S : ~op(x, x)

IsSymmetric(R, S) == \A x, y \in S : R[x, y] <=> R[y, x]
IsSymmetricUnder(op(_,_), S) == \A x, y \in S : op(x, y) <=> op(y, x)

IsAntiSymmetric(R, S) == \A x, y \in S : R[x, y] /\ R[y, x] => x = y
IsAntiSymmetricUnder(op(_,_), S) == \A x, y \in S : op(x, y) /\ op(y, x) => x = y

IsAsymmetric(R, S) == \A x, y \in S : ~(R[x, y] /\ R[y, x])
IsAsymmetricUnder(op(_,_), S) == \A x, y \in S : ~(op(x, y) /\ op(y, x))

IsTransitive(R, S) == \A x, y, z \in S : R[x, y] /\ R[y, z] => R[x, z]
IsTransitiveUnder(op(_,_), S) == \A x, y, z \in S : op(x, y) /\ op(y, z) => op(x, z)

\* orders: strict (irreflexive, transitive) or weak (reflexive, antisymmetric,
\* transitive), partial or total (any two distinct elements comparable)
IsStrictlyPartiallyOrdered(R, S) == IsIrreflexive(R, S) /\ IsTransitive(R, S)
IsStrictlyPartiallyOrderedUnder(op(_,_), S) ==
  IsIrreflexiveUnder(op, S) /\ IsTransitiveUnder(op, S)

IsPartiallyOrdered(R, S) ==
  IsReflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)
IsPartiallyOrderedUnder(op(_,_), S) ==
  IsReflexiveUnder(op, S) /\ IsAntiSymmetricUnder(op, S) /\ IsTransitiveUnder(op, S)

IsStrictlyTotallyOrdered(R, S) ==
  IsStrictlyPartiallyOrdered(R, S) /\ \A x, y \in S : x # y => R[x, y] \/ R[y, x]
IsStrictlyTotallyOrderedUnder(op(_,_), S) ==
  IsStrictlyPartiallyOrderedUnder(op, S) /\ \A x, y \in S : x # y => op(x, y) \/ op(y, x)

IsTotallyOrdered(R, S) ==
  IsPartiallyOrdered(R, S) /\ \A x, y \in S : R[x, y] \/ R[y, x]
IsTotallyOrderedUnder(op(_,_), S) ==
  IsPartiallyOrderedUnder(op, S) /\ \A x, y \in S : op(x, y) \/ op(y, x)

\* Paths of length up to 2^n after n squarings; Cardinality(S) squarings suffice.
TransitiveClosure(R, S) ==
  LET N == Cardinality(S)
      tc[n \in Nat] ==
        [x, y \in S |-> IF n = 0 THEN R[x, y]
                        ELSE \/ tc[n - 1][x, y]
                             \/ \E z \in S : tc[n - 1][x, z] /\ tc[n - 1][z, y]]
  IN  tc[N]

ReflexiveTransitiveClosure(R, S) ==
  LET tc == TransitiveClosure(R, S)
  IN  [x, y \in S |-> x = y \/ tc[x, y]]

=============================================================================
