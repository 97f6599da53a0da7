----------------------------- MODULE AssertFail -----------------------------
EXTENDS Naturals, TLC
VARIABLE x

Init == x = 0

Next == x' = x + 1 /\ Assert(x' < 3, "x reached 3")
=============================================================================
