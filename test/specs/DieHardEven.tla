---------------------------- MODULE DieHardEven ----------------------------
(* The same jugs with even capacities (EXTENDS a module of this folder): every *)
(* reachable amount is even, so 3 gallons can never be measured.              *)
EXTENDS DieHard

NeverThree == small /= 3 /\ big /= 3

AllEven == small % 2 = 0 /\ big % 2 = 0
=============================================================================
