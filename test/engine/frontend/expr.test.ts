// Each expression form of ast.ts, built from a one-line definition. Expected shapes are
// written by hand from ast.ts's documentation and Specifying Systems' grammar (ch. 15-16).
import { describe, expect, it } from 'vitest';
import { app, bindName, exprOf, num, ref, str } from './helpers.js';

describe('literals', () => {
  it('numbers in decimal, \\b, \\o and \\h forms', async () => {
    expect(await exprOf('<<42, \\b101, \\o17, \\hFF, \\HfF>>')).toEqual({ kind: 'tuple', elems: [num(42), num(5), num(15), num(255), num(255)] });
  });
  it('strings with escapes', async () => {
    expect(await exprOf('"a\\"b\\\\c\\nd\\te"')).toEqual(str('a"b\\c\nd\te'));
  });
  it('a tab inside a string stays a tab (tabs are expanded for the parser only)', async () => {
    expect(await exprOf('<<"a\tb", "\tc">>')).toEqual({ kind: 'tuple', elems: [str('a\tb'), str('\tc')] });
  });
  it('booleans and built-in sets', async () => {
    expect(await exprOf('<<TRUE, FALSE, BOOLEAN, STRING, Nat, Int>>')).toEqual({
      kind: 'tuple',
      elems: [{ kind: 'bool', value: true }, { kind: 'bool', value: false }, ref('BOOLEAN'), ref('STRING'), ref('Nat'), ref('Int')],
    });
  });
  it('empty set and empty tuple', async () => {
    expect(await exprOf('<<{}, <<>>>>')).toEqual({ kind: 'tuple', elems: [{ kind: 'setEnum', elems: [] }, { kind: 'tuple', elems: [] }] });
  });
});

describe('operators get their canonical ASCII name whatever the spelling', () => {
  const cases: [string, string][] = [
    ['a = b', '='],
    ['a # b', '#'],
    ['a /= b', '#'],
    ['a ≠ b', '#'],
    ['a \\in b', '\\in'],
    ['a ∈ b', '\\in'],
    ['a \\notin b', '\\notin'],
    ['a ∉ b', '\\notin'],
    ['a <= b', '<='],
    ['a =< b', '<='],
    ['a \\leq b', '<='],
    ['a ≤ b', '<='],
    ['a >= b', '>='],
    ['a \\geq b', '>='],
    ['a ≥ b', '>='],
    ['a \\subseteq b', '\\subseteq'],
    ['a ⊆ b', '\\subseteq'],
    ['a \\cup b', '\\cup'],
    ['a \\union b', '\\cup'],
    ['a ∪ b', '\\cup'],
    ['a \\cap b', '\\cap'],
    ['a \\intersect b', '\\cap'],
    ['a \\ b', '\\'],
    ['a .. b', '..'],
    ['a + b', '+'],
    ['a - b', '-'],
    ['a * b', '*'],
    ['a \\div b', '\\div'],
    ['a % b', '%'],
    ['a ^ b', '^'],
    ['a < b', '<'],
    ['a > b', '>'],
    ['a \\o b', '\\o'],
    ['a \\circ b', '\\o'],
    ['a :> b', ':>'],
    ['a @@ b', '@@'],
    ['a (+) b', '(+)'],
    ['a \\oplus b', '(+)'],
    ['a (-) b', '(-)'],
    ['a \\sqsubseteq b', '\\sqsubseteq'],
    ['a ++ b', '++'],
  ];
  it.each(cases)('%s is apply(%s)', async (text, name) => {
    expect(await exprOf(text)).toEqual(app(name, ref('a'), ref('b')));
  });
  it('prefix operators: SUBSET, UNION, DOMAIN, unary minus', async () => {
    expect(await exprOf('<<SUBSET a, UNION a, DOMAIN a, -a>>')).toEqual({
      kind: 'tuple',
      elems: [app('SUBSET', ref('a')), app('UNION', ref('a')), app('DOMAIN', ref('a')), app('-.', ref('a'))],
    });
  });
  it('binary minus is not unary minus', async () => {
    expect(await exprOf('a - -b')).toEqual(app('-', ref('a'), app('-.', ref('b'))));
  });
  it('precedence: * binds tighter than +, + tighter than =', async () => {
    expect(await exprOf('a + b * c = d')).toEqual(app('=', app('+', ref('a'), app('*', ref('b'), ref('c'))), ref('d')));
  });
});

