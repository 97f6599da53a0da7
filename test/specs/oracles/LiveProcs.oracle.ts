// LiveProcs.tla / LiveStarve.tla: two bits flipped by p1, p2; \A p : []<>(b[p] = 1) under
// fairness per process, or of Next as a whole.
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness, type LiveProperty } from './tlc-liveness.js';

type S = [number, number];
const flip = (p: 0 | 1) => (b: S): S[] => [p === 0 ? [1 - b[0], b[1]] : [b[0], 1 - b[1]]];
const spec: OracleModel<S> = { init: () => [[0, 0]], next: (b) => [...flip(0)(b), ...flip(1)(b)] };
const each: LiveProperty<S> = {
  kind: 'all',
  props: [0, 1].map((p) => ({ kind: 'infinitelyOften', p: (b: S) => b[p] === 1 }) as const),
};

export const run = () => tlcLiveness(spec, [{ kind: 'WF', step: flip(0) }, { kind: 'WF', step: flip(1) }], each);
export const runWhole = () => tlcLiveness(spec, [{ kind: 'WF', step: spec.next }], each);

printIfMain(import.meta.url, () => run());
