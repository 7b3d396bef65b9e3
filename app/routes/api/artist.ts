import { getPublicArtist } from "~db/queries/artist-directory.server";
import { codeNames, publicArtistCodes } from "~db/queries/open-data.server";
import { apiContext } from "~/utils/open-data/context.server";
import { apiAction, apiLoader, cacheable, detailId, etagFor, notFoundProblem } from "~/utils/open-data/http.server";
import { artistOut } from "~/utils/open-data/map.server";

/**
 * One approved artist with their approved, visible services: the public profile's data, where the
 * artist's consent governs their contact details and working days (getPublicArtist decides both).
 */
export const loader = apiLoader(async ({ request, url, params }) => {
  const id = detailId(url, params, "an artist id");
  const ctx = await apiContext();
  return cacheable(request, etagFor(request, ctx.generation, ctx.version), async () => {
    const [artist, codes, names] = await Promise.all([
      getPublicArtist(ctx.db, id),
      publicArtistCodes(ctx.db, id),
      codeNames(ctx.db, ctx.generation),
    ]);
    if (!artist || !codes) notFoundProblem();
    return artistOut(artist, codes, names, ctx.base);
  });
});
export const action = apiAction;
