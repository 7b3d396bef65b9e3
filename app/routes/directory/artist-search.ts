/**
 * The pilot form's artist search (docs/decisions/148): JSON of at most 20 approved artists matching
 * `q`, by relevance and then the page language's alphabetical order. For those who may make pilots,
 * as the form is; a search longer than the form's field allows is a 400, and each user has a budget
 * of searches a minute (429 with Retry-After past it).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { searchPickerArtists } from "~db/queries/artist-picker.server";
import { ARTIST_QUERY_MAX } from "~/utils/artist-picker";
import { requireLang } from "~/utils/lang.server";
import { can, requireUserWho } from "~/utils/permissions.server";
import { resourceHeaders } from "~/utils/security.server";

/** Searches a user may make a minute: typing pauses at most a few times a second. */
export const SEARCHES_PER_MINUTE = 120;
const WINDOW_MS = 60_000;
const windows = new Map<number, { start: number; count: number }>();

/** Counts a search for the user; the seconds to wait when over the budget, else 0. */
function overBudget(userId: number, now = Date.now()): number {
  const w = windows.get(userId);
  if (!w || now - w.start >= WINDOW_MS) {
    // Forget the windows that have ended, so the map holds only this minute's users.
    for (const [k, old] of windows) if (now - old.start >= WINDOW_MS) windows.delete(k);
    windows.set(userId, { start: now, count: 1 });
    return 0;
  }
  w.count += 1;
  return w.count > SEARCHES_PER_MINUTE ? Math.ceil((w.start + WINDOW_MS - now) / 1000) : 0;
}

function json(body: unknown, status: number, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: resourceHeaders({
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...extra,
    }),
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.createPilot);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (q.length > ARTIST_QUERY_MAX) return json({ error: "q too long" }, 400);
  const wait = overBudget(user.id);
  if (wait) return json({ error: "too many searches" }, 429, { "Retry-After": String(wait) });
  const artists = await searchPickerArtists(await getDb(), q, lang);
  return json({ q, artists }, 200);
}
