--------------------------- MODULE ReadersWriters ---------------------------
(* Readers share, writers exclude. Two independent symmetry sets.           *)
EXTENDS Naturals, FiniteSets, TLC
CONSTANTS Readers, Writers
VARIABLES reading, writing

Init == reading = {} /\ writing = {}

StartRead(r) == writing = {} /\ r \notin reading /\ reading' = reading \cup {r} /\ UNCHANGED writing
EndRead(r) == r \in reading /\ reading' = reading \ {r} /\ UNCHANGED writing
StartWrite(w) == reading = {} /\ writing = {} /\ writing' = {w} /\ UNCHANGED reading
EndWrite(w) == w \in writing /\ writing' = {} /\ UNCHANGED reading

Next == \/ \E r \in Readers : StartRead(r) \/ EndRead(r)
        \/ \E w \in Writers : StartWrite(w) \/ EndWrite(w)

Exclusion == writing /= {} => reading = {}
OneWriter == Cardinality(writing) <= 1

Sym == Permutations(Readers) \cup Permutations(Writers)
=============================================================================
