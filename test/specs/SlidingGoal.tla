---------------------------- MODULE SlidingGoal ----------------------------
(* The 8-puzzle from a board 20 moves away from solved; NotSolved fails at  *)
(* the first solved board found. The counts at that moment (tens of         *)
(* thousands of states) depend on TLC's exact successor order.              *)
EXTENDS Integers

VARIABLE board

Pos == 1..9
Row(p) == (p - 1) \div 3

Blank == CHOOSE p \in Pos : board[p] = 0

Init == board = <<0, 7, 5, 4, 3, 2, 8, 1, 6>>

Slide(d) == LET b == Blank
                n == b + d
            IN  /\ n \in Pos
                /\ d \in {-1, 1} => Row(n) = Row(b)
                /\ board' = [board EXCEPT ![b] = board[n], ![n] = 0]

Next == \E d \in {-3, -1, 1, 3} : Slide(d)

IsPermutation == {board[p] : p \in Pos} = 0..8
NotSolved == board /= <<1, 2, 3, 4, 5, 6, 7, 8, 0>>
=============================================================================
