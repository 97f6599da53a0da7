--------------------- MODULE ActionPropConstrained ---------------------
(* An action property is checked on a step into a state the CONSTRAINT     *)
(* excludes (Worker.addElement runs doNextCheckImplied whatever inModel). *)
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == x' = x + 1

Spec == Init /\ [][Next]_x

Bound == x <= 2
SmallSteps == [][x' <= 2]_x
=============================================================================
