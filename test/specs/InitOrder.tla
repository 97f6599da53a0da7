----------------------------- MODULE InitOrder -----------------------------
(* The order in which TLC enumerates SUBSET S and [D -> R] decides how many *)
(* initial states are generated before the first one violating Inv.        *)
(* SubsetValue.elementsNormalized: by cardinality, then lexicographically;  *)
(* SetOfFcnsValue.Enumerator: an odometer whose last domain element turns   *)
(* fastest.                                                                 *)
EXTENDS Naturals, FiniteSets, TLC
VARIABLES x, y

ASSUME (CHOOSE s \in SUBSET {1, 2, 3} : Cardinality(s) = 2) = {1, 2}
ASSUME (CHOOSE f \in [{1, 2} -> {0, 1}] : f[1] /= f[2]) = (1 :> 0 @@ 2 :> 1)

Init == /\ x \in SUBSET {1, 2, 3}
        /\ y \in [{1, 2} -> {0, 1}]

Next == UNCHANGED <<x, y>>

Inv == ~(Cardinality(x) = 2 /\ y[1] = 1 /\ y[2] = 0)
=============================================================================
