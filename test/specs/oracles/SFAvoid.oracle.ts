// SFAvoid.tla by hand: x in 0..3, WF on Move and SF on Exit, <>(x = 3).
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness } from './tlc-liveness.js';

const move = (x: number): number[] => (x === 0 ? [1] : x === 1 ? [0, 2] : x === 2 ? [0] : []);
const exit = (x: number): number[] => (x === 2 ? [3] : []);
const spec: OracleModel<number> = { init: () => [0], next: (x) => [...move(x), ...exit(x)], checkDeadlock: false };

export const run = () =>
  tlcLiveness(spec, [{ kind: 'WF', step: move }, { kind: 'SF', step: exit }], { kind: 'eventually', p: (x) => x === 3 });

printIfMain(import.meta.url, () => run());
