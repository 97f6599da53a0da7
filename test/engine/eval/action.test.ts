// Init and Next with TLC's rules. Expected state lists are enumerated by hand: conjuncts left
// to right, disjuncts in order, set elements in TLC's normalised order.
import { describe, expect, test } from 'vitest';
import { compile, states } from './helpers.js';

describe('initial states (Tool.getInitStates)', () => {
  test('x \\in S enumerates S in normalised order, the first conjunct varying slowest', async () => {
    const spec = await compile({ M: 'VARIABLES x, y\nInit == x \\in {2, 1} /\\ y \\in {"a", "b"}' }, 'INIT Init');
    expect(states(spec, spec.initStates())).toEqual(['x=1 y="a"', 'x=1 y="b"', 'x=2 y="a"', 'x=2 y="b"']);
  });
  test('duplicates are kept (TLC counts them as generated)', async () => {
    const spec = await compile({ M: 'VARIABLE x\nInit == x \\in {1, 2} \\/ x = 1' }, 'INIT Init');
    expect(states(spec, spec.initStates())).toEqual(['x=1', 'x=2', 'x=1']);
  });
  test('an assigned variable makes x = e a test', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals\nVARIABLE x\nInit == x \\in 1..4 /\\ x = 3' }, 'INIT Init');
    expect(states(spec, spec.initStates())).toEqual(['x=3']);
  });
});

describe('successors (Tool.getNextStates)', () => {
  const counter = 'EXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\n' +
    'Inc(n) == x\' = x + n /\\ UNCHANGED y\nBump == /\\ y\' = y + 1\n        /\\ x\' = x\n' +
    'Next == \\/ \\E n \\in {2, 1} : Inc(n)\n        \\/ Bump';
  test('successors come action by action, \\E values in normalised order', async () => {
    const spec = await compile({ M: counter }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    const succ = [...spec.successors(s0!)];
    expect(states(spec, succ.map((x) => x.state))).toEqual(['x=1 y=0', 'x=2 y=0', 'x=0 y=1']);
  });
  test('each successor is labelled with the definition that produced it and its location', async () => {
    const spec = await compile({ M: counter }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    const labels = [...spec.successors(s0!)].map((x) => `${x.action.name}${x.action.params ? `(${[...x.action.params.values()].map((v) => (v as { n: number }).n).join(',')})` : ''} ${x.action.loc.line}:${x.action.loc.col}`);
    // Inc's body starts on line 5 col 11; Bump's body on line 6 col 9 (the /\ list)
    expect(labels).toEqual(['Inc(1) 5:11', 'Inc(2) 5:11', 'Bump 6:9']);
  });
  test('x\' = e after x\' is assigned is a test', async () => {
    const spec = await compile({ M: 'VARIABLE x\nInit == x = 0\nNext == x\' \\in {1, 2} /\\ x\' = 2' }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    expect(states(spec, [...spec.successors(s0!)].map((x) => x.state))).toEqual(['x=2']);
  });
  test('IF and CASE inside actions choose the branch that assigns', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == IF x < 2 THEN x\' = x + 1 ELSE CASE x = 2 -> x\' = 10 [] OTHER -> x\' = x' }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    const s1 = [...spec.successors(s0!)][0]!.state;
    const s2 = [...spec.successors(s1)][0]!.state;
    const s3 = [...spec.successors(s2)][0]!.state;
    expect(states(spec, [s1, s2, s3])).toEqual(['x=1', 'x=2', 'x=10']);
  });
  test('an operator parameter used primed refers to the argument\'s next value', async () => {
    const spec = await compile({ M: 'VARIABLES x, y\nInit == x = 0 /\\ y = 0\nSet(v, e) == v\' = e\nNext == Set(x, 5) /\\ Set(y, x\')' }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    expect(states(spec, [...spec.successors(s0!)].map((x) => x.state))).toEqual(['x=5 y=5']);
  });
  test('ENABLED looks for any satisfying assignment of the primed variables', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals\nVARIABLE x\nInit == x = 0\nA == x < 1 /\\ x\' = x + 1\nNext == A\nCanA == ENABLED A' }, 'INIT Init\nNEXT Next');
    const canA = { kind: 'ref' as const, name: 'CanA', prefix: [], loc: { file: '', module: 'M', line: 1, col: 1, endLine: 1, endCol: 1 } };
    const [s0] = [...spec.initStates()];
    const s1 = [...spec.successors(s0!)][0]!.state;
    expect([spec.evaluate(canA, s0!), spec.evaluate(canA, s1)].map((v) => (v as { b: boolean }).b)).toEqual([true, false]);
  });
});

