// ActionPropConstrained.tla by hand: a counter under CONSTRAINT x <= 2 with [][x' <= 2]_x.
import { printIfMain, tlcBfs } from './tlc-bfs.js';

export const run = () =>
  tlcBfs<number>({
    init: () => [0],
    next: (x) => [x + 1],
    constraint: (x) => x <= 2,
    actionProperties: [['SmallSteps', (_s, t) => t <= 2]],
  });

printIfMain(import.meta.url, () => run());
