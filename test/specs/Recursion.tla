----------------------------- MODULE Recursion -----------------------------
(* RECURSIVE operators, a recursive function, higher-order operators and    *)
(* LAMBDA. The invariant fails first at <<2, 2, 2, 2>>.                      *)
EXTENDS Naturals, Sequences

RECURSIVE Sum(_)
Sum(s) == IF s = <<>> THEN 0 ELSE Head(s) + Sum(Tail(s))

fact[n \in Nat] == IF n = 0 THEN 1 ELSE n * fact[n - 1]

Twice(F(_), v) == F(F(v))
Map(s, F(_)) == [i \in 1..Len(s) |-> F(s[i])]
Fold(s, F(_, _), init) ==
  LET RECURSIVE Go(_, _)
      Go(t, acc) == IF t = <<>> THEN acc ELSE Go(Tail(t), F(acc, Head(t)))
  IN  Go(s, init)

ASSUME Sum(<<1, 2, 3>>) = 6
ASSUME fact[5] = 120
ASSUME Twice(LAMBDA v : v * 2, 3) = 12
ASSUME Fold(<<1, 2, 3>>, LAMBDA a, b : a * 10 + b, 0) = 123

\* Recursion a few hundred levels deep, as specs summing over 1..N do.
RECURSIVE Count(_)
Count(n) == IF n = 0 THEN 0 ELSE 1 + Count(n - 1)
ASSUME Count(500) = 500
ASSUME LET g[n \in Nat] == IF n = 0 THEN 0 ELSE 1 + g[n - 1] IN g[500] = 500

VARIABLE s

Init == s = <<>>

Next == Len(s) < 4 /\ \E v \in {1, 2} : s' = Append(s, v)

SumBelowEight == Sum(Map(s, LAMBDA v : v)) < 8
SmallFactorial == fact[Len(s)] <= 24
FoldAgrees == Fold(s, LAMBDA a, b : a + b, 0) = Sum(s)
=============================================================================
