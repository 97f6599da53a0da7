// TwoPhase.tla / TwoPhaseSym.tla by hand. Resource managers are indices 0..n-1 (r1..rn, which
// TLC orders by name); the message set is a sorted list of strings.
import { permutations, printIfMain, tlcBfs, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness } from './tlc-liveness.js';

type Rm = 'working' | 'prepared' | 'committed' | 'aborted';
interface S { rm: Rm[]; tm: 'init' | 'committed' | 'aborted'; prepared: number[]; msgs: string[] }

const add = (xs: readonly number[], x: number) => (xs.includes(x) ? [...xs] : [...xs, x].sort());
const addMsg = (xs: readonly string[], m: string) => (xs.includes(m) ? [...xs] : [...xs, m].sort());
const setRm = (rm: readonly Rm[], r: number, v: Rm) => rm.map((x, i) => (i === r ? v : x));
const key = (s: S) => JSON.stringify(s);

export function twoPhase(n: number, symmetric: boolean): OracleModel<S> {
  const perms = permutations([...Array(n).keys()]);
  const permute = (s: S, p: number[]): S => {
    const rm: Rm[] = new Array(n);
    s.rm.forEach((v, i) => (rm[p[i]!] = v));
    return {
      rm,
      tm: s.tm,
      prepared: s.prepared.map((i) => p[i]!).sort(),
      msgs: s.msgs.map((m) => (m.startsWith('P') ? `P${p[Number(m.slice(1))]}` : m)).sort(),
    };
  };
  return {
    init: () => [{ rm: new Array<Rm>(n).fill('working'), tm: 'init', prepared: [], msgs: [] }],
    *next(s) {
      if (s.tm === 'init' && s.prepared.length === n) yield { ...s, tm: 'committed', msgs: addMsg(s.msgs, 'Commit') };
      if (s.tm === 'init') yield { ...s, tm: 'aborted', msgs: addMsg(s.msgs, 'Abort') };
      for (let r = 0; r < n; r++) {
        if (s.tm === 'init' && s.msgs.includes(`P${r}`)) yield { ...s, prepared: add(s.prepared, r) };
        if (s.rm[r] === 'working') yield { ...s, rm: setRm(s.rm, r, 'prepared'), msgs: addMsg(s.msgs, `P${r}`) };
        if (s.rm[r] === 'working') yield { ...s, rm: setRm(s.rm, r, 'aborted') };
        if (s.msgs.includes('Commit')) yield { ...s, rm: setRm(s.rm, r, 'committed') };
        if (s.msgs.includes('Abort')) yield { ...s, rm: setRm(s.rm, r, 'aborted') };
      }
    },
    key: symmetric ? (s) => perms.map((p) => key(permute(s, p))).sort()[0]! : key,
    invariants: [
      ['TypeOK', () => true],
      ['Consistent', (s) => !(s.rm.includes('aborted') && s.rm.includes('committed'))],
    ],
  };
}

export const run = () => tlcBfs(twoPhase(4, false));
export const runSym = () => tlcBfs(twoPhase(4, true));

printIfMain(import.meta.url, () => run());

export const runOrder = () => {
  const m = twoPhase(3, false);
  return tlcBfs({ ...m, invariants: [...m.invariants!, ['NeverCommitted', (s) => s.tm !== 'committed']] });
};
export const runBig = () => tlcBfs(twoPhase(5, false));
export const runHuge = () => tlcBfs(twoPhase(7, false));

/** TwoPhaseLive.tla: WF_vars(Next), <>(every RM committed or aborted). */
export const runLive = () => {
  const m = twoPhase(4, false);
  return tlcLiveness(m, [{ kind: 'WF', step: m.next }], {
    kind: 'eventually',
    p: (s) => s.rm.every((v) => v === 'committed' || v === 'aborted'),
  });
};
