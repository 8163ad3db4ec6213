/** A source of random numbers in [0, 1), as `Math.random` is. */
export type Random = () => number;

/**
 * The largest seed a lesson may give. Each epoch's shuffle is seeded from
 * `seed * 65536 + epoch` in 32 bits (see `rowOrder`), so larger seeds would
 * repeat smaller ones' shuffles.
 */
export const MAX_SEED = 65535;

/**
 * A seeded random source (mulberry32): the same seed gives the same
 * numbers on every machine, so a training run can be repeated.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [low, high) from a random source. */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/** A shuffled copy of `items` (Fisher-Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
