/**
 * The field validators every form schema is built from (docs/decisions/050). Each takes what a form
 * posts (a string, an array when a name repeats, nothing when absent) and yields a typed value, or an
 * issue whose message is a locale key in the common namespace ("validation.*"). A message may carry
 * parameters after a "|" as a query string ("validation.tooLong|max=300"); `errorText` renders it.
 *
 * No value leaves here that PostgreSQL would refuse: text has no control characters, integers fit
 * int4 and the column's CHECK constraints, dates exist.
 */
import { z } from "zod";
import { checkDate } from "~shared/dates";
import { parseMoneyToCents } from "./format";
import { M, withParams } from "./messages";

/** The one date parser (dd.mm.yyyy, d.m.yyyy or ISO), shared with the database layer's URL filters. */
export { checkDate };

export { errorText, M } from "./messages";

/** PostgreSQL's int4: ids, versions and counts stay within it. */
export const INT4_MAX = 2_147_483_647;

/** NUL and the other C0 and C1 control characters; multi-line text may hold tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function hasControlChars(s: string, multiline = false) {
  return (multiline ? CONTROL_MULTILINE : CONTROL).test(s);
}

/** A query parameter as a search term: control characters dropped, trimmed, at most `max` characters. */
export function cleanQuery(s: string | null | undefined, max = 200) {
  return (
    (s ?? "")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
      .trim()
      .slice(0, max)
  );
}

/** One value from a form field: the first when the name repeats, "" when absent or a file. */
export const one = (v: unknown) =>
  Array.isArray(v) ? (typeof v[0] === "string" ? v[0] : "") : typeof v === "string" ? v : "";

const str = () => z.preprocess(one, z.string());

/** Trimmed text without control characters, at most `max` characters; "" when empty. */
export function text(max: number, { multiline = false } = {}) {
  return str().transform((raw, ctx) => {
    const s = raw.trim();
    if (hasControlChars(s, multiline)) {
      ctx.addIssue({ code: "custom", message: M.controlChars });
      return z.NEVER;
    }
    if (s.length > max) {
      ctx.addIssue({ code: "custom", message: withParams(M.tooLong, { max }) });
      return z.NEVER;
    }
    return s;
  });
}

/** Text that must be given. */
export const requiredText = (max: number, opts: { multiline?: boolean; message?: string } = {}) =>
  text(max, opts).refine((s) => s !== "", opts.message ?? M.required);

/** Optional text as null when empty. */
export const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  text(max, opts).transform((s) => (s === "" ? null : s));

/** The one email check: lower-cased; "" when empty (use requiredEmail when it must be given). */
export const isEmail = (s: string) => s.length <= 254 && !hasControlChars(s) && z.email().safeParse(s).success;
export const email = () =>
  text(254).transform((s, ctx) => {
    if (!s) return "";
    if (!isEmail(s)) {
      ctx.addIssue({ code: "custom", message: M.email });
      return z.NEVER;
    }
    return s.toLowerCase();
  });
export const requiredEmail = () => email().refine((s) => s !== "", M.required);

/** The one URL check: an absolute http(s) address; "" when empty. */
export function isHttpUrl(s: string) {
  if (hasControlChars(s) || /\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}
export const url = (max = 1000) =>
  text(max).transform((s, ctx) => {
    if (s && !isHttpUrl(s)) {
      ctx.addIssue({ code: "custom", message: M.url });
      return z.NEVER;
    }
    return s;
  });

/** An ISO date from a URL parameter, or undefined when it is not a real date (never throws). */
export function isoDateParam(s: string | null | undefined) {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const r = checkDate(s);
  return r.ok && r.iso >= "1900-01-01" && r.iso <= "2199-12-31" ? r.iso : undefined;
}

/** An optional date as ISO (null when empty), between `min` and `max`. */
export function date({ min = "1950-01-01", max = "2100-12-31" }: { min?: string; max?: string } = {}) {
  return text(40).transform((s, ctx): string | null => {
    if (!s) return null;
    const r = checkDate(s);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.reason === "missing" ? M.dateNotExist : M.date });
      return z.NEVER;
    }
    if (r.iso < min || r.iso > max) {
      ctx.addIssue({ code: "custom", message: M.dateRange });
      return z.NEVER;
    }
    return r.iso;
  });
}

/** Euro amounts as integer cents (null when empty): "1 234,50", "1234.5", "1 234 €". */
export function money({ max = 100_000_000_00, message = M.amount as string } = {}) {
  return text(40).transform((s, ctx): number | null => {
    if (!s) return null;
    const c = parseMoneyToCents(s);
    if (c == null || c > max || c > INT4_MAX) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return c;
  });
}

/**
 * An optional whole number between `min` and `max` (null when empty); spaces as thousands
 * separators are allowed. `max` never exceeds int4.
 */
