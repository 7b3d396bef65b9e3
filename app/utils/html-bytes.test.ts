import { PassThrough } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dropNulBytes } from "./html-bytes.server";

/** Renders like app/entry.server.tsx: every chunk React writes, concatenated. */
async function render(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (c: Buffer) => chunks.push(Buffer.from(c)));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(
      createElement(
        "ul",
        null,
        Array.from({ length: 400 }, (_, i) => createElement("li", { key: i, "aria-label": `Näytä ${i}` }, text)),
      ),
      { onAllReady: () => pipe(sink), onError: reject },
    );
  });
}

describe("dropNulBytes", () => {
  it("removes the NUL bytes React 18 leaves before multi-byte characters at view ends", async () => {
    const raw = await render("Jämijärvi, Brändö — Närpes");
    expect(raw.includes(0), "React 18.3.1 still writes NUL bytes (if not, this fix can go)").toBe(true);
    const clean = dropNulBytes(raw);
    expect(clean.includes(0)).toBe(false);
    const text = clean.toString("utf8");
    expect(text).not.toContain("\uFFFD");
    expect(text.match(/Jämijärvi, Brändö — Närpes/g)).toHaveLength(400);
    expect(text.match(/aria-label="Näytä \d+"/g)).toHaveLength(400);
  });

  it("returns a page without NUL bytes unchanged", () => {
    const page = Buffer.from("<p>Vasa – Vaasa</p>");
    expect(dropNulBytes(page)).toBe(page);
  });
});
