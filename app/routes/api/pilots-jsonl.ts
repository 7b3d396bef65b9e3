import { pilotsDetailByKey } from "~db/queries/open-data.server";
import { apiContext } from "~/utils/open-data/context.server";
import { apiAction, apiLoader, cacheable, etagFor, rejectUnknown } from "~/utils/open-data/http.server";
import { pilotOut } from "~/utils/open-data/map.server";

/** Pilots read per query: a batch is a few hundred kilobytes of JSON, whatever the registry's size. */
const BATCH = 250;

/**
 * Every published pilot, one JSON object (the detail endpoint's shape) a line, by id. Streamed: each
 * batch is read (keyset, after the last id sent) only when the client has taken the previous one, so
 * memory stays flat however many pilots there are.
 */
export const loader = apiLoader(async ({ request, url }) => {
  rejectUnknown(url, []);
  const ctx = await apiContext();
  return cacheable(
    request,
    etagFor(request, ctx.generation, ctx.version),
    async () => {
      let after = 0;
      let done = false;
      const encoder = new TextEncoder();
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (done) return;
          const batch = await pilotsDetailByKey(ctx.db, { visibility: ctx.visibility, after, limit: BATCH });
          if (batch.length) {
            after = batch[batch.length - 1].id;
            controller.enqueue(
              encoder.encode(`${batch.map((p) => JSON.stringify(pilotOut(p, ctx.base))).join("\n")}\n`),
            );
          }
          if (batch.length < BATCH) {
            done = true;
            controller.close();
          }
        },
        cancel() {
          done = true;
        },
      });
    },
    "application/jsonl; charset=utf-8",
  );
});
export const action = apiAction;