export function int({ min = 0, max = INT4_MAX, message }: { min?: number; max?: number; message?: string } = {}) {
  const top = Math.min(max, INT4_MAX);
  const msg = message ?? withParams(M.integer, { min, max: top });
  return text(40).transform((s, ctx): number | null => {
    const t = s.replace(/[\s\u00a0\u202f]/g, "");
    if (!t) return null;
    if (!/^-?\d{1,12}$/.test(t) || Number(t) < min || Number(t) > top) {
      ctx.addIssue({ code: "custom", message: msg });
      return z.NEVER;
    }
    return Number(t);
  });
}

/** A whole number that must be given. */
export const requiredInt = (opts: { min?: number; max?: number; message?: string } = {}) =>
  int(opts).transform((n, ctx) => {
    if (n == null) {
      ctx.addIssue({ code: "custom", message: M.required });
      return z.NEVER;
    }
    return n;
  });

/** A row id or a version posted by a form: 1 … int4. */
export const id = () => requiredInt({ min: 1, message: M.invalid });
export const optionalId = () => int({ min: 1, message: M.invalid });

/** A decimal typed as "12,5" or "12.5" (null when empty), rounded to hundredths. */
export function decimal({ max, message }: { max: number; message?: string }) {
  return text(40).transform((s, ctx): number | null => {
    const t = s.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    if (!t) return null;
    if (!/^\d{1,9}(\.\d{1,6})?$/.test(t) || Number(t) > max) {
      ctx.addIssue({ code: "custom", message: message ?? withParams(M.decimal, { max }) });
      return z.NEVER;
    }
    return Math.round(Number(t) * 100) / 100;
  });
}

/** A checkbox: true when ticked. */
export const checkbox = () => z.preprocess((v) => one(v) === "on" || one(v) === "true" || one(v) === "1", z.boolean());

/** A code from a fixed list (a select or radio group), or null when none is chosen. */
export function choice<T extends readonly [string, ...string[]]>(values: T, message: string = M.invalid) {
  return str().transform((s, ctx): T[number] | null => {
    if (!s) return null;
    if (!(values as readonly string[]).includes(s)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return s as T[number];
  });
}

/** A code from a fixed list that must be chosen. */
export const requiredChoice = <T extends readonly [string, ...string[]]>(values: T, message: string = M.required) =>
  choice(values, M.invalid).transform((v, ctx): T[number] => {
    if (v == null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return v;
  });

/** A code of a reference list (art forms, target groups…): letters, digits, "_" and "-". */
export const CODE = /^[\w-]{1,40}$/;

/** A checkbox group: absent, one value or many; each a code, duplicates dropped. */
export function codes({ max = 400, min = 0, message = M.required as string } = {}) {
  return z
    .preprocess(
      (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().regex(CODE, M.invalid)).max(max, M.invalid),
    )
    .transform((a) => [...new Set(a)])
    .refine((a) => a.length >= min, message);
}

/** A checkbox group restricted to `values`. */
export function manyOf<T extends readonly [string, ...string[]]>(
  values: T,
  { min = 0, message = M.required as string } = {},
) {
  return z
    .preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, M.invalid)))
    .transform((a) => [...new Set(a)] as T[number][])
    .refine((a) => a.length >= min, message);
}

/**
 * A repeating group of rows posted as "group.0.field", "group.1.field"… (an object keyed by the
 * row index once parsed): rows in index order, blank rows (null after validation) dropped.
 */
export function rows<T extends z.ZodTypeAny>(row: T, max = 100) {
  return z
    .preprocess(
      (v) => {
        if (v == null || v === "") return [];
        if (Array.isArray(v)) return v;
        if (typeof v !== "object") return v;
        const out: unknown[] = [];
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
          if (/^\d{1,3}$/.test(k)) out[Number(k)] = x;
        }
        return out;
      },
      z.array(row.optional()).max(max, M.invalid),
    )
    .transform((a) => a.filter((r): r is NonNullable<z.infer<T>> => r != null));
}

/** A password as typed (not trimmed): given, at most 1,000 characters, no control characters. */
export const password = () =>
  str().transform((s, ctx) => {
    if (!s) {
      ctx.addIssue({ code: "custom", message: M.required });
      return z.NEVER;
    }
    if (hasControlChars(s)) {
      ctx.addIssue({ code: "custom", message: M.controlChars });
      return z.NEVER;
    }
    if (s.length > 1000) {
      ctx.addIssue({ code: "custom", message: withParams(M.tooLong, { max: 1000 }) });
      return z.NEVER;
    }
    return s;
  });

/** A new password and its repetition; the policy (checkPassword, on the server) runs after this. */
export const newPasswordFields = {
  password: password(),
  passwordConfirm: password(),
};
