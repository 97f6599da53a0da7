// mulberry32 (Tommy Ettinger's public-domain generator): a small seeded generator in [0, 1), the
// same sequence on every platform — for the engine's reproducible random choices (simulation,
// Randomization's draws). impl/kernel/prng.ts keeps its own copy: the implementation does not
// depend on the engine.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