describe('INSTANCE', () => {
  const inner = 'EXTENDS Naturals\nCONSTANT Max\nVARIABLE c\nStep == c < Max /\\ c\' = c + 1\nDouble(n) == 2 * n';
  test('named instances with substitution drive the outer variables', async () => {
    const spec = await compile({ M: 'VARIABLE n\nI == INSTANCE Inner WITH c <- n, Max <- 2\nInit == n = 0\nNext == I!Step', Inner: inner }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    const s1 = [...spec.successors(s0!)][0]!.state;
    expect(states(spec, [s1, ...[...spec.successors(s1)].map((x) => x.state)])).toEqual(['n=1', 'n=2']);
  });
  test('a parameterised instance I(a)!Op', async () => {
    const spec = await compile({ M: 'VARIABLE n\nI(m) == INSTANCE Inner WITH c <- n, Max <- m\nInit == n = 0\nX == I(7)!Double(I(7)!Max)', Inner: inner }, 'INIT Init');
    const x = spec.evaluate({ kind: 'ref', name: 'X', prefix: [], loc: { file: '', module: 'M', line: 1, col: 1, endLine: 1, endCol: 1 } }, null);
    expect(x).toMatchObject({ kind: 'int', n: 14 });
  });
});

describe('fingerprints and printing', () => {
  test('SYMMETRY: states equal up to a permutation of model values share a fingerprint', async () => {
    const spec = await compile(
      { M: 'EXTENDS TLC\nCONSTANT P\nVARIABLE owner\nInit == owner \\in P\nSym == Permutations(P)' },
      'CONSTANT P = {p1, p2}\nINIT Init\nSYMMETRY Sym',
    );
    const [a, b] = [...spec.initStates()];
    expect(spec.fingerprint(a!)).toBe(spec.fingerprint(b!));
  });
  test('VIEW: states with the same view share a fingerprint', async () => {
    const spec = await compile({ M: 'VARIABLES x, t\nInit == x = 1 /\\ t \\in {1, 2}\nV == x' }, 'INIT Init\nVIEW V');
    const [a, b] = [...spec.initStates()];
    expect(spec.fingerprint(a!)).toBe(spec.fingerprint(b!));
  });
  test('without VIEW or SYMMETRY distinct states have distinct fingerprints', async () => {
    const spec = await compile({ M: 'VARIABLES x, t\nInit == x = 1 /\\ t \\in {1, 2}' }, 'INIT Init');
    const [a, b] = [...spec.initStates()];
    expect(spec.fingerprint(a!)).not.toBe(spec.fingerprint(b!));
  });
  test('formatState prints /\\ var = value lines in declaration order', async () => {
    const spec = await compile({ M: 'VARIABLES y, x\nInit == x = "a" /\\ y = <<1>>' }, 'INIT Init');
    expect(spec.formatState([...spec.initStates()][0]!)).toBe('/\\ y = <<1>>\n/\\ x = "a"');
  });
});

describe('SPECIFICATION and PROPERTY', () => {
  const mod = 'EXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x\' = (x + 1) % 3\nvars == <<x>>\n' +
    'Spec == Init /\\ [][Next]_vars /\\ WF_vars(Next)\nTypeOK == x \\in 0..2\nInv == []TypeOK\nMono == [][x\' # x]_x\nLive == <>(x = 2)';
  test('Init, Next and fairness come out of the specification', async () => {
    const spec = await compile({ M: mod }, 'SPECIFICATION Spec');
    expect(states(spec, spec.initStates())).toEqual(['x=0']);
    expect(spec.actions.map((a) => a.name)).toEqual(['Next']);
    expect(spec.fairness).toHaveLength(1);
    expect(spec.fairness[0]!.strong).toBe(false);
  });
  test('properties are classified as state invariants, action invariants and temporal formulas', async () => {
    const spec = await compile({ M: mod }, 'SPECIFICATION Spec\nPROPERTIES Inv Mono Live');
    // Inv == []TypeOK is filed under TypeOK, the name of the operator under [] (processConfigProps)
    expect(spec.properties.map((p) => `${p.name}:${p.kind}`)).toEqual(['TypeOK:stateInvariant', 'Mono:actionInvariant', 'Live:temporal']);
  });
});

describe('TLC\'s other action forms (Tool.getNextStatesAppl)', () => {
  test('\\A in an action is a conjunction over the domain and may assign', async () => {
    // \A i \in {1}: x' = i assigns x' = 1; the second conjunct instance does not exist
    const spec = await compile({ M: 'VARIABLES x, y\nInit == x = 0 /\\ y = 0\nNext == \\A i \\in {1, 2} : IF i = 1 THEN x\' = 7 ELSE y\' = 8' }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    expect(states(spec, [...spec.successors(s0!)].map((x) => x.state))).toEqual(['x=7 y=8']);
  });
  test('P => Q in an action generates with Q only when P holds', async () => {
    const spec = await compile({ M: 'VARIABLE x\nInit == x = 0\nNext == x\' \\in {0, 1} /\\ (x = 0 => x\' = 1)' }, 'INIT Init\nNEXT Next');
    const [s0] = [...spec.initStates()];
    expect(states(spec, [...spec.successors(s0!)].map((x) => x.state))).toEqual(['x=1']);
  });
});

describe('fairness conjuncts of SPECIFICATION (Spec.processSpec)', () => {
  test('\\A p \\in S : WF(A(p)) /\\ SF(B(p)) gives one fairness condition per p and conjunct', async () => {
    const spec = await compile({
      M: 'EXTENDS Naturals\nVARIABLE x\nInit == x = 0\nA(p) == x\' = p\nB(p) == x\' = p + 0\nNext == \\E p \\in {1, 2} : A(p)\n' +
        'Spec == Init /\\ [][Next]_x /\\ \\A p \\in {1, 2} : WF_x(A(p)) /\\ SF_x(B(p))',
    }, 'SPECIFICATION Spec');
    // p = 1: WF, SF; p = 2: WF, SF
    expect(spec.fairness.map((f) => `${f.strong ? 'SF' : 'WF'}(${[...f.params!.values()].map((v) => (v as { n: number }).n)})`))
      .toEqual(['WF(1)', 'SF(1)', 'WF(2)', 'SF(2)']);
    const [s0] = [...spec.initStates()];
    // from x = 0, A(1) changes x (enabled), and the step 0 -> 1 is an A(1) step
    expect(spec.fairness[0]!.enabled!(s0!)).toBe(true);
    expect(spec.fairness[0]!.taken!(s0!, [{ kind: 'int', n: 1 }] as never)).toBe(true);
  });
});

describe('Assert while computing initial states', () => {
  test('is reported as an evaluation error (exit 75), as ModelChecker.modelCheckImpl does', async () => {
    const spec = await compile({ M: 'EXTENDS Naturals, TLC\nVARIABLE x\nInit == x = 0 /\\ Assert(x > 0, "starts at 0")' }, 'INIT Init');
    let code: number | undefined;
    try {
      [...spec.initStates()];
    } catch (err) {
      code = (err as { exitCode?: number }).exitCode;
    }
    expect(code).toBe(75);
  });
});

describe('actions from instantiated modules (Tool.getActions, SubstInNode)', () => {
  test('I!Next is one action named I!Next, not split into its disjuncts', async () => {
    const spec = await compile({
      M: 'VARIABLE n\nI == INSTANCE Inner WITH c <- n\nInit == n = 0\nNext == I!Next',
      Inner: 'VARIABLE c\nNext == c\' = 1 \\/ c\' = 2',
    }, 'INIT Init\nNEXT Next');
    expect(spec.actions.map((a) => a.name)).toEqual(['I!Next']);
    const [s0] = [...spec.initStates()];
    expect(states(spec, [...spec.successors(s0!)].map((x) => x.state))).toEqual(['n=1', 'n=2']);
  });
});

describe('refinement properties through an instance', () => {
  test('PROPERTY Abs!Spec splits into the abstract Init and [][Next]_v, read in the instance', async () => {
    const spec = await compile({
      M: 'EXTENDS Naturals\nVARIABLE n\nInit == n = 0\nNext == n\' = (n + 1) % 6\nSpec == Init /\\ [][Next]_n\nAbs == INSTANCE Mod3 WITH b <- n % 3\nRefines == Abs!Spec',
      Mod3: 'EXTENDS Naturals\nVARIABLE b\nPInit == b = 0\nPNext == b\' = (b + 1) % 3\nSpec == PInit /\\ [][PNext]_b',
    }, 'SPECIFICATION Spec\nPROPERTY Refines');
    expect(spec.properties.map((p) => p.kind)).toEqual(['initPredicate', 'actionInvariant']);
    const [s0] = [...spec.initStates()];
    const n = (k: number) => [{ kind: 'int', n: k }] as never;
    const box = spec.properties[1]!;
    if (box.kind !== 'actionInvariant') throw new Error('expected an action invariant');
    // b = n % 3: 0 -> 1 is a PNext step, 0 -> 3 a stutter of b, 0 -> 2 neither
    expect([box.holds(s0!, n(1)), box.holds(s0!, n(3)), box.holds(s0!, n(2))]).toEqual([true, true, false]);
  });
});

describe('functions kept lazily end up in states evaluated', () => {
  test('a recursive function definition assigned in Init reads the assignment made before it', async () => {
    // f[i] = y + i with y = 10: f = <<11, 12>>, evaluated while y is assigned
    const spec = await compile({ M: 'EXTENDS Naturals\nVARIABLES y, x\nf[i \\in 1..2] == y + i\nInit == y = 10 /\\ x = f' }, 'INIT Init');
    expect(states(spec, spec.initStates())).toEqual(['y=10 x=<<11, 12>>']);
  });
});
