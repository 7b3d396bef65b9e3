import { listArtistsByKey } from "~db/queries/open-data.server";
import { ARTIST_FILTER_PARAMS } from "~shared/codes";
import { parseArtistFiltersStrict } from "~/utils/artist-schemas";
import { apiContext } from "~/utils/open-data/context.server";
import {
  apiAction,
  apiLoader,
  badParams,
  cacheable,
  etagFor,
  pageParams,
  rejectUnknown,
  updatedSinceParam,
} from "~/utils/open-data/http.server";
import { artistSummaryOut } from "~/utils/open-data/map.server";
import type { ArtistListOut } from "~/utils/open-data/schemas.server";

/** Approved artists by id, a page at a time, with the directory's filters. */
export const loader = apiLoader(async ({ request, url }) => {
  rejectUnknown(url, [...ARTIST_FILTER_PARAMS, "limit", "after", "updatedSince"]);
  const { filters, invalid } = parseArtistFiltersStrict(url.searchParams);
  const page = pageParams(url);
  const since = updatedSinceParam(url);
  const problems = [
    ...invalid.map((name) => ({ name, reason: "not a valid value (see the OpenAPI document)" })),
    ...page.invalid,
    ...(since.invalid ? [since.invalid] : []),
  ];
  if (problems.length) badParams(problems);
  const ctx = await apiContext();
  return cacheable(request, etagFor(request, ctx.generation, ctx.version), async (): Promise<ArtistListOut> => {
    const rows = await listArtistsByKey(ctx.db, {
      filters,
      after: page.after,
      limit: page.limit,
      updatedSince: since.value,
      generation: ctx.generation,
    });
    const shown = rows.slice(0, page.limit);
    const next = new URL(`${ctx.base}${url.pathname}${url.search}`);
    next.searchParams.set("after", String(shown.at(-1)?.id ?? page.after));
    return {
      data: shown.map((r) => artistSummaryOut(r, ctx.base)),
      limit: page.limit,
      links: {
        self: `${ctx.base}${url.pathname}${url.search}`,
        next: rows.length > page.limit ? next.toString() : null,
      },
    };
  });
});
export const action = apiAction;
