---- MODULE InstanceLambda ----
(* A CONSTANT operator Combine(_, _) of Combiner.tla substituted by a LAMBDA through INSTANCE
   WITH; ENABLED <<A>>_v in an invariant; []<>, <>[] and ~> under WF_t. *)
EXTENDS Naturals
VARIABLE t
P == INSTANCE Combiner WITH Combine <- LAMBDA a, b : a + b, s <- t
Init == P!Init
Next == P!Next \/ (t >= 6 /\ UNCHANGED t)
Live == ENABLED <<P!Next>>_t \/ t >= 6
Prop == []<>(t = 6) /\ <>[](t = 6) /\ (t = 0 ~> t = 6)
Spec == Init /\ [][Next]_t /\ WF_t(P!Next)
====
