---------------------------- MODULE VectorClocks -------------------------------
(***************************************************************************)
(* Vector clocks and causal order of logs (bundled with rdsib; written     *)
(* from the public documentation of the CommunityModules module of the     *)
(* same name).  CausalOrder is computed natively, by the algorithm of TLC's *)
(* override (engine/eval/library-clocks.ts).                               *)
(***************************************************************************)
EXTENDS Naturals, Sequences, Functions

LOCAL concurrent(v1, v2) ==
  \E i, j \in DOMAIN v1 : i # j /\ v1[i] < v2[i] /\ v1[j] > v2[j]

\* v1 is below v2 everywhere and strictly below somewhere
LOCAL happenedBefore(v1, v2) ==
  /\ \A i \in DOMAIN v1 : v1[i] <= v2[i]
  /\ \E i \in DOMAIN v1 : v1[i] < v2[i]

\* no entry of the log is causally before an earlier one; clocks are compared on the union of
\* their domains, a missing entry counting as 0
IsCausalOrder(log, clock(_)) ==
  \A i \in 1..Len(log) :
    \A j \in 1..(i - 1) :
      LET Fill(c, D) == [d \in D |-> IF d \in DOMAIN c THEN c[d] ELSE 0]
          D == DOMAIN clock(log[i]) \cup DOMAIN clock(log[j])
          vci == Fill(clock(log[i]), D)
          vcj == Fill(clock(log[j]), D)
      IN  happenedBefore(vcj, vci) \/ concurrent(vcj, vci)

\* the log's entries reordered causally; clock(e) is e's vector clock, node(e) the node that
\* logged it, domain(c) the nodes clock c has entries for
CausalOrder(log, clock(_), node(_), domain(_)) ==
  CHOOSE newlog \in {f \in [1..Len(log) -> Range(log)] : Range(f) = Range(log)} :
    IsCausalOrder(newlog, clock)

===============================================================================
