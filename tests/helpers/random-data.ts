/**
 * What the random-data tests of the figures share: a day in milliseconds, a date as ISO (yyyy-mm-dd) and
 * seeded random choices (the seed's generator, db/seed/demo.ts), so that a failure can be replayed.
 */
import { prng } from "~db/seed/demo";

export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Seeded choices: `r()` in [0, 1), `int(n)` below n, `pick` one of a list, `some` each item with chance `share`. */
export function randomChoices(seed: number, share = 0.4) {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  const some = <T>(xs: readonly T[]) => xs.filter(() => r() < share);
  return { r, int, pick, some };
}
