----------------------------- MODULE Relation ------------------------------
(***************************************************************************)
(* Relations as Boolean-valued functions of two arguments over a set S    *)
(* (bundled with rdsib; written from the public documentation of the      *)
(* CommunityModules module of the same name).                              *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

IsReflexive(R, S) == \A x \in S : R[x, x]

IsIrreflexive(R, S) == \A x \in S : ~R[x, x]

IsSymmetric(R, S) == \A x, y \in S : R[x, y] <=> R[y, x]

IsAsymmetric(R, S) == \A x, y \in S : ~(R[x, y] /\ R[y, x])

IsTransitive(R, S) == \A x, y, z \in S : R[x, y] /\ R[y, z] => R[x, z]

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
