---- MODULE Comments ---- (* a comment on the header line *)
EXTENDS (* between *) Naturals \* after
VARIABLE (* before the name *) x
Op (* name *) (a (* param *)) (* before == *) == (* after == *) a + (* inside *) 1
Init == x (* mid *) = (* mid *) 0
T == <<1, (* in a tuple *) 2>>
R == [r (* field *) |-> 1, s |-> (* value *) 2]
E == [R EXCEPT (* except *) !.r = (* new *) @ + 1]
Q == \A i (* bound *) \in (* set *) {1} (* before colon *) : (* after *) i = 1
C == CASE (* arm *) TRUE -> 1 [] (* other *) OTHER -> 2
I == IF (* c *) TRUE (* t *) THEN (* t *) 1 (* e *) ELSE (* e *) 2
Next == x' = (x + 1) % 2 (* trailing
  multi-line
  comment *)
(******************************************************************)
(* A boxed comment (* with a nested one *) and "a string"         *)
(******************************************************************)
Inv == /\ Op(1) = 2 \* a comment
       (* a block comment between bullets *)
       /\ T[2] = 2 /\ E.r = 2 /\ Q /\ C = 1 /\ I = 1
============================================================== (* after end *)
