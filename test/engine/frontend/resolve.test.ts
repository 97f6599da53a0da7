// Name resolution: what SANY rejects before TLC runs, reported as ParseError at the name.
// Each case is a small module written to break exactly one rule (tla2sany/semantic/
// Generator.java and SymbolTable.addSymbol give the rules).
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../engine/errors.js';
import { resolveSpec } from '../../../engine/frontend/resolve.js';
import { moduleOf } from './helpers.js';

/** Resolve a one-module spec; returns the error's `file:line:col: message`, or 'ok'. */
async function resolveText(units: string): Promise<string> {
  const root = await moduleOf(units);
  try {
    resolveSpec({ root, modules: new Map([[root.name, root]]) });
    return 'ok';
  } catch (e) {
    if (e instanceof ParseError) return e.describe();
    throw e;
  }
}

describe('accepted', () => {
  it('redefining an operator of an extended module (SANY only warns: SymbolTable.addSymbol)', async () => {
    expect(await resolveText('EXTENDS Naturals\na + b == a')).toBe('ok');
  });
  it('standard modules imported with (LOCAL) INSTANCE, named or not', async () => {
    expect(await resolveText('LOCAL INSTANCE Sequences\nA == Len(<<1>>)')).toBe('ok');
    // a named instance does not import: the outer + is unknown, reported (like SANY's
    // N_InfixExpr error) at the start of the whole infix expression
    expect(await resolveText('N == INSTANCE Naturals\nA == N!+(1, 2) + 0')).toBe('M.tla:3:6: Unknown operator: +');
    expect(await resolveText('N == INSTANCE Naturals\nA == N!+(1, 2)')).toBe('ok');
  });
  it('@ anywhere inside an EXCEPT value: in a binding domain, a LET, a nested EXCEPT', async () => {
    expect(await resolveText('EXTENDS Naturals\nf == [i \\in 1..2 |-> {i}]\nA == [f EXCEPT ![1] = {x \\in @ : x > 0}, ![2] = LET g == @ IN g]')).toBe('ok');
  });
  it('the built-in -+-> needs no module (SANY ConfigConstants.defaultConfig)', async () => {
    expect(await resolveText('A == TRUE -+-> FALSE')).toBe('ok');
  });
  it('a LET definition shadowing a module-level one of the same arity', async () => {
    expect(await resolveText('g == 1\nA == LET g == 2 IN g')).toBe('ok');
  });
  it('a spec that uses standard operators, bound variables, LET, LAMBDA and recursion', async () => {
    const text = [
      'EXTENDS Naturals, Sequences, FiniteSets, TLC',
      'CONSTANT N',
      'VARIABLE x',
      'RECURSIVE Sum(_)',
      'Sum(s) == IF s = <<>> THEN 0 ELSE Head(s) + Sum(Tail(s))',
      'Apply(Op(_), v) == Op(v)',
      'f[n \\in Nat] == IF n = 0 THEN 0 ELSE f[n - 1]',
      'Init == x = [i \\in 1..N |-> 0]',
      'Next == \\E i \\in DOMAIN x : x\' = [x EXCEPT ![i] = @ + Apply(LAMBDA k : k + 1, Len(<<i>>))]',
      'Inv == LET g(a) == a * 2 IN \\A i \\in DOMAIN x : g(x[i]) >= 0 /\\ Cardinality({i}) = 1',
      'Sorted == SortSeq(<<3, 1>>, LAMBDA a, b : a < b) /\\ SelectSeq(<<1>>, LAMBDA e : e > 0) = <<1>>',
      'Spec == Init /\\ [][Next]_x /\\ WF_x(Next)',
    ].join('\n');
    expect(await resolveText(text)).toBe('ok');
  });
});

describe('rejected, at the offending name', () => {
  it('an undefined identifier', async () => {
    // M.tla line 1 is the header, line 2 EXTENDS; "A == 1 + foo" is line 3, foo at column 10
    expect(await resolveText('EXTENDS Naturals\nA == 1 + foo')).toBe('M.tla:3:10: Unknown operator: foo');
  });
  it('an operator of a standard module that is not extended', async () => {
    expect(await resolveText('A == Len(<<1>>)')).toBe('M.tla:2:6: Unknown operator: Len');
    expect(await resolveText('A == 1 + 1')).toBe('M.tla:2:6: Unknown operator: +');
  });
  it('a definition used before it is defined', async () => {
    expect(await resolveText('A == B\nB == 1')).toBe('M.tla:2:6: Unknown operator: B');
  });
  it('wrong number of arguments', async () => {
    expect(await resolveText('Op(a, b) == a\nA == Op(1)')).toBe('M.tla:3:6: The operator Op requires 2 arguments.');
    expect(await resolveText('Op(a) == a\nA == Op')).toBe('M.tla:3:6: The operator Op requires 1 arguments.');
    expect(await resolveText('EXTENDS Sequences\nA == Len(1, 2)')).toBe('M.tla:3:6: The operator Len requires 1 argument.');
  });
  it('an operator argument of the wrong arity', async () => {
    expect(await resolveText('Apply(Op(_), v) == Op(v)\nTwo(a, b) == a\nA == Apply(Two, 1)')).toBe('M.tla:4:12: Argument 1 of Apply must be an operator of 1 arguments');
  });
  it('a name defined twice in one module', async () => {
    expect(await resolveText('A == 1\nA == 2')).toMatch(/^M\.tla:3:1: Operator A already defined or declared/);
  });
  it('a definition conflicting with a declaration', async () => {
    expect(await resolveText('CONSTANT A\nA == 2')).toMatch(/^M\.tla:3:1: Multiply-defined symbol 'A'/);
  });
  it('a bound variable that reuses a variable name', async () => {
    // "A == \E x \in {1} : TRUE": the bound x is at column 9
    expect(await resolveText('VARIABLE x\nA == \\E x \\in {1} : TRUE')).toMatch(/^M\.tla:3:9: Multiply-defined symbol 'x'/);
  });
  it('a bound variable that reuses an enclosing bound variable', async () => {
    // "A == \\A y \\in {1} : \\E y ...": the inner y is column 24
    expect(await resolveText('A == \\A y \\in {1} : \\E y \\in {2} : TRUE')).toMatch(/^M\.tla:2:24: Multiply-defined symbol 'y'/);
  });
  it('@ outside EXCEPT', async () => {
    expect(await resolveText('A == @')).toBe('M.tla:2:6: @ used outside of an EXCEPT');
  });
  it('an undefined instance and an unknown name inside an instance', async () => {
    expect(await resolveText('A == I!x')).toBe('M.tla:2:6: Unknown operator: I');
  });
});
