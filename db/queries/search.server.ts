/**
 * Searching for word forms in Finnish and Swedish (docs/decisions/080-word-form-search.md).
 *
 * Finnish inflects and compounds: "sirkus" must find "Sirkusta senioreille" (stemmed `sirku`),
 * "laulu" must find "Laulutuokiot" and "Laulava", "sirkusta" must find "Sirkus". Each word of the
 * search matches, as a prefix, any of: the word itself, its Finnish and Swedish stems, and the word
 * cut by two letters (at least four kept) — the inflection endings the stemmers do not undo alike
 * for a query and a text. Titles and names also match by trigram word similarity (pg_trgm), which
 * catches what is left: a compound's first part and a typo.
 */
import { sql, type SQL } from "drizzle-orm";

/** The words of a search, lower case, letters and digits only, at most eight. */
export function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/** The prefixes a word is matched by in the 'simple' configuration: itself and its cut form. */
export function wordPrefixes(word: string): string[] {
  const cut = word.length >= 5 ? word.slice(0, Math.max(4, word.length - 2)) : null;
  return cut && cut !== word ? [word, cut] : [word];
}

/** A tsquery for word forms: every word (AND), each in any of its forms (OR); null without words. */
export function wordFormsQuery(q: string): SQL | null {
  const words = searchWords(q);
  if (!words.length) return null;
  const perWord = words.map((w) => {
    const simple = wordPrefixes(w)
      .map((p) => `${p}:*`)
      .join(" | ");
    // Only letters and digits are left, so the words are safe inside tsquery syntax.
    return sql`(to_tsquery('simple', ${simple}) || to_tsquery('finnish', ${`${w}:*`}) || to_tsquery('swedish', ${`${w}:*`}))`;
  });
  return sql`(${sql.join(perWord, sql` && `)})`;
}

/**
 * The same matches as `wordFormsQuery`, as the indexes read them: the SQL function `word_forms_match`
 * (migration 0026, docs/decisions/154) drops each prefix another one covers, so the GIN index expands
 * one prefix per word instead of four. For conditions; ranking keeps `wordFormsQuery` (ts_rank scores
 * every item of the query). Null without words.
 */
export function wordFormsMatch(q: string): SQL | null {
  const words = searchWords(q);
  if (!words.length) return null;
  return sql`word_forms_match(array[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[])`;
}

/** The whole search as one lower-case string for trigram similarity. */
export function trigramText(q: string): string {
  return searchWords(q).join(" ");
}

/** A pilot's titles in both languages: the expression the trigram index is built on (migration 0007). */
export const pilotTitleText = sql`(lower(coalesce(p.title->>'fi', '') || ' ' || coalesce(p.title->>'sv', '')))`;

/** The ids of the artists whose profile, or an approved visible service, matches (`artist_search_ids`). */
export function artistSearchSql(q: string): SQL | null {
  const tsq = wordFormsMatch(q);
  return tsq ? sql`a.id = any(array(select artist_search_ids(${tsq}, ${trigramText(q)})))` : null;
}
