------------------------------ MODULE Toolbox ------------------------------
(***************************************************************************)
(* rdsib's Toolbox: the module of TLC's standard library that the TLA+     *)
(* Toolbox's trace explorer EXTENDS in the specs it generates (TE...tla    *)
(* next to a model), written here from tla2sany/StandardModules/Toolbox.tla *)
(* in tlaplus/tlaplus.  It exports two names:                              *)
(*   _TETrace     the explored trace, declared as some function from the   *)
(*                positive naturals to strings: a CHOOSE over              *)
(*                [Nat \ {0} -> STRING], which TLC cannot enumerate; the   *)
(*                generated spec overrides it with the actual trace.       *)
(*   _TEPosition  the position in that trace during trace exploration:     *)
(*                TLCGet("level"), but 1 in the initial state (level 0)    *)
(*                and never beyond the trace's length.                     *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

_TETrace == CHOOSE f \in [(Nat \ {0}) -> STRING] : TRUE

LOCAL _TETraceLength == Cardinality(DOMAIN _TETrace)

\* Reads _TETrace first: usable only where the generated spec overrides _TETrace.
_TEPosition ==
  IF TLCGet("level") >= _TETraceLength THEN _TETraceLength
  ELSE IF TLCGet("level") = 0 THEN 1
  ELSE TLCGet("level")
=============================================================================
