------------------------------ MODULE RealTime ------------------------------
(***************************************************************************)
(* rdsib's RealTime: the real-time module of Specifying Systems (Lamport,  *)
(* chapter 9), as tlapm's library ships it, so that specs that EXTEND it   *)
(* load.  It declares the clock `now` and defines                          *)
(*   RTBound(A, v, D, E)  once <<A>>_v is enabled, a step of it comes      *)
(*                        within E time units unless it is disabled first, *)
(*                        and no A step comes before D have passed (a      *)
(*                        hidden timer t, hence \EE);                      *)
(*   RTnow(v)             now is a real that only increases, without       *)
(*                        changing v, and grows without bound.             *)
(* TLC can check neither: \EE and the reals are beyond it, and the         *)
(* evaluator refuses them as TLC does.                                     *)
(***************************************************************************)
EXTENDS Reals
VARIABLE now

RTBound(A, v, D, E) ==
  LET TNext(t) == t' = IF <<A>>_v \/ ~(ENABLED <<A>>_v)' THEN 0
                       ELSE t + (now' - now)
      Timer(t) == (t = 0) /\ [][TNext(t)]_<<t, v, now>>
      MaxTime(t) == [](t \leq E)
      MinTime(t) == [][A => t \geq D]_v
  IN  \EE t : Timer(t) /\ MaxTime(t) /\ MinTime(t)
-----------------------------------------------------------------------------
RTnow(v) ==
  LET NowNext == /\ now' \in {r \in Real : r > now}
                 /\ UNCHANGED v
  IN  /\ now \in Real
      /\ [][NowNext]_now
      /\ \A r \in Real : WF_now(NowNext /\ (now' > r))
=============================================================================
