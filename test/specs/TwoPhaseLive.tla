---------------------------- MODULE TwoPhaseLive ----------------------------
(* TwoPhase (4 RMs) with weak fairness on the whole next-state relation:     *)
(* every resource manager eventually ends committed or aborted. Liveness    *)
(* over the full 1568-state graph.                                          *)
EXTENDS TwoPhase

FairSpec == Init /\ [][Next]_vars /\ WF_vars(Next)

AllDecided == <>(\A r \in RM : rmState[r] \in {"committed", "aborted"})
=============================================================================
