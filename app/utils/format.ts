/** Dates, numbers and money for fi-FI / sv-FI (Intl), and parsing of what people type. */
import type { Lang } from "~/i18n";
import type { Cell, ColumnKind } from "./dashboard-types";

export const locale = (lang: Lang) => (lang === "sv" ? "sv-FI" : "fi-FI");

// Building an Intl formatter costs far more than using one; a page formats thousands of figures.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions, name?: string) {
  // A caller that formats a figure per table cell names its options, so the key is not serialized each time.
  const key = name ? lang + name : lang + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), options);
    numberFormats.set(key, f);
  }
  return f;
}
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions) {
  const key = lang + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), options);
    dateFormats.set(key, f);
  }
  return f;
}

/** 31.12.2017 (fi) or 31.12.2017 (sv-FI uses the same numeric form). ISO date strings in, no time zone shifts. */
export function formatDate(lang: Lang, iso: string | Date | null | undefined) {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(`${iso.slice(0, 10)}T12:00:00Z`) : iso;
  return dateFormat(lang, { day: "numeric", month: "numeric", year: "numeric", timeZone: "Europe/Helsinki" }).format(d);
}

export function formatDateTime(lang: Lang, value: string | Date | null | undefined) {
  if (!value) return "";
  return dateFormat(lang, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Helsinki" }).format(
    new Date(value),
  );
}

export function formatNumber(lang: Lang, n: number | null | undefined, digits = 0) {
  if (n == null || Number.isNaN(n)) return "";
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }, `#n${digits}`).format(n);
}

/** Euro amounts stored as integer cents. */
export function formatMoney(lang: Lang, cents: number | null | undefined, { whole = false } = {}) {
  if (cents == null) return "";
  return numberFormat(lang, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}

/** Euros without cents when the amount is whole, with them when not: "250 €", "1 250,50 €". */
export function formatPrice(lang: Lang, cents: number) {
  return formatMoney(lang, cents, { whole: cents % 100 === 0 });
}

/**
 * A service's indicative price: a range, a single price (both ends equal), or only a lower bound
 * ("from 200 €"). The caller words "from" in the page's language.
 */
export function priceParts(
  lang: Lang,
  fromCents: number,
  toCents: number | null | undefined,
): { kind: "range"; from: string; to: string } | { kind: "single"; price: string } | { kind: "from"; from: string } {
  if (toCents == null) return { kind: "from", from: formatPrice(lang, fromCents) };
  if (toCents === fromCents) return { kind: "single", price: formatPrice(lang, fromCents) };
  return { kind: "range", from: formatPrice(lang, fromCents), to: formatPrice(lang, toCents) };
}

/** Hours with their unit in words: "2,5 tuntia", "1,5 timmar". */
export function formatHours(lang: Lang, hours: number | null | undefined) {
  if (hours == null || Number.isNaN(hours)) return "";
  return numberFormat(lang, { style: "unit", unit: "hour", unitDisplay: "long", maximumFractionDigits: 2 }).format(
    hours,
  );
}

/** A share 0..1 as a percentage. */
export function formatPercent(lang: Lang, share: number | null | undefined, digits = 1) {
  if (share == null || Number.isNaN(share)) return "";
  return numberFormat(
    lang,
    { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits },
    `#p${digits}`,
  ).format(share);
}

/** Parses "1 234,50", "1234.5", "1 234 €" into cents; null when it is not an amount. */
export function parseMoneyToCents(input: string): number | null {
  const s = input
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/€$/, "")
    .replace(/^€/, "");
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ""] = s.split(/[.,]/);
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** Parses a decimal typed as "12,5" or "12.5". */
export function parseDecimal(input: string): number | null {
  const s = input.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** Parses "31.12.2017" (or ISO "2017-12-31") into "2017-12-31"; null when it is not a real date. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  const dmy = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const iso = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2017-12-31" shown as a user would type it: "31.12.2017". */
export function isoToInput(iso: string | null | undefined) {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
}

/** Cents shown as a user would type them: "1 234,50". */
export function centsToInput(cents: number | null | undefined, lang: Lang = "fi") {
  if (cents == null) return "";
  return numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true }).format(
    cents / 100,
  );
}

/** Sorts by the language's collation. */
export function collator(lang: Lang) {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(locale(lang));
    collators.set(lang, c);
  }
  return c;
}
const collators = new Map<Lang, Intl.Collator>();

/** A bounded list sorted by the page language's collation (å, ä, ö after z; v and w as the language has them). */
export function sortedByName<T>(lang: Lang, items: readonly T[], name: (item: T) => string): T[] {
  const c = collator(lang);
  return [...items].sort((a, b) => c.compare(name(a), name(b)));
}

/** A dashboard table's cell as the page, the report and the Word document show it. */
export function formatCell(lang: Lang, kind: ColumnKind, value: Cell) {
  if (value == null || value === "") return "";
  if (typeof value === "string") return value;
  switch (kind) {
    case "int":
      return formatNumber(lang, value);
    case "dec":
      return formatNumber(lang, value, 1);
    case "pct":
      return formatPercent(lang, value);
    case "eur":
      return formatMoney(lang, value, { whole: true });
    default:
      return String(value);
  }
}
