-------------------------------- MODULE Misc --------------------------------
(* Odds and ends: an unnamed INSTANCE with substitution, a user-defined     *)
(* infix operator, cfg constants that are nested sets and negative numbers, *)
(* string escapes, nested LET and quantifiers over tuples.                  *)
EXTENDS Integers, Sequences, FiniteSets
CONSTANTS Groups, Offset
VARIABLES c

INSTANCE Counter WITH Limit <- 3

a ++ b == a + b + Offset

ASSUME Groups = {{1, 2}, {3}}
ASSUME UNION Groups = 1..3
ASSUME Offset = -1
ASSUME 1 ++ 2 = 2
ASSUME "a\"b" /= "a\\b" /\ "tab\there" = "tab\there"
ASSUME LET Sq(n) == n * n
           Pairs == {<<x, y>> \in (1..3) \X (1..3) : x < y}
       IN  /\ Cardinality(Pairs) = 3
           /\ \A <<x, y>> \in Pairs : Sq(x) < Sq(y)
ASSUME \A g \in Groups : \E x \in g : x \in 1..3

Spec == Init /\ [][Next]_c

Bounded == InRange /\ c ++ 1 <= 3
=============================================================================
