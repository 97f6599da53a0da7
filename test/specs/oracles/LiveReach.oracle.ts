// LiveReach.tla / LiveStutter.tla: a counter to 3, <>(x = 3) with and without WF_x(Next).
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness } from './tlc-liveness.js';

const counter: OracleModel<number> = {
  init: () => [0],
  next: (x) => (x < 3 ? [x + 1] : []),
  checkDeadlock: false,
};
const reach = { kind: 'eventually', p: (x: number) => x === 3 } as const;

export const run = () => tlcLiveness(counter, [{ kind: 'WF', step: counter.next }], reach);
export const runUnfair = () => tlcLiveness(counter, [], reach);

printIfMain(import.meta.url, () => run());
