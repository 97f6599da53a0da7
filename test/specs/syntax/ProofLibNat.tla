----------------------------- MODULE ProofLibNat -----------------------------
(* A spec that EXTENDS tlapm's NaturalsInduction (bundled in engine/library): its state is a
   table of factorials built one entry per step, its invariant is the module's
   FiniteNatInductiveDefConclusion, and its proof cites the module's theorems. *)
EXTENDS Naturals, NaturalsInduction, TLAPS

CONSTANT N
ASSUME NType == N \in Nat

VARIABLES n, f
vars == <<n, f>>

\* f[i] = i! for i in 0..n, built from the recursion f[i] = i * f[i-1].
StepDef(v, i) == i * v
fact[i \in 0..N] == IF i = 0 THEN 1 ELSE StepDef(fact[i-1], i)

Init == n = 0 /\ f = [i \in 0..0 |-> 1]
Grow == /\ n < N
        /\ n' = n + 1
        /\ f' = [i \in 0..n+1 |-> IF i <= n THEN f[i] ELSE StepDef(f[n], i)]
Done == n = N /\ UNCHANGED vars
Next == Grow \/ Done
Spec == Init /\ [][Next]_vars

TypeOK == n \in 0..N /\ f \in [0..n -> Nat]
IsFactorialTable == FiniteNatInductiveDefConclusion(f, 1, StepDef, 0, n)
AgreesWithFact == \A i \in 0..n : f[i] = fact[i]

THEOREM FactIsDefined == FiniteNatInductiveDefConclusion(fact, 1, StepDef, 0, N)
<1>1. FiniteNatInductiveDefHypothesis(fact, 1, StepDef, 0, N)
  BY DEF FiniteNatInductiveDefHypothesis, fact
<1>2. QED
  BY <1>1, NType, FiniteNatInductiveDef

THEOREM FactType == fact \in [0..N -> Nat]
  BY FactIsDefined, NType, FiniteNatInductiveDefType, Isa DEF StepDef

THEOREM TableInv == Spec => []IsFactorialTable
<1>1. Init => IsFactorialTable
  BY DEF Init, IsFactorialTable, FiniteNatInductiveDefConclusion
<1>2. IsFactorialTable /\ [Next]_vars => IsFactorialTable'
  BY NatInduction, GeneralNatInduction DEF IsFactorialTable, Next, Grow, Done, vars
<1>. QED  BY <1>1, <1>2, PTL DEF Spec
==============================================================================
