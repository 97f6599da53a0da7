------------------------- MODULE Statistics -------------------------
(***************************************************************************)
(* Statistical tests (bundled with rdsib; written from the public          *)
(* documentation of the CommunityModules module of the same name).         *)
(* ChiSquare(expected, actual, alpha) is TRUE iff a chi-square goodness of *)
(* fit test does NOT reject, at significance alpha (a string such as       *)
(* "0.05"), that the counts actual follow the distribution expected (two   *)
(* functions on the same domain).  TLC computes it in Java with Apache     *)
(* commons-math; engine/eval/library-stats.ts computes the same test.      *)
(***************************************************************************)
EXTENDS Naturals

ChiSquare(expected, actual, alpha) == TRUE

=========================================================================
