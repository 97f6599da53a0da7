-------------------------- MODULE DyadicRationals ---------------------------
(***************************************************************************)
(* Dyadic rationals num/den, den a power of two, as records                *)
(* [num |-> n, den |-> d] (bundled with rdsib; written from the public     *)
(* documentation of the CommunityModules module of the same name).  TLC    *)
(* overrides Reduce with a gcd computation (so Reduce of a zero numerator  *)
(* is 0/1); engine/eval/library-core.ts does the same.                     *)
(***************************************************************************)
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSetsExt
LOCAL INSTANCE TLC

LOCAL Divides(p, q) == \E d \in 1..q : q = p * d

LOCAL Divisors(q) == {d \in 1..q : Divides(d, q)}

LOCAL GCD(n, m) == Max(Divisors(n) \cap Divisors(m))

------------------------------------------------------------------------------

LOCAL Rational(num, den) == [num |-> num, den |-> den]

LOCAL Reduce(p) ==
  LET g == GCD(p.num, p.den)
  IN  IF g = 1 THEN p ELSE Rational(p.num \div g, p.den \div g)

IsDyadicRational(r) == \E i \in 0..r.den : 2^i = r.den

Zero == Rational(0, 1)

One == Rational(1, 1)

\* denominators are powers of two: the larger one is the least common multiple
Add(p, q) ==
  IF p = Zero THEN q ELSE
  LET l == Max({p.den, q.den})
      qq == Rational(q.num * (l \div q.den), q.den * (l \div q.den))
      pp == Rational(p.num * (l \div p.den), p.den * (l \div p.den))
  IN  Reduce(Rational(qq.num + pp.num, l))

Half(p) == Reduce(Rational(p.num, p.den * 2))

PrettyPrint(p) ==
  IF p = Zero THEN "0" ELSE
  IF p = One THEN "1" ELSE
  ToString(p.num) \o "/" \o ToString(p.den)

===============================================================================
