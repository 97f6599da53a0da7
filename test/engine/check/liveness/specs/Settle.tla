------------------------------- MODULE Settle -------------------------------
(* x counts 0 -> 1 -> 2 and then flips between 2 and 3 forever.            *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Inc == x < 2 /\ x' = x + 1
Flip == x \in {2, 3} /\ x' = 5 - x
Next == Inc \/ Flip

Spec == Init /\ [][Next]_x /\ WF_x(Next)

TwoOften == []<>(x = 2)
StaysTwo == <>[](x = 2)
StaysHigh == <>[](x >= 2)
ZeroOften == []<>(x = 0)
\* from some point on every step is a Flip: <>[][A]_v
FlipsOnly == <>[][Flip]_x
\* Inc is taken infinitely often: []<><<A>>_v
IncOften == []<><<Inc>>_x
\* ENABLED inside a temporal formula: eventually Inc is disabled forever
IncDies == <>[](~ENABLED Inc)
\* leads to a stable condition: P ~> []Q
OneThenHigh == (x = 1) ~> [](x >= 2)
OneThenTwo == (x = 1) ~> [](x = 2)
\* stability: once P, always Q
TwoThenHigh == [](x = 2 => [](x >= 2))
TwoThenTwo == [](x = 2 => [](x = 2))
\* the same operators nested differently
NeverFive == []~<>(x = 5)
NotAlwaysLow == <>~[](x < 3)
ZeroOftenNested == <>[]<>(x = 0)
=============================================================================
