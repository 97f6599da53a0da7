// Natives of the bundled SequencesExt module, with the results of TLC's Java overrides
// (CommunityModules tlc2/overrides/SequencesExt.java). SetToSeq is the one whose result differs
// from the TLA+ definition (TLC lists the set in its normalised order, the definition would
// CHOOSE the first injective function of [1..n -> S]); the folds differ in cost only, and the
// string cases of IsPrefix / ReplaceFirstSubSeq / ReplaceAllSubSeqs / LongestCommonPrefix are
// what the overrides add for strings, which TLC's Sequences operators treat as sequences.
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import * as V from './v.js';
import { type NativeTable, argError, boolResult, higherImpl, intArg, isFcn, seqArg, setArg, strictImpl } from './library.js';

const M = 'SequencesExt';

/** SequencesExt.SetToSeqs: every ordering of the set (TLC.Permutations' enumeration, as tuples). */
function allOrders(xs: readonly Value[]): Value[] {
  const out: Value[] = [];
  const used = new Array<boolean>(xs.length).fill(false);
  const cur: Value[] = [];
  const go = (): void => {
    if (cur.length === xs.length) {
      out.push(V.tuple(cur.slice()));
      return;
    }
    xs.forEach((x, i) => {
      if (used[i]) return;
      used[i] = true;
      cur.push(x);
      go();
      cur.pop();
      used[i] = false;
    });
  };
  go();
  return out;
}

function indexOfSub(t: readonly Value[], s: readonly Value[], from: number): number {
  outer: for (let i = from; i + s.length <= t.length; i++) {
    for (let j = 0; j < s.length; j++) if (!V.equals(t[i + j]!, s[j]!)) continue outer;
    return i;
  }
  return -1;
}

