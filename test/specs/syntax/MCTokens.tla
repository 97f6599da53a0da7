---- MODULE MCTokens ----
EXTENDS Tokens, TLC

\* MV CONSTANT declarations@modelParameterConstants
CONSTANTS
p1, p2
----

\* MV CONSTANT definitions Procs
const_1732748400123002 == 
{p1, p2}
----

\* SYMMETRY definition
symm_1732748400123003 == 
Permutations(const_1732748400123002)
----

\* CONSTANT definitions @modelParameterConstants:1N
const_1732748400123004 == 
3
----

\* INIT definition @modelBehaviorInit:0
init_1732748400123005 ==
Init
----
\* NEXT definition @modelBehaviorNext:0
next_1732748400123006 ==
Next
----
\* INVARIANT definition @modelCorrectnessInvariants:0
inv_1732748400123007 ==
TypeOK
----
\* PROPERTY definition @modelCorrectnessProperties:0
prop_1732748400123008 ==
[][count' >= count]_vars
----
=============================================================================
\* Modification History
\* Created Fri Nov 27 23:00:00 UTC 2026 by rdsib
