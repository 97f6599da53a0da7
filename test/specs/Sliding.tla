------------------------------ MODULE Sliding ------------------------------
(* A 2 x 4 sliding puzzle: tiles 1..7 and a blank (0) on positions 1..8,    *)
(* row-major. Half of the 8! arrangements are reachable.                    *)
EXTENDS Integers

VARIABLE board

Pos == 1..8
Row(p) == (p - 1) \div 4

Blank == CHOOSE p \in Pos : board[p] = 0

Init == board = <<1, 2, 3, 4, 5, 6, 7, 0>>

Slide(d) == LET b == Blank
                n == b + d
            IN  /\ n \in Pos
                /\ d \in {-1, 1} => Row(n) = Row(b)
                /\ board' = [board EXCEPT ![b] = board[n], ![n] = 0]

Next == \E d \in {-4, -1, 1, 4} : Slide(d)

IsPermutation == {board[p] : p \in Pos} = 0..7
=============================================================================
