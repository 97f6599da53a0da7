// Model checking specs that EXTEND several bundled library modules, run as a user runs them:
// `node bin/rdsib.js check X.tla` from another working directory. State counts by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'rdsib.js');
const dir = mkdtempSync(join(tmpdir(), 'rdsib-library-'));

function rdsib(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmpdir() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function spec(name: string, lines: string[], cfg: string): string {
  writeFileSync(join(dir, `${name}.tla`), [`---- MODULE ${name} ----`, ...lines, '===='].join('\n') + '\n');
  writeFileSync(join(dir, `${name}.cfg`), cfg);
  return join(dir, `${name}.tla`);
}

// s grows by one element of 1..3 at a time; seq is SetToSeq(s), a function of s, so the states
// are the 8 subsets of 1..3. Successors: 3 from {}, 2 from each of the 3 singletons, 1 from each
// of the 3 pairs, 1 (stuttering) from 1..3: 3 + 6 + 3 + 1 = 13, plus the initial state = 14
// generated. The longest shortest path {} -> {x} -> {x, y} -> 1..3 has 4 states.
const grow = spec(
  'Grow',
  [
    'EXTENDS SequencesExt, FiniteSetsExt, Functions, Folds, Naturals',
    'VARIABLES s, seq',
    'Init == s = {} /\\ seq = <<>>',
    "Add == \\E x \\in (1..3) \\ s : s' = s \\cup {x} /\\ seq' = SetToSeq(s')",
    "Done == s = 1..3 /\\ UNCHANGED <<s, seq>>",
    'Next == Add \\/ Done',
    'Sorted == IsSorted(seq, <) /\\ Len(seq) = Cardinality(s) /\\ ToSet(seq) = s',
    'Sums == FoldLeft(+, 0, seq) = SumSet(s) /\\ FoldFunction(+, 0, seq) = SumSet(s)',
    // TLC's FoldSet override takes the elements in ascending order from base
    'Order == FoldSet(LAMBDA x, acc : Append(acc, x), <<>>, s) = seq',
    'Largest == s # {} => Last(seq) = Max(s) /\\ Range(seq) = s',
  ],
  'INIT Init\nNEXT Next\nINVARIANT Sorted\nINVARIANT Sums\nINVARIANT Order\nINVARIANT Largest\n',
);

// FoldSet in TLC's order builds <<1, 2>> from {1, 2}: the first state with s = {1, 2} violates
// the invariant; its shortest behaviour has 3 states. Breadth first, {} yields {1}, {2}, {3}
// (4 states), then {1}'s first successor is {1, 2}: 5 generated, 5 distinct, when it stops.
const violated = spec(
  'Violated',
  [
    'EXTENDS FiniteSetsExt, Sequences, Naturals',
    'VARIABLE s',
    'Init == s = {}',
    "Next == \\E x \\in (1..3) \\ s : s' = s \\cup {x}",
    'Inv == FoldSet(LAMBDA x, acc : Append(acc, x), <<>>, s) # <<1, 2>>',
  ],
  'INIT Init\nNEXT Next\nINVARIANT Inv\n',
);

const badArg = spec(
  'BadArg',
  ['EXTENDS SequencesExt, Naturals', 'VARIABLE x', 'Init == x = 0', "Next == x' = FoldLeft(+, 0, {1, 2})"],
  'INIT Init\nNEXT Next\n',
);

describe('rdsib check on specs extending the bundled library', () => {
  it('Grow: 14 states generated, 8 distinct, depth 4, no violation', () => {
    const r = rdsib('check', grow);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('14 states generated, 8 distinct states found, 0 states left on queue.');
    expect(r.stdout).toContain('The depth of the complete state graph search is 4.');
  });

  it('Violated: the invariant fails in the state {1, 2}, reached in 3 states', () => {
    const r = rdsib('check', violated, '--json');
    expect(r.code).toBe(12);
    const out = JSON.parse(r.stdout) as { generatedStates: number; distinctStates: number; trace: { s: { '#set': { '#bigint': string }[] } }[] };
    expect(out.trace.map((t) => t.s['#set'].map((x) => Number(x['#bigint'])))).toEqual([[], [1], [1, 2]]);
    expect([out.generatedStates, out.distinctStates]).toEqual([5, 5]);
  });

  it('a wrong argument type is an evaluation error at the call (exit 75)', () => {
    const r = rdsib('check', badArg);
    expect(r.code).toBe(75);
    expect(r.stdout + r.stderr).toContain('The third argument of FoldLeft should be a sequence, but instead it is:\n{1, 2}');
    expect(r.stdout + r.stderr).toMatch(/BadArg\.tla:5:\d+:/);
  });
});
