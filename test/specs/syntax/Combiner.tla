---- MODULE Combiner ----
EXTENDS Naturals
CONSTANT Combine(_, _)
VARIABLE s
Init == s = 0
Next == s < 6 /\ s' = Combine(s, 2)
====
