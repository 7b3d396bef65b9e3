/**
 * Where "now" comes from for the job runner and the follow-up scheduler (docs/decisions/085).
 * They take `now` as a parameter that defaults to `clock.now()`, so a test moves time by passing
 * another date (or replacing `clock.now`), never by touching the system clock.
 */
export type Clock = { now(): Date };

export const clock: Clock = { now: () => new Date() };

/** A date in Finland as YYYY-MM-DD (the day an answer is dated by). */
const helsinkiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function helsinkiDay(at: Date) {
  return helsinkiDate.format(at);
}

export const DAY_MS = 24 * 3600 * 1000;
