// Statistics!ChiSquare as the override computes it (CommunityModules Statistics.java, Apache
// commons-math ChiSquareTest.chiSquareTest(expected, observed, alpha)): the expected counts are
// rescaled to the observed total, the statistic is sum (o - e)^2 / e, the p-value is the upper
// tail of the chi-square distribution with n - 1 degrees of freedom (the regularized gamma
// function Q(df / 2, x / 2)), and the hypothesis is rejected when p < alpha. ChiSquare is TRUE
// when it is NOT rejected.
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import * as V from './v.js';
import { type NativeTable, argError, isFcn, strictImpl } from './library.js';

/** ln Gamma(x) (Lanczos, g = 7, n = 9: relative error about 1e-8, ample for comparing a p-value
 *  with a significance level), x > 0. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized upper incomplete gamma function Q(a, x): a series below a + 1, a continued
 *  fraction above (as commons-math's Gamma.regularizedGammaQ). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - Math.exp(lead) * sum;
  }
  // Lentz's continued fraction
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(lead) * h;
}

function counts(pos: number, v: Value): number[] {
  if (!isFcn(v)) throw argError('ChiSquare', pos, 3, 'a function', v);
  return V.fcnView(V.materialize(v)).vals.map((c) => {
    if (c.kind !== 'int') throw argError('ChiSquare', pos, 3, 'a function', v);
    return c.n;
  });
}

export function registerStatistics(t: NativeTable): void {
  t.add('Statistics', 'ChiSquare', 3, strictImpl('ChiSquare', ([e, a, al]) => {
    const expected = counts(0, e!);
    const observed = counts(1, a!);
    if (al!.kind !== 'str') throw argError('ChiSquare', 2, 3, 'a string representing a double in (0, .5]', al!);
    const alpha = Number(al!.s);
    if (!(alpha > 0 && alpha <= 0.5)) throw new EvalError(`ChiSquare: the significance level ${al!.s} is not in (0, 0.5]`);
    if (expected.length < 2 || expected.length !== observed.length) throw new EvalError('ChiSquare: expected and actual need the same number (at least 2) of counts');
    if (expected.some((x) => x <= 0) || observed.some((x) => x < 0)) throw new EvalError('ChiSquare: expected counts must be positive and actual counts non-negative');
    const sumE = expected.reduce((s, x) => s + x, 0);
    const sumO = observed.reduce((s, x) => s + x, 0);
    const ratio = Math.abs(sumE - sumO) > 1e-5 ? sumO / sumE : 1;
    let stat = 0;
    expected.forEach((x, i) => {
      const dev = observed[i]! - ratio * x;
      stat += (dev * dev) / (ratio * x);
    });
    const p = gammaQ((expected.length - 1) / 2, stat / 2);
    return V.bool(!(p < alpha));
  }));
}
