(* Expression torture: every form below is checked by an ASSUME whose value is worked out
   by hand in Exprs.expected.json; a wrong value stops TLC with exit 10. *)
--------------------------- MODULE Exprs ---------------------------
EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC
(* a comment (* nested (* twice *) *) before the constants *)
CONSTANT N   \* a line comment after a declaration
VARIABLE x

\* numbers in every base TLC reads: \b binary, \o octal, \h hex (upper or lower digits)
ASSUME \b1010 = 10 /\ \o17 = 15 /\ \hFF = 255 /\ \hff = 255 /\ \B11 = 3 /\ \O7 = 7 /\ \HA = 10
\* string escapes: \" \\ \n \t are one character each
ASSUME Len("a\"b") = 3 /\ Len("\\") = 1 /\ Len("x\ny\tz") = 5

\* tuple binders in \E, \A, set filters, set maps, CHOOSE, functions
S == {<<1, 2>>, <<2, 1>>, <<3, 3>>}
ASSUME \E <<a, b>> \in S : a > b
ASSUME \A <<a, b>> \in S : a + b >= 3
ASSUME {<<a, b>> \in S : a < b} = {<<1, 2>>}
ASSUME {a + b : <<a, b>> \in S} = {3, 6}
ASSUME (CHOOSE <<a, b>> \in S : a = b) = <<3, 3>>
ASSUME [<<a, b>> \in {1, 2} \X {3} |-> a * b][2, 3] = 6
\* bounded CHOOSE picks the least satisfying element of an enumerated set
ASSUME (CHOOSE i \in {5, 3, 9, 4} : i > 3) = 4

\* EXCEPT with record and function paths, @, and several updates applied in order
r == [a |-> <<[b |-> 1], [b |-> 2]>>, c |-> 0]
ASSUME [r EXCEPT !.a[1].b = @ + 1, !.c = 7].a[1].b = 2
ASSUME [r EXCEPT !.a[1].b = @ + 1, !.c = 7].c = 7
ASSUME [r EXCEPT !["a"][2] = [b |-> @.b * 10]].a[2].b = 20
ASSUME [<<1, 2, 3>> EXCEPT ![2] = 20, ![3] = @ + 30][3] = 33
ASSUME [[i \in 1..2 |-> i] EXCEPT ![1] = 5, ![1] = @ + 1] = <<6, 2>>

\* CASE with OTHER; the first true arm wins
Cls(n) == CASE n < 0 -> "neg" [] n = 0 -> "zero" [] n < 10 -> "small" [] OTHER -> "big"
ASSUME <<Cls(-1), Cls(0), Cls(3), Cls(30)>> = <<"neg", "zero", "small", "big">>

\* nested LET with RECURSIVE, LOCAL definitions, LAMBDA
LOCAL Twice(f(_), v) == f(f(v))
Sum(s) ==
  LET RECURSIVE Go(_)
      Go(t) == IF t = {} THEN 0
               ELSE LET e == CHOOSE y \in t : TRUE
                        Rest == t \ {e}
                    IN  e + Go(Rest)
  IN  Go(s)
ASSUME Sum(1..4) = 10 /\ Twice(LAMBDA v : v * 3, 2) = 18
\* mutually recursive LET operators: both declared RECURSIVE, Ev calls Od before its definition
Parity(n) == LET RECURSIVE Ev(_), Od(_)
                 Ev(k) == IF k = 0 THEN TRUE ELSE Od(k - 1)
                 Od(k) == IF k = 0 THEN FALSE ELSE Ev(k - 1)
             IN  Ev(n)
ASSUME Parity(4) /\ ~Parity(3)
RECURSIVE Fact(_)
Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
ASSUME Fact(5) = 120

\* user-defined infix, prefix and postfix operators
a (+) b == a + b + 1
a ++ b == a * 10 + b
a %% b == a - b
a \prec b == a < b
a ^^ b == a + 2 * b
a ^+ == a + 100
a ^* == a * 2
a ^# == a - 1
ASSUME 1 (+) 2 = 4 /\ 1 ++ 2 = 12 /\ 5 %% 3 = 2 /\ 1 \prec 2 /\ 1 ^^ 2 = 5
ASSUME -5 = 0 - 5 /\ - 5 + 1 = -4 /\ (3)^+ = 103 /\ 4^* = 8 /\ 4^# = 3

\* function sets, records, SUBSET, UNION, DOMAIN, seq ops
ASSUME Cardinality([{1, 2} -> {3, 4, 5}]) = 9
ASSUME Cardinality([f : {1, 2}, g : {3}]) = 2
ASSUME UNION {{1}, {2, 3}} = 1..3 /\ Cardinality(SUBSET (1..3)) = 8
ASSUME DOMAIN [i \in 2..4 |-> 0] = 2..4 /\ Head(Tail(<<1, 2, 3>>)) = 2
ASSUME SubSeq(<<1, 2, 3, 4>>, 2, 3) = <<2, 3>> /\ SelectSeq(<<1, 2, 3, 4>>, LAMBDA e : e % 2 = 0) = <<2, 4>>
ASSUME IF N > 2 THEN TRUE ELSE FALSE
\* prefix - (12-12) binds looser than \div (13-13) and tighter than % (10-11)
ASSUME (-7) \div 2 = -4 /\ -7 \div 2 = -3 /\ -7 % 2 = 1 /\ 2^10 = 1024

(* a multi-line comment
   \* with a line comment inside
   and "a string" inside *)
Init == x = 0
Next == (x < N /\ x' = x + 1) \/ (x = N /\ UNCHANGED x)
Spec == Init /\ [][Next]_x
==========================================================================
\* Modification History
\* Last modified Fri Nov 27 23:30:00 UTC 2026 by rdsib
Text after the end of the module is ignored: x' = (* ' " *)
