------------------------------- MODULE Folds -------------------------------
(***************************************************************************)
(* Folding over a finite set (bundled with rdsib; written from the public  *)
(* documentation of the CommunityModules module of the same name).         *)
(*                                                                         *)
(* MapThenFoldSet(op, base, f, choose, S) picks x == choose(S), folds the  *)
(* rest T == S \ {x} first and combines: op(f(x), fold of T).  So with     *)
(* choose picking the first element of each set, the LAST element is      *)
(* combined with base first.  Evaluated natively (engine/eval/library.ts), *)
(* with the same result as this definition.                                *)
(***************************************************************************)

MapThenFoldSet(op(_,_), base, f(_), choose(_), S) ==
  LET fold[T \in SUBSET S] ==
        IF T = {} THEN base
        ELSE LET x == choose(T)
             IN  op(f(x), fold[T \ {x}])
  IN  fold[S]

=============================================================================
