/**
 * A download of every row, read from the database in keyset batches (by id, after the last id read)
 * and written as each batch arrives, so memory stays flat however many rows there are. One batch is
 * read ahead while the one before is encoded and sent: the database and the server work at the same
 * time, and memory holds at most two batches. A slow client holds back the queries.
 */
export function keysetStream<R extends { id: number }>(opts: {
  read: (after: number, limit: number) => Promise<R[]>;
  batch: number;
  encode: (rows: R[]) => string;
  head?: string;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next: Promise<R[]> | null = opts.read(0, opts.batch);
  let head = opts.head;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (head) {
          controller.enqueue(encoder.encode(head));
          head = undefined;
          return;
        }
        if (!next) return;
        const rows = await next;
        next = rows.length === opts.batch ? opts.read(rows[rows.length - 1].id, opts.batch) : null;
        if (rows.length) controller.enqueue(encoder.encode(opts.encode(rows)));
        if (!next) controller.close();
      },
      cancel() {
        // The batch in flight is not waited for; its failure is not an unhandled rejection.
        next?.catch(() => {});
        next = null;
      },
    },
    { highWaterMark: 1 },
  );
}