export function registerSequencesExt(t: NativeTable): void {
  t.add(M, 'SetToSeq', 1, strictImpl('SetToSeq', ([S]) => V.tuple(setArg('SetToSeq', 0, 1, S!))));
  t.add(M, 'SetToSeqs', 1, strictImpl('SetToSeqs', ([S]) => V.setOf(allOrders(setArg('SetToSeqs', 0, 1, S!)))));
  t.add(M, 'Contains', 2, strictImpl('Contains', ([s, e]) => V.bool(seqArg('Contains', 0, 2, s!).some((x) => V.equals(x, e!)))));

  // folds: FoldSeq is FoldFunction (op(s[n], ... op(s[1], base))); FoldLeft / FoldRight as named
  // SequencesExt.foldSeq is Functions.foldFunction (its errors name FoldFunction)
  t.add(M, 'FoldSeq', 3, higherImpl([0], ([, base, s], [op], call) => {
    if (!isFcn(s!)) throw argError('FoldFunction', 2, 3, 'a function', s!);
    const dom = V.elements(V.domainOf(s!));
    return dom.reduce((acc, i) => call(op!, V.apply(s!, i), acc), base!);
  }));
  t.add(M, 'FoldLeft', 3, higherImpl([0], ([, base, s], [op], call) =>
    seqArg('FoldLeft', 2, 3, s!).reduce((acc, x) => call(op!, acc, x), base!)));
  t.add(M, 'FoldRight', 3, higherImpl([0], ([, s, base], [op], call) =>
    seqArg('FoldRight', 1, 3, s!).reduceRight((acc, x) => call(op!, x, acc), base!)));
  t.add(M, 'FoldLeftDomain', 3, higherImpl([0], ([, base, s], [op], call) =>
    seqArg('FoldLeftDomain', 2, 3, s!).reduce((acc, _x, i) => call(op!, acc, V.int(i + 1)), base!)));
  t.add(M, 'FoldRightDomain', 3, higherImpl([0], ([, s, base], [op], call) =>
    seqArg('FoldRightDomain', 1, 3, s!).reduceRight((acc, _x, i) => call(op!, V.int(i + 1), acc), base!)));

  t.add(M, 'IsPrefix', 2, strictImpl('IsPrefix', ([s, u]) => {
    if (s!.kind === 'str' && u!.kind === 'str') return V.bool(u!.s.startsWith(s!.s));
    const a = seqArg('IsPrefix', 0, 2, s!);
    const b = seqArg('IsPrefix', 1, 2, u!);
    return V.bool(a.length <= b.length && a.every((x, i) => V.equals(x, b[i]!)));
  }));

  // SelectInSeq & co.: the first (last) index whose element passes the test, 0 if none
  const select = (name: string, arity: number, last: boolean) =>
    higherImpl([arity - 1], (vs, fs, call) => {
      const xs = seqArg(name, 0, arity, vs[0]!);
      let lo = 1;
      let hi = xs.length;
      if (arity === 4) {
        lo = intArg(name, 1, 4, vs[1]!);
        hi = intArg(name, 2, 4, vs[2]!);
        if (lo > hi) return V.int(0);
        if (lo < 1 || lo > xs.length) throw new EvalError(`The second argument of ${name} should be in the domain of its first argument ${V.show(vs[0]!)}, but instead it is ${lo}`);
        if (hi < 1 || hi > xs.length) throw new EvalError(`The third argument of ${name} should be in the domain of its first argument ${V.show(vs[0]!)}, but instead it is ${hi}`);
      }
      const test = fs[arity - 1]!;
      for (let k = 0; k <= hi - lo; k++) {
        const i = last ? hi - k : lo + k;
        if (boolResult(name, arity - 1, arity, call(test, xs[i - 1]!), test)) return V.int(i);
      }
      return V.int(0);
    });
  t.add(M, 'SelectInSeq', 2, select('SelectInSeq', 2, false));
  t.add(M, 'SelectLastInSeq', 2, select('SelectLastInSeq', 2, true));
  t.add(M, 'SelectInSubSeq', 4, select('SelectInSubSeq', 4, false));
  t.add(M, 'SelectLastInSubSeq', 4, select('SelectLastInSubSeq', 4, true));

  t.add(M, 'RemoveFirst', 2, strictImpl('RemoveFirst', ([s, e]) => {
    const xs = seqArg('RemoveFirst', 0, 2, s!);
    const i = xs.findIndex((x) => V.equals(x, e!));
    return i < 0 ? V.tuple(xs) : V.tuple([...xs.slice(0, i), ...xs.slice(i + 1)]);
  }));
  t.add(M, 'RemoveFirstMatch', 2, higherImpl([1], ([s], [, test], call) => {
    const xs = seqArg('RemoveFirstMatch', 0, 2, s!);
    const i = xs.findIndex((x) => boolResult('RemoveFirstMatch', 1, 2, call(test!, x), test!));
    return i < 0 ? V.tuple(xs) : V.tuple([...xs.slice(0, i), ...xs.slice(i + 1)]);
  }));

  t.add(M, 'Suffixes', 1, strictImpl('Suffixes', ([s]) => {
    const xs = seqArg('Suffixes', 0, 1, s!);
    return V.setOf(xs.map((_x, i) => V.tuple(xs.slice(i))).concat([V.tuple([])]));
  }));
  t.add(M, 'AllSubSeqs', 1, strictImpl('AllSubSeqs', ([s]) => {
    const xs = seqArg('AllSubSeqs', 0, 1, s!);
    if (xs.length > 24) throw new EvalError(`AllSubSeqs of a sequence of length ${xs.length}: 2^${xs.length} subsequences is more than TLC can enumerate`);
    const out: Value[] = [];
    for (let mask = 0; mask < 1 << xs.length; mask++) out.push(V.tuple(xs.filter((_x, j) => (mask & (1 << j)) !== 0)));
    return V.setOf(out);
  }));

  t.add(M, 'LongestCommonPrefix', 1, strictImpl('LongestCommonPrefix', ([S]) => {
    const all = setArg('LongestCommonPrefix', 0, 1, S!);
    if (all.length === 0) throw new EvalError(`The argument of LongestCommonPrefix should be a non-empty set, but instead it is:\n${V.show(S!)}`);
    if (all.every((x) => x.kind === 'str')) {
      const ss = all.map((x) => (x as { s: string }).s);
      let n = Math.min(...ss.map((x) => x.length));
      for (const x of ss) while (n > 0 && x.slice(0, n) !== ss[0]!.slice(0, n)) n--;
      return V.str(ss[0]!.slice(0, n));
    }
    const seqs = all.map((x) => seqArg('LongestCommonPrefix', 0, 1, x));
    let n = Math.min(...seqs.map((x) => x.length));
    for (const x of seqs) for (let i = 0; i < n; i++) if (!V.equals(x[i]!, seqs[0]![i]!)) n = i;
    return V.tuple(seqs[0]!.slice(0, n));
  }));

  // ReplaceFirstSubSeq(r, s, t) / ReplaceAllSubSeqs(r, s, t): leftmost occurrences, not
  // overlapping; an empty s is put in front of t (First) or before every element (All)
  const replace = (name: string, all: boolean) => strictImpl(name, ([r, s, u]) => {
    if (r!.kind === 'str' && s!.kind === 'str' && u!.kind === 'str') {
      const [rs, ss, us] = [r!.s, s!.s, u!.s];
      if (ss === '') return V.str(all ? (us === '' ? rs : [...us].map((c) => rs + c).join('')) : rs + us);
      return V.str(all ? us.split(ss).join(rs) : us.replace(ss, () => rs));
    }
    const rx = seqArg(name, 0, 3, r!);
    const sx = seqArg(name, 1, 3, s!);
    const tx = seqArg(name, 2, 3, u!);
    if (sx.length === 0) return V.tuple(all ? (tx.length === 0 ? rx : tx.flatMap((x) => [...rx, x])) : [...rx, ...tx]);
    const out: Value[] = [];
    let i = 0;
    for (;;) {
      const j = indexOfSub(tx, sx, i);
      if (j < 0) break;
      out.push(...tx.slice(i, j), ...rx);
      i = j + sx.length;
      if (!all) break;
    }
    out.push(...tx.slice(i));
    return V.tuple(out);
  });
  t.add(M, 'ReplaceFirstSubSeq', 3, replace('ReplaceFirstSubSeq', false));
  t.add(M, 'ReplaceAllSubSeqs', 3, replace('ReplaceAllSubSeqs', true));
}
