/**
 * The continuation check's optional "ended on": when the service ended, asked only with the status
 * "ended" (docs/decisions/077). Month precision is enough: "5.2017", "5/2017" or "2017-05" is stored as
 * the first of the month; a full date ("15.5.2017") as given. Kept apart from the rest of the check form.
 */
import { parseDate } from "./format";

export const ENDED_ON_MESSAGES = {
  invalid: "pilots:validation.endedOnInvalid",
  onlyEnded: "pilots:validation.endedOnOnlyEnded",
  afterCheck: "pilots:validation.endedOnAfterCheck",
} as const;

/** "5.2017", "05/2017", "2017-05" → "2017-05-01"; a full date as parseDate reads it; else null. */
export function parseMonthOrDate(input: string): string | null {
  const s = input.trim();
  const fi = s.match(/^(\d{1,2})[./](\d{4})$/);
  const iso = s.match(/^(\d{4})-(\d{1,2})$/);
  if (fi || iso) {
    const [month, year] = fi ? [Number(fi[1]), Number(fi[2])] : [Number(iso![2]), Number(iso![1])];
    if (month < 1 || month > 12) return null;
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
  }
  return parseDate(s);
}

/**
 * Reads the field for a check with `statusCode` dated `checkedOn` (ISO, when valid): the date, null when
 * empty, or an error key (given with another status, not a date or month, or after the check's date).
 */
export function readEndedOn(
  raw: unknown,
  statusCode: string | undefined,
  checkedOn: string | undefined,
): { ok: true; value: string | null } | { ok: false; error: string } {
  const s = typeof raw === "string" ? raw.trim() : "";
  if (!s) return { ok: true, value: null };
  if (statusCode !== "ended") return { ok: false, error: ENDED_ON_MESSAGES.onlyEnded };
  const d = parseMonthOrDate(s);
  if (!d || d < "1990-01-01") return { ok: false, error: ENDED_ON_MESSAGES.invalid };
  if (checkedOn && d > checkedOn) return { ok: false, error: ENDED_ON_MESSAGES.afterCheck };
  return { ok: true, value: d };
}
