import { pilotsDetailByKey } from "~db/queries/open-data.server";
import { apiContext } from "~/utils/open-data/context.server";
import { apiAction, apiLoader, cacheable, etagFor, rejectUnknown } from "~/utils/open-data/http.server";
import { pilotOut } from "~/utils/open-data/map.server";

/** Pilots read per query: a batch is a few hundred kilobytes of JSON, whatever the registry's size. */
const BATCH = 250;

/**
 * Every published pilot, one JSON object (the detail endpoint's shape) a line, by id. Streamed: each
 * batch is read (keyset, after the last id sent) while the previous one is sent, and no further until
 * the client has taken it, so memory stays flat however many pilots there are.
 */
export const loader = apiLoader(async ({ request, url }) => {
  rejectUnknown(url, []);
  const ctx = await apiContext();
  return cacheable(
    request,
    etagFor(request, ctx.generation, ctx.version),
    async () => {
      const encoder = new TextEncoder();
      const read = (after: number) => {
        const batch = pilotsDetailByKey(ctx.db, { visibility: ctx.visibility, after, limit: BATCH });
        // A failure is met when the batch is awaited; until then it must not count as unhandled.
        batch.catch(() => {});
        return batch;
      };
      // The next batch is read while this one is turned into text and sent: at most two in memory.
      let next: Promise<Awaited<ReturnType<typeof read>>> | null = read(0);
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!next) return;
          const batch = await next;
          next = batch.length === BATCH ? read(batch[batch.length - 1].id) : null;
          if (batch.length)
            controller.enqueue(
              encoder.encode(`${batch.map((p) => JSON.stringify(pilotOut(p, ctx.base))).join("\n")}\n`),
            );
          if (!next) controller.close();
        },
        cancel() {
          // A prefetched batch nobody will take finishes unread.
          next = null;
        },
      });
    },
    "application/jsonl; charset=utf-8",
  );
});
export const action = apiAction;
