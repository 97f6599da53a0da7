// LiveSettle.tla / LiveToggle.tla: <>[](x = 2) for a counter that settles, <>[](x = 1) for a toggle.
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness } from './tlc-liveness.js';

const count = (x: number) => (x < 2 ? [x + 1] : []);
const toggle = (x: number) => [1 - x];
const settles: OracleModel<number> = { init: () => [0], next: count, checkDeadlock: false };
const toggles: OracleModel<number> = { init: () => [0], next: toggle };

export const run = () => tlcLiveness(settles, [{ kind: 'WF', step: count }], { kind: 'eventuallyAlways', p: (x) => x === 2 });
export const runToggle = () => tlcLiveness(toggles, [{ kind: 'WF', step: toggle }], { kind: 'eventuallyAlways', p: (x) => x === 1 });

printIfMain(import.meta.url, () => run());
