------------------------------- MODULE Tokens -------------------------------
(* The spec a Toolbox model (MCTokens.tla/.cfg) is generated for: a token    *)
(* passed between processes N times.                                          *)
EXTENDS Naturals
CONSTANTS Procs, N
VARIABLES holder, count
vars == <<holder, count>>

TypeOK == holder \in Procs /\ count \in 0..N
Init == holder \in Procs /\ count = 0
Pass == /\ count < N
        /\ \E q \in Procs \ {holder} : holder' = q
        /\ count' = count + 1
Rest == count = N /\ UNCHANGED vars
Next == Pass \/ Rest
=============================================================================
