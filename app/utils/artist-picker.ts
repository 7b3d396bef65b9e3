/**
 * The pilot form's artist picker, what its browser and server sides share (docs/decisions/148): an
 * employment row's field names, the intents of its search-then-choose step without JavaScript, the
 * search address and the longest search taken.
 */

export type PickedArtist = { id: number; name: string };

/** The answer to a row's search without JavaScript: the form comes back with the matches for that row. */
export type ArtistSearch = { row: number; q: string; results: PickedArtist[] };

/** The longest search the picker takes (the field's `maxLength`; the server refuses a longer one). */
export const ARTIST_QUERY_MAX = 100;

/** A row's search without JavaScript ("artistSearch:2"), and its "change the chosen artist" ("artistChange:2"). */
export const ARTIST_SEARCH = "artistSearch";
export const ARTIST_CHANGE = "artistChange";

/** The most employment rows a form may have (the intents name a row below it). */
const MAX_ROWS = 200;

export const artistField = (row: number) => `employments.${row}.artist`;
export const searchField = (row: number) => `employments.${row}.artistSearch`;

/** The search resource's address for the page's language. */
export const artistSearchUrl = (lang: string, q: string) => `/${lang}/artists/search?q=${encodeURIComponent(q)}`;

/** A row intent posted by the form's buttons, or null for any other intent. */
export function rowIntent(intent: unknown): { kind: typeof ARTIST_SEARCH | typeof ARTIST_CHANGE; row: number } | null {
  if (typeof intent !== "string") return null;
  const m = intent.match(/^(artistSearch|artistChange):(\d{1,3})$/);
  if (!m || Number(m[2]) >= MAX_ROWS) return null;
  return { kind: m[1] as typeof ARTIST_SEARCH | typeof ARTIST_CHANGE, row: Number(m[2]) };
}

/** The artist ids the form's rows name, by row ("employments.3.artist" → [3, id]); other values are left out. */
export function chosenArtists(values: Record<string, string | string[] | undefined>): [number, number][] {
  const out: [number, number][] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = key.match(/^employments\.(\d+)\.artist$/);
    const v = Array.isArray(value) ? value[0] : value;
    if (m && typeof v === "string" && /^\d{1,9}$/.test(v)) out.push([Number(m[1]), Number(v)]);
  }
  return out;
}

/** The form's options with the artists the action named (the chosen ones) and its search's matches. */
export function withPicked<O extends { artists: PickedArtist[] }>(
  options: O,
  result: { artists?: PickedArtist[]; artistSearch?: ArtistSearch | null } | null | undefined,
): O & { artistSearch?: ArtistSearch | null } {
  if (!result?.artists) return options;
  return { ...options, artists: result.artists, artistSearch: result.artistSearch ?? null };
}
