------------------------------ MODULE Library ------------------------------
(* Bags, FiniteSets and the TLC module: a bag of at most three items.        *)
EXTENDS Naturals, Sequences, FiniteSets, Bags, TLC

ASSUME Print(<<"Library", SortSeq(<<3, 1, 2>>, <)>>, TRUE)
ASSUME SortSeq(<<3, 1, 2>>, >) = <<3, 2, 1>>
ASSUME (1 :> "a" @@ 2 :> "b")[2] = "b"
ASSUME (1 :> "a" @@ 1 :> "z")[1] = "a"
ASSUME DOMAIN (1 :> "a" @@ 2 :> "b") = {1, 2}
ASSUME CopiesIn(2, SetToBag({1, 2}) (+) SetToBag({2})) = 2
ASSUME Cardinality(BagToSet(SetToBag({1, 2}) (+) SetToBag({2}))) = 2
ASSUME Cardinality(Permutations({1, 2, 3})) = 6
ASSUME BagUnion({SetToBag({1}), SetToBag({1, 2})}) = (1 :> 2 @@ 2 :> 1)
ASSUME SetToBag({1, 2}) \sqsubseteq (SetToBag({1, 2}) (+) SetToBag({2}))
ASSUME ~((SetToBag({1, 2}) (+) SetToBag({2})) \sqsubseteq SetToBag({1, 2}))
ASSUME BagOfAll(LAMBDA x : x % 2, SetToBag({1, 2, 3})) = (0 :> 1 @@ 1 :> 2)
ASSUME Cardinality(SubBag(SetToBag({1, 2}))) = 4
ASSUME BagCardinality(EmptyBag) = 0 /\ ~BagIn(1, EmptyBag)
ASSUME IsFiniteSet({1, 2}) /\ RandomElement({7}) = 7 /\ TLCEval(1 + 1) = 2

VARIABLE bag

Init == bag = EmptyBag

Put(i) == BagCardinality(bag) < 3 /\ bag' = bag (+) SetToBag({i})
Take(i) == BagIn(i, bag) /\ bag' = bag (-) SetToBag({i})

Next == \E i \in {1, 2} : Put(i) \/ Take(i)

Bounded == BagCardinality(bag) <= 3 /\ \A i \in BagToSet(bag) : CopiesIn(i, bag) >= 1
BagOK == IsABag(bag)
=============================================================================
