/** What the random-data tests of the figures share: a day in milliseconds and a date as ISO (yyyy-mm-dd). */
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