describe('logic', () => {
  it('~, =>, <=>, \\equiv and Unicode ¬ ⇒', async () => {
    expect(await exprOf('<<~a, ¬a, a => b, a ⇒ b, a <=> b, a \\equiv b>>')).toEqual({
      kind: 'tuple',
      elems: [
        { kind: 'not', expr: ref('a') },
        { kind: 'not', expr: ref('a') },
        { kind: 'implies', lhs: ref('a'), rhs: ref('b') },
        { kind: 'implies', lhs: ref('a'), rhs: ref('b') },
        { kind: 'equiv', lhs: ref('a'), rhs: ref('b') },
        { kind: 'equiv', lhs: ref('a'), rhs: ref('b') },
      ],
    });
  });
  it('infix /\\ chains are one n-ary and; parentheses keep grouping', async () => {
    expect(await exprOf('a /\\ b ∧ c')).toEqual({ kind: 'and', args: [ref('a'), ref('b'), ref('c')] });
    expect(await exprOf('a \\/ (b \\/ c)')).toEqual({ kind: 'or', args: [ref('a'), { kind: 'or', args: [ref('b'), ref('c')] }] });
    expect(await exprOf('(a \\land b) \\lor c')).toEqual({ kind: 'or', args: [{ kind: 'and', args: [ref('a'), ref('b')] }, ref('c')] });
  });
  it('junction lists nest by column', async () => {
    // `E == ` takes columns 1-5, so the `\/` bullets sit at column 6 and the `/\` at 9
    const text = ['\\/ /\\ a', '        /\\ b', '     \\/ c'].join('\n');
    expect(await exprOf(text)).toEqual({ kind: 'or', args: [{ kind: 'and', args: [ref('a'), ref('b')] }, ref('c')] });
  });
  it('a comment at column 1 does not end a junction list', async () => {
    expect(await exprOf('\\/ A\n\\* note\n     \\/ B')).toEqual({ kind: 'or', args: [ref('A'), ref('B')] });
    expect(await exprOf('\\/ A\n(* note *)\n     \\/ B')).toEqual({ kind: 'or', args: [ref('A'), ref('B')] });
  });
  it('a list inside a bullet and inside a quantifier body', async () => {
    // `E == ` puts the outer bullets at column 6; the inner \/ at 9; the \E body's at 12
    expect(await exprOf('/\\ A\n     /\\ \\/ B\n        \\/ C\n     /\\ D')).toEqual({
      kind: 'and',
      args: [ref('A'), { kind: 'or', args: [ref('B'), ref('C')] }, ref('D')],
    });
    expect(await exprOf('/\\ \\E i \\in S :\n           /\\ P(i)\n           /\\ Q(i)\n     /\\ R')).toEqual({
      kind: 'and',
      args: [{ kind: 'exists', bindings: [bindName('i', ref('S'))], body: { kind: 'and', args: [app('P', ref('i')), app('Q', ref('i'))] } }, ref('R')],
    });
  });
  it('quantifiers with several bindings and tuple patterns', async () => {
    expect(await exprOf('\\A x, y \\in S, <<a, b>> \\in T : x')).toEqual({
      kind: 'forall',
      bindings: [bindName('x', ref('S')), bindName('y', ref('S')), { pattern: { kind: 'tuple', names: ['a', 'b'] }, domain: ref('T') }],
      body: ref('x'),
    });
    expect(await exprOf('\\E x, y : x')).toEqual({ kind: 'exists', bindings: [bindName('x'), bindName('y')], body: ref('x') });
    expect(await exprOf('∃ x ∈ S : x')).toEqual({ kind: 'exists', bindings: [bindName('x', ref('S'))], body: ref('x') });
  });
  it('CHOOSE bounded and unbounded', async () => {
    expect(await exprOf('CHOOSE x \\in S : x')).toEqual({ kind: 'choose', binding: bindName('x', ref('S')), body: ref('x') });
    expect(await exprOf('CHOOSE <<a, b>> : a')).toEqual({ kind: 'choose', binding: { pattern: { kind: 'tuple', names: ['a', 'b'] } }, body: ref('a') });
  });
});

