--------------------------- MODULE FiniteSetsExt ---------------------------
(***************************************************************************)
(* More operators on finite sets (bundled with rdsib; written from the     *)
(* public documentation of the CommunityModules module of the same name).  *)
(* FoldSet, Quantify, kSubset, Max and Min are evaluated natively          *)
(* (engine/eval/library.ts) as TLC's Java overrides evaluate them: FoldSet *)
(* combines the elements in TLC's enumeration order starting from base,    *)
(* op(last, ... op(first, base)).                                          *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE Functions
LOCAL INSTANCE Folds

FoldSet(op(_,_), base, set) ==
  MapThenFoldSet(op, base, LAMBDA x : x, LAMBDA T : CHOOSE x \in T : TRUE, set)

Sum(set) == FoldSet(+, 0, set)

Product(set) == FoldSet(LAMBDA x, y : x * y, 1, set)

\* Kept with the argument order of the module it mirrors: the set is passed
\* as FoldSet's base and acc as the set.
ReduceSet(op(_,_), set, acc) == FoldSet(op, set, acc)

FlattenSet(S) == FoldSet(LAMBDA x, y : x \cup y, {}, S)

SymDiff(A, B) == (A \ B) \cup (B \ A)

-----------------------------------------------------------------------------

Quantify(S, P(_)) == Cardinality({s \in S : P(s)})

kSubset(k, S) == {s \in SUBSET S : Cardinality(s) = k}

Max(S) == CHOOSE x \in S : \A y \in S : x >= y
Min(S) == CHOOSE x \in S : \A y \in S : x =< y

-----------------------------------------------------------------------------

Choices(Sets) ==
  LET ChoiceFunction(Ts) == {f \in [Ts -> UNION Ts] : \A T \in Ts : f[T] \in T}
  IN  {Range(f) : f \in ChoiceFunction(Sets)}

ChooseUnique(S, P(_)) == CHOOSE x \in S : P(x) /\ \A y \in S : P(y) => y = x

=============================================================================
