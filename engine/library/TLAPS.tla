------------------------------ MODULE TLAPS ------------------------------
(***************************************************************************)
(* rdsib's own TLAPS module, so that specs with proofs that EXTEND TLAPS   *)
(* can be model checked.  The TLA+ Proof System reads these names as       *)
(* backend pragmas (which prover to call, with which tactic or timeout);   *)
(* TLC only needs them defined: each is TRUE.  The names and arities are   *)
(* those of library/TLAPS.tla in tlaplus/tlapm (current and older          *)
(* releases); the definitions below are written here.                      *)
(***************************************************************************)

\* SMT solvers; the T variants take a timeout (or an "rN" resource budget).
SimpleArithmetic == TRUE
SMT == TRUE
SMTT(timeout) == TRUE
CVC3 == TRUE
CVC3T(timeout) == TRUE
CVC4 == TRUE
CVC4T(timeout) == TRUE
Yices == TRUE
YicesT(timeout) == TRUE
veriT == TRUE
veriTT(timeout) == TRUE
Zipper == TRUE
ZipperT(timeout) == TRUE
Z3 == TRUE
Z3T(timeout) == TRUE
Spass == TRUE
SpassT(timeout) == TRUE

\* Propositional temporal logic (the LS4 decision procedure).
LS4 == TRUE
LS4T(timeout) == TRUE
PTL == TRUE

\* Zenon, and the Isabelle backend with a timeout and/or a tactic.
Zenon == TRUE
ZenonT(timeout) == TRUE
Isa == TRUE
IsaT(timeout) == TRUE
IsaM(tactic) == TRUE
IsaMT(tactic, timeout) == TRUE
IsaWithSetExtensionality == TRUE

\* Two facts of set theory that provers sometimes need to be told.
THEOREM SetExtensionality == \A S, T : (\A x : x \in S <=> x \in T) => S = T
OBVIOUS

THEOREM NoSetContainsEverything == \A S : \E x : x \notin S
OBVIOUS

\* Older pragma names, kept by TLAPS for compatibility.
SlowZenon == TRUE
SlowerZenon == TRUE
VerySlowZenon == TRUE
SlowestZenon == TRUE
Auto == TRUE
SlowAuto == TRUE
SlowerAuto == TRUE
SlowestAuto == TRUE
Force == TRUE
SlowForce == TRUE
SlowerForce == TRUE
SlowestForce == TRUE
SimplifyAndSolve == TRUE
SlowSimplifyAndSolve == TRUE
SlowerSimplifyAndSolve == TRUE
SlowestSimplifyAndSolve == TRUE
Simplification == TRUE
SlowSimplification == TRUE
SlowerSimplification == TRUE
SlowestSimplification == TRUE
Blast == TRUE
SlowBlast == TRUE
SlowerBlast == TRUE
SlowestBlast == TRUE
AutoBlast == TRUE

\* Several backends tried in turn.
AllProvers == TRUE
AllProversT(timeout) == TRUE
AllSMT == TRUE
AllSMTT(timeout) == TRUE
AllIsa == TRUE
AllIsaT(timeout) == TRUE

\* Pragmas of the ENABLED / \cdot expansion in recent TLAPS releases.
ExpandENABLED == TRUE
ExpandCdot == TRUE
AutoUSE == TRUE
Lambdify == TRUE
ENABLEDaxioms == TRUE
LevelComparison == TRUE
EnabledWrapper(Op(_)) == FALSE
CdotWrapper(Op(_)) == FALSE
Trivial == TRUE

(***************************************************************************)
(* The proof rules of "The Temporal Logic of Actions" (Lamport, 1994) that *)
(* older TLAPS releases named here.  TLC never evaluates a theorem; they   *)
(* are stated so that specs citing them by name still load.                *)
(***************************************************************************)
THEOREM RuleTLA1 ==
  ASSUME STATE P, STATE f, P /\ (f' = f) => P'
  PROVE  []P <=> P /\ [][P => P']_f

THEOREM RuleTLA2 ==
  ASSUME STATE P, STATE Q, STATE f, STATE g, ACTION A, ACTION B,
         P /\ [A]_f => Q /\ [B]_g
  PROVE  []P /\ [][A]_f => []Q /\ [][B]_g

THEOREM RuleINV1 ==
  ASSUME STATE I, STATE F, ACTION N, I /\ [N]_F => I'
  PROVE  I /\ [][N]_F => []I

THEOREM RuleINV2 ==
  ASSUME STATE I, STATE f, ACTION N
  PROVE  []I => ([][N]_f <=> [][N /\ I /\ I']_f)

THEOREM RuleWF1 ==
  ASSUME STATE P, STATE Q, STATE f, ACTION N, ACTION A,
         P /\ [N]_f => (P' \/ Q'),
         P /\ <<N /\ A>>_f => Q',
         P => ENABLED <<A>>_f
  PROVE  [][N]_f /\ WF_f(A) => (P ~> Q)

THEOREM RuleSF1 ==
  ASSUME STATE P, STATE Q, STATE f, ACTION N, ACTION A, TEMPORAL F,
         P /\ [N]_f => (P' \/ Q'),
         P /\ <<N /\ A>>_f => Q',
         []P /\ [][N]_f /\ []F => <>ENABLED <<A>>_f
  PROVE  [][N]_f /\ SF_f(A) /\ []F => (P ~> Q)

THEOREM RuleInvImplication ==
  ASSUME STATE F, STATE G, F => G
  PROVE  []F => []G
PROOF OMITTED

THEOREM RuleStepSimulation ==
  ASSUME STATE I, STATE f, STATE g, ACTION M, ACTION N,
         I /\ I' /\ [M]_f => [N]_g
  PROVE  []I /\ [][M]_f => [][N]_g
PROOF OMITTED

PropositionalTemporalLogic == TRUE
==========================================================================
