/** 95 % Wilson score interval for x successes out of n (the groups are small; product.md). */
export function wilson(x: number, n: number, z = 1.959963984540054) {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

export const REFERENCE_RATE = 0.8;
