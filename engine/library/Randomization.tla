-------------------------- MODULE Randomization ------------------------------
(***************************************************************************)
(* Pseudo-random subsets (bundled with rdsib; written from the public      *)
(* documentation of TLC's standard module of the same name).  TLC computes *)
(* RandomSubset, RandomSetOfSubsets and RandomSubsetSet in Java            *)
(* (tlc2/module/Randomization.java); engine/eval/library-random.ts does    *)
(* the same with its own random numbers, so the sets drawn are not TLC's.  *)
(* The definitions below only say what the results are made of.           *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets

\* k elements of S, drawn at random
RandomSubset(k, S) == CHOOSE T \in SUBSET S : Cardinality(T) = k

\* k draws of a subset of S, each element in with probability n / Cardinality(S)
RandomSetOfSubsets(k, n, S) == CHOOSE T \in SUBSET SUBSET S : Cardinality(T) <= k

\* the same, with the probability given as a string such as "0.5"
RandomSubsetSet(k, prob, S) == CHOOSE T \in SUBSET SUBSET S : Cardinality(T) <= k

\* the sizes of five draws of RandomSetOfSubsets(k, n, S)
TestRandomSetOfSubsets(k, n, S) ==
  [i \in 1..5 |-> Cardinality(RandomSetOfSubsets(k, n, S))]

=============================================================================
