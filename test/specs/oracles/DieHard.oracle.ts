// DieHard.tla / DieHardEven.tla by hand: state {small, big}, the six actions in Next's order.
import { printIfMain, tlcBfs, type OracleModel } from './tlc-bfs.js';

interface Jugs { small: number; big: number }

export function jugs(smallCap: number, bigCap: number, invariants: OracleModel<Jugs>['invariants']): OracleModel<Jugs> {
  return {
    init: () => [{ small: 0, big: 0 }],
    *next({ small, big }) {
      yield { small: smallCap, big }; // FillSmall
      yield { small, big: bigCap }; // FillBig
      yield { small: 0, big }; // EmptySmall
      yield { small, big: 0 }; // EmptyBig
      const toBig = Math.min(small, bigCap - big);
      yield { small: small - toBig, big: big + toBig }; // SmallToBig
      const toSmall = Math.min(big, smallCap - small);
      yield { small: small + toSmall, big: big - toSmall }; // BigToSmall
    },
    invariants,
  };
}

const typeOK = (smallCap: number, bigCap: number) => (s: Jugs) =>
  s.small >= 0 && s.small <= smallCap && s.big >= 0 && s.big <= bigCap;

export const run = () =>
  tlcBfs(jugs(3, 5, [['TypeOK', typeOK(3, 5)], ['NotSolved', (s) => s.big !== 4]]));

export const runEven = () =>
  tlcBfs(
    jugs(4, 6, [
      ['TypeOK', typeOK(4, 6)],
      ['NeverThree', (s) => s.small !== 3 && s.big !== 3],
      ['AllEven', (s) => s.small % 2 === 0 && s.big % 2 === 0],
    ]),
  );

printIfMain(import.meta.url, () => run());
