---- MODULE PlusCallsLost ----
(* The translated algorithm of PlusCalls can lose an update: both processes read
   total before either writes it back. *)
EXTENDS PlusCalls
NoLostUpdate == (\A self \in ProcSet : pc[self] = "Done") => total = 3
====
