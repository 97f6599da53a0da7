------------------------- MODULE ReadersWritersSym -------------------------
(* ReadersWriters reduced by both symmetry sets at once.                    *)
EXTENDS ReadersWriters
=============================================================================
