/**
 * The pilot form's artist picker (docs/decisions/148): a short list of approved artists matching a
 * search, and which of the ids a form posts may be saved as an employment. The search is the artist
 * directory's (docs/decisions/080): word forms and compounds in Finnish and Swedish over the name and
 * the bio (the `artists_search` index), and trigram word similarity on the name (`artists_name_trgm`),
 * without the directory's match on services: a picker finds an artist by name.
 */
import { sql } from "drizzle-orm";
import { collated } from "../collation";
import { queryRows, type DbOrTx } from "../connect";
import { searchWords, trigramText, wordFormsQuery } from "./search.server";

/** At most this many artists answer one search. */
export const PICKER_LIMIT = 20;

export type PickedArtist = { id: number; name: string };

/**
 * Approved artists matching `q`, most relevant first: the name starting with the search, then a word
 * of the name starting with it, then the name matching the words in any of their forms, then the rest
 * (the bio, or a near spelling of the name); within each, by name in the page language's order.
 */
export async function searchPickerArtists(
  db: DbOrTx,
  q: string,
  lang: "fi" | "sv",
  limit = PICKER_LIMIT,
): Promise<PickedArtist[]> {
  const tsq = wordFormsQuery(q);
  if (!tsq || !searchWords(q).length) return [];
  const text = trigramText(q);
  // Only letters, digits and single spaces are left in `text`, so it is safe inside a LIKE pattern.
  const relevance = sql`case
      when lower(a.name) like ${`${text}%`} then 0
      when ' ' || regexp_replace(lower(a.name), '[^[:alnum:]]+', ' ', 'g') like ${`% ${text}%`} then 1
      when ts_rank('{0,0,0,1}', a.search, ${tsq}) > 0 then 2
      else 3 end`;
  return queryRows<PickedArtist>(
    db,
    sql`select a.id, a.name from artists a
      where a.state = 'approved' and (a.search @@ ${tsq} or lower(a.name) %> ${text})
      order by ${relevance}, ${collated(sql`a.name`, lang)}, a.id
      limit ${Math.max(1, Math.min(limit, PICKER_LIMIT))}`,
  );
}

/** Of `ids`, the approved artists with their names: the ones a form may newly employ. */
export async function approvedArtists(db: DbOrTx, ids: number[]): Promise<PickedArtist[]> {
  if (!ids.length) return [];
  return queryRows<PickedArtist>(
    db,
    sql`select id, name from artists where state = 'approved' and id in ${ids} order by id`,
  );
}
