import { pilotsDetailByKey } from "~db/queries/open-data.server";
import { apiContext } from "~/utils/open-data/context.server";
import { apiAction, apiLoader, cacheable, etagFor, rejectUnknown } from "~/utils/open-data/http.server";
import { keysetStream } from "~/utils/keyset-stream.server";
import { pilotOut } from "~/utils/open-data/map.server";

/** Pilots read per query: a batch is a few hundred kilobytes of JSON, whatever the registry's size. */
const BATCH = 250;

/**
 * Every published pilot, one JSON object (the detail endpoint's shape) a line, by id, streamed in
 * keyset batches (keysetStream).
 */
export const loader = apiLoader(async ({ request, url }) => {
  rejectUnknown(url, []);
  const ctx = await apiContext();
  return cacheable(
    request,
    etagFor(request, ctx.generation, ctx.version),
    async () =>
      keysetStream({
        read: (after, limit) => pilotsDetailByKey(ctx.db, { visibility: ctx.visibility, after, limit }),
        batch: BATCH,
        encode: (batch) => `${batch.map((p) => JSON.stringify(pilotOut(p, ctx.base))).join("\n")}\n`,
      }),
    "application/jsonl; charset=utf-8",
  );
});
export const action = apiAction;