describe('precedence conflicts SANY rejects (ranges overlap: ConfigConstants.CanonicalOperators)', () => {
  const conflicts: [string, string][] = [
    ['a /\\ b \\/ c', '/\\ and \\/'], // both 3-3, different operators
    ['a = b = c', '= and ='], // 5-5, not associative
    ['a + b % c', '+ and %'], // 10-10 overlaps 10-11
    ['a * b \\div c', '* and \\div'], // both 13-13, different operators
    ['S \\cup T \\cap U', '\\cup and \\cap'], // both 8-8
    ['a .. b .. c', '.. and ..'], // 9-9, not associative
    ['[]x = 1', '[] and ='], // [] is 4-15, = is 5-5
    ['DOMAIN f + 1', 'DOMAIN and +'], // DOMAIN is 10-13
  ];
  it.each(conflicts)('%s', async (text, ops) => {
    await expect(exprOf(text)).rejects.toThrow(`Precedence conflict between operators ${ops}: add parentheses`);
  });
  it('same left-associative operator, or disjoint ranges, are fine', async () => {
    expect(await exprOf('a - b - c')).toEqual(app('-', app('-', ref('a'), ref('b')), ref('c')));
    expect(await exprOf('a - b + c')).toEqual(app('+', app('-', ref('a'), ref('b')), ref('c'))); // - 11 binds tighter than + 10
    expect(await exprOf('~a \\in S')).toEqual({ kind: 'not', expr: app('\\in', ref('a'), ref('S')) }); // ~ 4 is below \\in 5
    expect(await exprOf('SUBSET S \\cup T')).toEqual(app('\\cup', app('SUBSET', ref('S')), ref('T'))); // SUBSET 10-13 above \\cup 8
    expect(await exprOf('-a ^ 2')).toEqual(app('-.', app('^', ref('a'), num(2)))); // ^ 14 above -. 12
  });
});

describe('sets, functions, records, tuples', () => {
  it('set filter and map, with tuple patterns', async () => {
    expect(await exprOf('{x \\in S : x > 1}')).toEqual({ kind: 'setFilter', binding: bindName('x', ref('S')), pred: app('>', ref('x'), num(1)) });
    expect(await exprOf('{<<a, b>> \\in S : a}')).toEqual({ kind: 'setFilter', binding: { pattern: { kind: 'tuple', names: ['a', 'b'] }, domain: ref('S') }, pred: ref('a') });
    expect(await exprOf('{a + b : a \\in S, b \\in T}')).toEqual({
      kind: 'setMap',
      body: app('+', ref('a'), ref('b')),
      bindings: [bindName('a', ref('S')), bindName('b', ref('T'))],
    });
  });
  it('\\X is n-ary unless parenthesised', async () => {
    expect(await exprOf('A \\X B \\times C')).toEqual(app('\\X', ref('A'), ref('B'), ref('C')));
    expect(await exprOf('(A \\X B) \\X C')).toEqual(app('\\X', app('\\X', ref('A'), ref('B')), ref('C')));
    expect(await exprOf('A × B')).toEqual(app('\\X', ref('A'), ref('B')));
  });
  it('function literal, set, application with one and several arguments', async () => {
    expect(await exprOf('[x \\in S, y \\in T |-> x]')).toEqual({ kind: 'fnLiteral', bindings: [bindName('x', ref('S')), bindName('y', ref('T'))], body: ref('x') });
    expect(await exprOf('[S -> T]')).toEqual({ kind: 'fnSet', domain: ref('S'), range: ref('T') });
    expect(await exprOf('f[a][b, c]')).toEqual({ kind: 'fnApply', fn: { kind: 'fnApply', fn: ref('f'), args: [ref('a')] }, args: [ref('b'), ref('c')] });
  });
  it('records, record sets and field access', async () => {
    expect(await exprOf('[a |-> 1, b ↦ 2].b')).toEqual({
      kind: 'field',
      record: { kind: 'record', fields: [{ name: 'a', value: num(1) }, { name: 'b', value: num(2) }] },
      field: 'b',
    });
    expect(await exprOf('[a : S, b : T]')).toEqual({ kind: 'recordSet', fields: [{ name: 'a', set: ref('S') }, { name: 'b', set: ref('T') }] });
  });
  it('EXCEPT with index and field paths and @', async () => {
    expect(await exprOf('[f EXCEPT ![1][2].c = @ + 1, !.d = 0]')).toEqual({
      kind: 'except',
      fn: ref('f'),
      updates: [
        {
          path: [
            { kind: 'index', args: [num(1)] },
            { kind: 'index', args: [num(2)] },
            { kind: 'field', name: 'c' },
          ],
          value: app('+', { kind: 'at' }, num(1)),
        },
        { path: [{ kind: 'field', name: 'd' }], value: num(0) },
      ],
    });
  });
  it('EXCEPT with a multi-argument index', async () => {
    expect(await exprOf('[f EXCEPT ![a, b] = 1]')).toEqual({ kind: 'except', fn: ref('f'), updates: [{ path: [{ kind: 'index', args: [ref('a'), ref('b')] }], value: num(1) }] });
  });
});

