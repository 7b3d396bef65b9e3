/**
 * Sorting text by the page language's collation in SQL (docs/decisions/081-collation.md).
 * PostgreSQL with ICU: the "fi-FI-x-icu" / "sv-FI-x-icu" collations. PGlite has no ICU: a sort key
 * that puts å, ä, ö (and æ, ø) after z in the Nordic order and folds ü and accented vowels, which
 * is the difference between byte order and both languages' alphabets for the titles and names
 * here. openDb() finds out which applies once per process.
 */
import { sql, type SQL } from "drizzle-orm";

let icu = false;

/** Set by openDb(): whether the database has the ICU collations. */
export function setIcuCollations(available: boolean) {
  icu = available;
}

export function hasIcuCollations() {
  return icu;
}

/** `expr` as an ORDER BY key in the language's alphabetical order (case-insensitive). */
export function collated(expr: SQL, lang: "fi" | "sv"): SQL {
  if (icu) return sql`lower(${expr}) collate ${sql.raw(lang === "sv" ? `"sv-FI-x-icu"` : `"fi-FI-x-icu"`)}`;
  return sql`translate(lower(${expr}), 'åäöæøüéèáà', '{|}|}yeeaa')`;
}
