---------------------------- MODULE SlidingNine ----------------------------
(* The 8-puzzle: 3 x 3 board, tiles 1..8 and a blank (0), row-major.        *)
(* 9!/2 = 181440 reachable boards: the corpus' largest state space.         *)
EXTENDS Integers

VARIABLE board

Pos == 1..9
Row(p) == (p - 1) \div 3

Blank == CHOOSE p \in Pos : board[p] = 0

Init == board = <<1, 2, 3, 4, 5, 6, 7, 8, 0>>

Slide(d) == LET b == Blank
                n == b + d
            IN  /\ n \in Pos
                /\ d \in {-1, 1} => Row(n) = Row(b)
                /\ board' = [board EXCEPT ![b] = board[n], ![n] = 0]

Next == \E d \in {-3, -1, 1, 3} : Slide(d)

IsPermutation == {board[p] : p \in Pos} = 0..8
=============================================================================
