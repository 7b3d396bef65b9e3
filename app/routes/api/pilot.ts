import { pilotsDetailByKey } from "~db/queries/open-data.server";
import { apiContext } from "~/utils/open-data/context.server";
import { apiAction, apiLoader, cacheable, detailId, etagFor, notFoundProblem } from "~/utils/open-data/http.server";
import { pilotOut } from "~/utils/open-data/map.server";

/** One published pilot: everything its public page shows, personal details as the public sees them. */
export const loader = apiLoader(async ({ request, url, params }) => {
  const id = detailId(url, params, "a pilot id");
  const ctx = await apiContext();
  return cacheable(request, etagFor(request, ctx.generation, ctx.version), async () => {
    const [pilot] = await pilotsDetailByKey(ctx.db, { visibility: ctx.visibility, id, after: 0, limit: 1 });
    if (!pilot) notFoundProblem();
    return pilotOut(pilot, ctx.base);
  });
});
export const action = apiAction;
