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
  keysetPage,
  pageParams,
  rejectUnknown,
  updatedSinceParam,
} from "~/utils/open-data/http.server";
import { artistSummaryOut } from "~/utils/open-data/map.server";
import type { ArtistListOut } from "~/utils/open-data/record-schemas.server";

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
    return keysetPage(ctx.base, url, page, rows, (r) => artistSummaryOut(r, ctx.base));
  });
});
export const action = apiAction;
