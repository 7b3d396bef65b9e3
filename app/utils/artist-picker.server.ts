/**
 * The pilot form's artist picker on the server (docs/decisions/148): which artists a form may name,
 * their names for the page, a row's search without JavaScript, and the field errors for an artist
 * that may not be saved.
 */
import type { Db } from "~db/connect";
import { artistNames } from "~db/queries/artist-directory.server";
import { approvedArtists, searchPickerArtists } from "~db/queries/artist-picker.server";
import { loadPilotInput } from "~db/queries/pilot-form-data.server";
import { getRevision } from "~db/queries/pilot-revisions.server";
import type { Lang } from "~/i18n";
import {
  ARTIST_QUERY_MAX,
  ARTIST_SEARCH,
  type ArtistSearch,
  artistField,
  chosenArtists,
  type PickedArtist,
  searchField,
} from "./artist-picker";
import type { FieldErrors } from "./forms";
import type { FormValues, PilotInput } from "./pilot-form";

export const ARTIST_UNKNOWN = "pilots:validation.artistUnknown";
export const ARTIST_NOT_CHOSEN = "pilots:validation.artistNotChosen";

/** The artists a pilot already employs, in its saved version or its pending revision: they stay allowed. */
export function employedIds(...inputs: (PilotInput | null | undefined)[]): Set<number> {
  return new Set(inputs.flatMap((i) => i?.employments.flatMap((e) => (e.artistId == null ? [] : [e.artistId])) ?? []));
}

/** The employed artists of a pilot (null: a new one). */
export async function pilotEmployedIds(db: Db, pilotId: number | null): Promise<Set<number>> {
  if (pilotId == null) return new Set();
  const [current, revision] = await Promise.all([loadPilotInput(db, pilotId), getRevision(db, pilotId)]);
  return employedIds(current?.input, revision?.input);
}

/**
 * The artists the form's values name that it may save (approved, or already employed by the pilot),
 * with their names; the rows naming any other id.
 */
export async function checkChosen(db: Db, values: FormValues, employed: Set<number>) {
  const chosen = chosenArtists(values);
  const ids = [...new Set(chosen.map(([, id]) => id))];
  const approved = await approvedArtists(
    db,
    ids.filter((id) => !employed.has(id)),
  );
  const kept = ids.filter((id) => employed.has(id));
  const named = [...approved, ...(await artistNames(db, kept))];
  const allowed = new Set(named.map((a) => a.id));
  return { artists: named, refused: chosen.filter(([, id]) => !allowed.has(id)).map(([row]) => row) };
}

/**
 * Field errors of the employment rows: an artist who may not be saved (unknown, or not in the
 * directory), and a search typed but no artist chosen from it (nor a name written instead).
 */
export function rowErrors(values: FormValues, refused: number[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(values)) {
    const m = key.match(/^employments\.(\d+)\.artistSearch$/);
    if (!m || typeof value !== "string" || !value.trim()) continue;
    const row = Number(m[1]);
    const artist = values[artistField(row)];
    const name = values[`employments.${row}.name`];
    // Keyed by the artist field, as the unknown artist is: the row's one field to fix.
    if (!artist && !(typeof name === "string" && name.trim())) errors[artistField(row)] = ARTIST_NOT_CHOSEN;
  }
  for (const row of refused) errors[artistField(row)] = ARTIST_UNKNOWN;
  return errors;
}

/**
 * A row's step without JavaScript: "search" finds the matches for what the row's search field holds,
 * "change" lets go of the chosen artist. Either way the form comes back with everything typed kept.
 */
export async function rowStep(
  db: Db,
  lang: Lang,
  values: FormValues,
  step: { kind: string; row: number },
): Promise<{ values: FormValues; artistSearch: ArtistSearch | null }> {
  const next = { ...values };
  delete next[artistField(step.row)];
  if (step.kind !== ARTIST_SEARCH) {
    next[searchField(step.row)] = "";
    return { values: next, artistSearch: null };
  }
  const raw = values[searchField(step.row)];
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, ARTIST_QUERY_MAX);
  const results: PickedArtist[] = q ? await searchPickerArtists(db, q, lang) : [];
  return { values: next, artistSearch: { row: step.row, q, results } };
}
