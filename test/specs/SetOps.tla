------------------------------- MODULE SetOps -------------------------------
(* Operators of the standard modules checked through ASSUMEs whose truth is *)
(* worked out by hand (a wrong evaluation makes TLC stop with exit 10), and *)
(* a small machine over the subsets of 1..3.                                *)
EXTENDS Integers, Sequences, FiniteSets, TLC

ASSUME {x * x : x \in -2..2} = {0, 1, 4}
ASSUME {x \in 1..10 : x % 3 = 0} = {3, 6, 9}
ASSUME (-5) % 3 = 1 /\ (-5) \div 3 = -2 /\ -5 \in Int /\ -5 \notin Nat
ASSUME (-7) \div 2 = -4 /\ (-7) % 2 = 1 /\ 7 \div 2 = 3 /\ 2^10 = 1024
ASSUME SelectSeq(<<1, 2, 3, 4>>, LAMBDA x : x % 2 = 0) = <<2, 4>>
ASSUME SubSeq(<<1, 2, 3, 4>>, 2, 3) = <<2, 3>> /\ SubSeq(<<1, 2>>, 2, 1) = <<>>
ASSUME <<1>> \o <<2, 3>> = <<1, 2, 3>> /\ Append(<<1>>, 2) = <<1, 2>>
ASSUME Len(<<>>) = 0 /\ Head(<<5, 6>>) = 5 /\ Tail(<<5, 6>>) = <<6>>
ASSUME <<1, 2>> \in Seq({1, 2}) /\ <<3>> \notin Seq({1, 2})
ASSUME Cardinality(SUBSET {1, 2, 3}) = 8
ASSUME Cardinality([{1, 2} -> {1, 2, 3}]) = 9
ASSUME Cardinality({1, 2} \X {3, 4} \X {5}) = 4
ASSUME Cardinality([a : {1, 2}, b : {3, 4, 5}]) = 6
ASSUME UNION {{1}, {2, 3}, {}} = {1, 2, 3}
ASSUME \A x, y \in {1, 2} : x + y >= 2
ASSUME \E <<a, b>> \in {1, 2} \X {3} : a + b = 5
ASSUME DOMAIN [i \in 1..3 |-> i * 2] = 1..3
ASSUME [r |-> 1, s |-> 2].s = 2
ASSUME [[r |-> 1, s |-> 2] EXCEPT !.r = @ + 10] = [r |-> 11, s |-> 2]
ASSUME [<<1, 2>> EXCEPT ![2] = 7] = <<1, 7>>
ASSUME [r |-> 1] = ("r" :> 1) /\ <<4, 5>> = (1 :> 4 @@ 2 :> 5)
ASSUME (CHOOSE x \in {3, 1, 2} : TRUE) = 1
ASSUME (CHOOSE s \in {{2, 3}, {1}, {4}} : TRUE) = {1}
ASSUME {1, 2} \subseteq 1..2 /\ ~({3} \subseteq 1..2)
ASSUME {1, 2, 3} \ {2} = {1, 3} /\ {1, 2} \cap {2, 3} = {2} /\ {1} \cup {2} = {1, 2}
ASSUME "ab" \o "c" = "abc" /\ ToString(12) = "12"
ASSUME LET F[n \in 0..5] == IF n = 0 THEN 0 ELSE F[n - 1] + n IN F[5] = 15
ASSUME BOOLEAN = {TRUE, FALSE} /\ 3 \in Nat /\ -3 \notin Nat /\ -3 \in Int
ASSUME CASE 1 > 2 -> FALSE [] 2 > 1 -> TRUE
ASSUME (TRUE => FALSE) = FALSE /\ (FALSE <=> FALSE)
ASSUME Cardinality(Permutations({1, 2, 3})) = 6
ASSUME SortSeq(<<2, 3, 1>>, <) = <<1, 2, 3>>

VARIABLE S

Init == S = {}

Next == \/ \E x \in (1..3) \ S : S' = S \cup {x}
        \/ \E x \in S : S' = S \ {x}

Doubled == {y * 2 : y \in S} \subseteq {2, 4, 6}
Small == Cardinality(S) <= 3
=============================================================================
