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
