/** Today's date in Finland as YYYY-MM-DD. */
const helsinkiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function todayIso(now = new Date()) {
  return helsinkiDate.format(now);
}

/** Adds months to an ISO date (end-of-month safe), returning YYYY-MM-DD. */
export function addMonthsIso(iso: string, months: number) {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
