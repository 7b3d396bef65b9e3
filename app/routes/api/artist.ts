import { getPublicArtist } from "~db/queries/artists.server";
import { codeNames, publicArtistCodes } from "~db/queries/open-data.server";
import { apiContext } from "~/utils/open-data/context.server";
import {
  apiAction,
  apiLoader,
  badParams,
  cacheable,
  etagFor,
  notFoundProblem,
  rejectUnknown,
} from "~/utils/open-data/http.server";
import { artistOut } from "~/utils/open-data/map.server";

/**
 * One approved artist with their approved, visible services: the public profile's data, where the
 * artist's consent governs their contact details and working days (getPublicArtist decides both).
 */
export const loader = apiLoader(async ({ request, url, params }) => {
  rejectUnknown(url, []);
  if (!/^\d{1,10}$/.test(params.id ?? "") || Number(params.id) > 2_000_000_000)
    badParams([{ name: "id", reason: "an artist id" }]);
  const id = Number(params.id);
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
