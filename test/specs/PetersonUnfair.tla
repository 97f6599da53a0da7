--------------------------- MODULE PetersonUnfair ---------------------------
(* Peterson without fairness: a process that has asked may wait forever,    *)
(* because nothing forces anyone to move.                                   *)
EXTENDS Peterson

UnfairSpec == Init /\ [][Next]_vars
=============================================================================
