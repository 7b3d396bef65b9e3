/** Today's date in Finland as YYYY-MM-DD. */
const helsinkiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The last answer, by the second it was for: a page asks several times per request, and formatting in
 * a time zone is slow. A day starts on a whole second in every zone, so one second has one date.
 */
let last = { second: Number.NaN, iso: "" };

export function todayIso(now = new Date()) {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== last.second) last = { second, iso: helsinkiDate.format(now) };
  return last.iso;
}

/**
 * A date typed as dd.mm.yyyy (also d.m.yyyy and ISO yyyy-mm-dd): "format" when it is not written
 * as a date, "missing" when it is written as one that does not exist (31.2.2017, 29.2.2017).
 */
export function checkDate(input: string): { ok: true; iso: string } | { ok: false; reason: "format" | "missing" } {
  const s = input.trim();
  let y: number;
  let m: number;
  let d: number;
  const dmy = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const iso = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return { ok: false, reason: "format" };
  if (m < 1 || m > 12 || d < 1 || d > 31) return { ok: false, reason: "missing" };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, reason: "missing" };
  return { ok: true, iso: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}
