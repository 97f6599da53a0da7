---------------------------- MODULE Expressions ----------------------------
(* Expression corner cases, each an ASSUME whose truth is worked out by      *)
(* hand: a wrong evaluation makes the check stop with exit 10.               *)
EXTENDS Integers, Sequences, FiniteSets, TLC

RECURSIVE SetSum(_)
SetSum(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \in S : TRUE IN x + SetSum(S \ {x})

g[a \in {1, 2}, b \in {3, 4}] == a * b

Max(S) == CHOOSE m \in S : \A n \in S : n <= m

\* EXCEPT paths apply left to right; the second @ sees the first update.
ASSUME [<<1, 2>> EXCEPT ![1] = 5, ![1] = @ + 1] = <<6, 2>>
ASSUME [[a |-> <<1, 2>>] EXCEPT !.a[2] = @ * 10].a = <<1, 20>>
ASSUME [[a |-> [b |-> 1]] EXCEPT !["a"]["b"] = 7] = [a |-> [b |-> 7]]
ASSUME DOMAIN [a |-> 1, b |-> 2] = {"a", "b"}
ASSUME \h1F = 31 /\ \b101 = 5 /\ \o17 = 15
ASSUME Len("abc") = 3
ASSUME LET f == [<<a, b>> \in {1, 2} \X {3, 4} |-> a + b] IN f[1, 3] = 4 /\ f[<<2, 4>>] = 6
ASSUME g[2, 4] = 8 /\ DOMAIN g = {1, 2} \X {3, 4}
ASSUME (\A x \in {} : FALSE) /\ ~(\E x \in {} : TRUE)
ASSUME (CHOOSE <<a, b>> \in {1, 2} \X {5, 6} : a + b = 7) \in {<<1, 6>>, <<2, 5>>}
ASSUME (CHOOSE <<a, b>> \in {1, 2} \X {5, 6} : a + b = 7) = <<1, 6>>
ASSUME SetSum({1, 2, 3, 4}) = 10
ASSUME {<<x, y>> : x \in 1..2, y \in {"u"}} = {<<1, "u">>, <<2, "u">>}
ASSUME {s \in SUBSET {1, 2, 3} : Cardinality(s) = 2} = {{1, 2}, {1, 3}, {2, 3}}
ASSUME [x \in 1..3 |-> x * x] = <<1, 4, 9>>
ASSUME <<1, 2>> \o <<>> = <<1, 2>> /\ Append(<<>>, <<>>) = <<<<>>>>
ASSUME Max({3, 1, 2}) = 3
ASSUME IF 1 \in {} THEN FALSE ELSE TRUE
ASSUME LET n == 5 IN LET n2 == n * n IN n2 = 25
ASSUME -(3 - 5) = 2 /\ 2 - -1 = 3 /\ 10 % 3 = 1 /\ 2 ^ 0 = 1
ASSUME {1, 2} \X {} = {} /\ SUBSET {} = {{}} /\ UNION {} = {}
ASSUME [{} -> {1}] = {<<>>} /\ Cardinality([{1, 2} -> {}]) = 0
ASSUME \A f \in [{1, 2} -> {3}] : f = <<3, 3>>


VARIABLE x
Init == x = 0
Next == x' = 1 - x
=============================================================================
