(***************************************************************************)
(* Several modules in one file, module separators of any length, LOCAL     *)
(* INSTANCE and LOCAL definitions, INSTANCE WITH substitutions, fairness    *)
(* over tuples, <<A>>_v, \cdot and SF_.                                    *)
(***************************************************************************)
---- MODULE Modules ----
EXTENDS Naturals
LOCAL INSTANCE Sequences
LOCAL Double(n) == 2 * n
CONSTANT Max
VARIABLES x, y
--------
vars == <<x, y>>
----------------------------------------------------------------------------------------------------
---- MODULE Counter ----
\* a nested module: visible to the rest of Modules once it is closed
LOCAL INSTANCE Naturals
VARIABLE c
CONSTANT Lim
Step == c < Lim /\ c' = c + 1
====
C1 == INSTANCE Counter WITH c <- x, Lim <- Max
C2(v) == INSTANCE Counter WITH c <- v, Lim <- Double(1)
Init == x = 0 /\ y = 0
IncX == C1!Step /\ UNCHANGED y
IncY == C2(y)!Step /\ UNCHANGED x
\* \cdot composes two steps into one; SANY accepts it, TLC refuses to evaluate it
\* ("does not support action composition"), so it is defined and never used
Both == IncX \cdot IncY
Reset == x = Max /\ y = 2 /\ x' = 0 /\ y' = 0
Next == IncX \/ IncY \/ Reset
Spec == Init /\ [][Next]_vars /\ WF_<<x, y>>(IncX) /\ SF_vars(IncY)
Done == <>(x = Max /\ y = 2)
Moves == [][<<IncX \/ IncY>>_vars => x' + y' = x + y + 1]_vars
ASSUME Len(<<1, 2>>) = 2
=================================
---- MODULE Another ----
\* a later module in the same file: ignored when checking Modules
Foo == 1
====
