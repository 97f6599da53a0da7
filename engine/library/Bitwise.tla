------------------------------- MODULE Bitwise -------------------------------
(***************************************************************************)
(* Bitwise operators on naturals (bundled with rdsib; written from the     *)
(* public documentation of the CommunityModules module of the same name).  *)
(* TLC overrides the helpers And, Or, Xor and shiftR with Java's int       *)
(* operators; engine/eval/library-core.ts does the same.                   *)
(***************************************************************************)
LOCAL INSTANCE Integers

\* bit n of x and y and the bits above it, while m still has bits
RECURSIVE And(_, _, _, _)
LOCAL And(x, y, n, m) ==
  IF m = 0 THEN 0
  ELSE 2^n * ((x \div 2^n) % 2) * ((y \div 2^n) % 2) + And(x, y, n + 1, m \div 2)

x & y == IF x >= y THEN And(x, y, 0, x) ELSE And(y, x, 0, y)

RECURSIVE Or(_, _, _, _)
LOCAL Or(x, y, n, m) ==
  LET a == (x \div 2^n) % 2
      b == (y \div 2^n) % 2
  IN  IF m = 0 THEN 0
      ELSE 2^n * ((a + b + a * b) % 2) + Or(x, y, n + 1, m \div 2)

x | y == IF x >= y THEN Or(x, y, 0, x) ELSE Or(y, x, 0, y)

RECURSIVE Xor(_, _, _, _)
LOCAL Xor(x, y, n, m) ==
  IF m = 0 THEN 0
  ELSE 2^n * (((x \div 2^n) + (y \div 2^n)) % 2) + Xor(x, y, n + 1, m \div 2)

x ^^ y == IF x >= y THEN Xor(x, y, 0, x) ELSE Xor(y, x, 0, y)

RECURSIVE shiftR(_, _)
shiftR(n, pos) == IF pos = 0 THEN n ELSE shiftR(n \div 2, pos - 1)

=============================================================================
