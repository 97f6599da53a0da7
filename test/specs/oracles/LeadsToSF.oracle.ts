// LeadsToSF.tla / LeadsToWF.tla: (x, lock); (x = 0) ~> (x = 2) under WF(Toggle) and SF or WF(Bump).
import { printIfMain, type OracleModel } from './tlc-bfs.js';
import { tlcLiveness } from './tlc-liveness.js';

interface S { x: number; lock: boolean }
const toggle = ({ x, lock }: S): S[] => [{ x, lock: !lock }];
const bump = ({ x, lock }: S): S[] => (lock && x < 2 ? [{ x: x + 1, lock: false }] : []);
const spec: OracleModel<S> = {
  init: () => [{ x: 0, lock: false }],
  next: (s) => [...toggle(s), ...bump(s)],
  invariants: [['BumpEnabledIffLock', () => true]],
};
const progress = { kind: 'leadsTo', p: (s: S) => s.x === 0, q: (s: S) => s.x === 2 } as const;

export const run = () => tlcLiveness(spec, [{ kind: 'WF', step: toggle }, { kind: 'SF', step: bump }], progress);
export const runWeak = () => tlcLiveness(spec, [{ kind: 'WF', step: toggle }, { kind: 'WF', step: bump }], progress);

printIfMain(import.meta.url, () => run());