describe('control and definitions inside expressions', () => {
  it('IF / CASE with OTHER', async () => {
    expect(await exprOf('IF a THEN 1 ELSE 2')).toEqual({ kind: 'if', cond: ref('a'), then: num(1), else: num(2) });
    expect(await exprOf('CASE a -> 1 [] b -> 2 [] OTHER -> 3')).toEqual({
      kind: 'case',
      arms: [
        { cond: ref('a'), body: num(1) },
        { cond: ref('b'), body: num(2) },
      ],
      other: num(3),
    });
    expect(await exprOf('CASE a -> 1 □ b -> 2')).toEqual({
      kind: 'case',
      arms: [
        { cond: ref('a'), body: num(1) },
        { cond: ref('b'), body: num(2) },
      ],
    });
  });
  it('LET with operator and function definitions and RECURSIVE', async () => {
    expect(await exprOf('LET RECURSIVE g(_)\n       g(n) == g(n)\n       h[i \\in S] == i\n       k == 1\n   IN g(k)')).toEqual({
      kind: 'let',
      defs: [
        { kind: 'operator', name: 'g', params: [{ name: 'n', arity: 0 }], body: app('g', ref('n')), recursive: true, local: false },
        { kind: 'function', name: 'h', bindings: [bindName('i', ref('S'))], body: ref('i'), local: false },
        { kind: 'operator', name: 'k', params: [], body: num(1), recursive: false, local: false },
      ],
      body: app('g', ref('k')),
    });
  });
  it('LAMBDA and operators passed as arguments', async () => {
    expect(await exprOf('F(LAMBDA x, y : x, +, -.)')).toEqual(app('F', { kind: 'lambda', params: ['x', 'y'], body: ref('x') }, ref('+'), ref('-.')));
  });
  it('labels are transparent', async () => {
    expect(await exprOf('lbl :: a')).toEqual(ref('a'));
  });
});

describe('actions and temporal operators', () => {
  it("prime, UNCHANGED, ENABLED", async () => {
    expect(await exprOf("<<x', UNCHANGED <<x, y>>, ENABLED A>>")).toEqual({
      kind: 'tuple',
      elems: [{ kind: 'prime', expr: ref('x') }, { kind: 'unchanged', expr: { kind: 'tuple', elems: [ref('x'), ref('y')] } }, { kind: 'enabled', expr: ref('A') }],
    });
  });
  it('[A]_v, <<A>>_v, [], <>, ~>, WF_, SF_, \\cdot, \\EE', async () => {
    expect(await exprOf('[][A]_v')).toEqual({ kind: 'always', expr: { kind: 'actionBox', action: ref('A'), vars: ref('v'), stutter: true } });
    expect(await exprOf('<><<A>>_<<x, y>>')).toEqual({
      kind: 'eventually',
      expr: { kind: 'actionBox', action: ref('A'), vars: { kind: 'tuple', elems: [ref('x'), ref('y')] }, stutter: false },
    });
    expect(await exprOf('P ~> Q')).toEqual({ kind: 'leadsTo', lhs: ref('P'), rhs: ref('Q') });
    expect(await exprOf('WF_v(A) /\\ SF_<<x>>(B)')).toEqual({
      kind: 'and',
      args: [
        { kind: 'fairness', strong: false, vars: ref('v'), action: ref('A') },
        { kind: 'fairness', strong: true, vars: { kind: 'tuple', elems: [ref('x')] }, action: ref('B') },
      ],
    });
    expect(await exprOf('A \\cdot B')).toEqual({ kind: 'compose', lhs: ref('A'), rhs: ref('B') });
    expect(await exprOf('\\EE q : q')).toEqual({ kind: 'temporalQuant', exists: true, names: ['q'], body: ref('q') });
    expect(await exprOf('\\AA q : q')).toEqual({ kind: 'temporalQuant', exists: false, names: ['q'], body: ref('q') });
  });
});

describe('instance-qualified names', () => {
  it('I!Op(a), I(x)!v, I!J!c', async () => {
    expect(await exprOf('I!Op(a)')).toEqual({ kind: 'apply', name: 'Op', prefix: [{ name: 'I', args: [] }], args: [ref('a')] });
    expect(await exprOf('I(1)!v')).toEqual({ kind: 'ref', name: 'v', prefix: [{ name: 'I', args: [num(1)] }] });
    expect(await exprOf('I!J!c')).toEqual({
      kind: 'ref',
      name: 'c',
      prefix: [
        { name: 'I', args: [] },
        { name: 'J', args: [] },
      ],
    });
  });
});
