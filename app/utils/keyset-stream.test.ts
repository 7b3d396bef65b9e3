import { describe, expect, it } from "vitest";
import { keysetStream } from "./keyset-stream.server";

const IDS = Array.from({ length: 53 }, (_, i) => 3 * i + 1);

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("keysetStream", () => {
  it("sends the head, then every row once and in order, however the batches fall", async () => {
    for (const batch of [1, 7, 53, 100]) {
      const reads: number[] = [];
      const text = await readAll(
        keysetStream({
          head: "id\n",
          batch,
          read: async (after, limit) => {
            reads.push(after);
            return IDS.filter((id) => id > after)
              .slice(0, limit)
              .map((id) => ({ id }));
          },
          encode: (rows) => rows.map((r) => `${r.id}\n`).join(""),
        }),
      );
      expect(text).toBe(`id\n${IDS.join("\n")}\n`);
      expect(reads.length).toBe(Math.floor(IDS.length / batch) + 1);
    }
  });

  it("reads at most one batch ahead of what the client has taken", async () => {
    let reads = 0;
    const stream = keysetStream({
      batch: 2,
      read: async (after, limit) => {
        reads += 1;
        return IDS.filter((id) => id > after)
          .slice(0, limit)
          .map((id) => ({ id }));
      },
      encode: (rows) => rows.map((r) => `${r.id}\n`).join(""),
    });
    const reader = stream.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 10));
    expect(reads).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it("a failed read ends the download with the error, not a silent end", async () => {
    const stream = keysetStream({
      batch: 2,
      read: async (after) => {
        if (after > 0) throw new Error("connection lost");
        return [{ id: 1 }, { id: 2 }];
      },
      encode: (rows) => rows.map((r) => `${r.id}\n`).join(""),
    });
    await expect(readAll(stream)).rejects.toThrow("connection lost");
  });
});
