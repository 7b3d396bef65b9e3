/**
 * The list of what lacks Swedish (or Finnish) for the council, with the dashboard's filters and
 * reporting date (docs/decisions/127): the page and its CSV export read it from here.
 */
import { parityGaps, type ParityGap } from "~db/queries/parity.server";
import { parityScopeOf } from "./dashboard-model.server";
import { dashboardFromRequest } from "./dashboard-request.server";
import { can, requireUserWho } from "./permissions.server";
import { requireLang } from "./lang.server";
import { localizedString } from "./localized";
import type { Lang } from "~/i18n";

export async function parityGapsFromRequest(request: Request, params: { lang?: string }) {
  await requireUserWho(request, requireLang(params), can.moderate);
  const dash = await dashboardFromRequest(request, params);
  const missing: "fi" | "sv" = new URL(request.url).searchParams.get("missing") === "fi" ? "fi" : "sv";
  const gaps = await parityGaps(
    dash.db,
    parityScopeOf({ filters: dash.filters, visibility: dash.visibility, reportDate: dash.model.reportDate }),
    missing,
  );
  return { ...dash, missing, gaps };
}

/** An item's name in the page's language (the other language when it has none there). */
export function gapName(lang: Lang, gap: ParityGap) {
  return typeof gap.name === "string" ? gap.name : localizedString(gap.name, lang);
}

/** Where the item is shown: the pilot's page, or the artist's page (which lists the artist's services). */
export function gapPath(lang: Lang, gap: ParityGap) {
  return gap.kind === "pilot" ? `/${lang}/pilots/${gap.id}` : `/${lang}/artists/${gap.artistId ?? gap.id}`;
}
