// StepsForever.tla / StepsStall.tla by hand: (x, y) with Inc, Reset, Flip; []<><<Reset>>_vars.
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness } from './tlc-liveness.js';

type S = readonly [number, number];
const inc = ([x, y]: S): S[] => (x < 2 ? [[x + 1, y]] : []);
const reset = ([x, y]: S): S[] => (x === 2 ? [[0, y]] : []);
const flip = ([x, y]: S): S[] => [[x, 1 - y]];
const spec: OracleModel<S> = { init: () => [[0, 0]], next: (s) => [...inc(s), ...reset(s), ...flip(s)] };
const resetsForever = { kind: 'infinitelyOftenStep', step: reset } as const;

export const run = () => tlcLiveness(spec, [{ kind: 'WF', step: inc }, { kind: 'WF', step: reset }], resetsForever);
export const runStall = () => tlcLiveness(spec, [{ kind: 'WF', step: flip }], resetsForever);

printIfMain(import.meta.url, () => run());
