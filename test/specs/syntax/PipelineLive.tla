---- MODULE PipelineLive ----
(* Pipeline without the deadlock check: the consumer's endless wait is then a
   behaviour in which Termination never holds, even with every process fair. *)
EXTENDS Pipeline
====
