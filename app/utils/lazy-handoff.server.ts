/**
 * The loader data's encoding for the page, made when the render reads it (docs/decisions/162). Remix
 * encodes a document's loader data with turbo-stream (`encodeViaTurboStream` in the server runtime's
 * single-fetch module) before it calls `entry.server`, whether or not the render then reads it; a
 * page sent again from the render memo (app/utils/render-memo.server.ts) never reads it, and that
 * encoding was up to a millisecond per request of the pilot list. This wraps the function the server
 * runtime calls through its module object so that it returns a stream that encodes on its first read:
 * a page rendered reads it as before; a remembered page costs nothing for it.
 */
import { createRequire } from "node:module";

type Encode = ((...args: unknown[]) => ReadableStream<Uint8Array>) & { lazy?: true };
type SingleFetchModule = { encodeViaTurboStream: Encode };

/** A stream of what `open()` gives, `open` called on the first read (none when never read). */
export function lazyStream(open: () => ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= open().getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
    },
    // Nothing is pulled before a read asks for it.
    { highWaterMark: 0 },
  );
}

/** The server runtime's single-fetch module, whose `encodeViaTurboStream` its handlers call. */
export function singleFetchModule(): SingleFetchModule {
  const runtime = createRequire(import.meta.url).resolve("@remix-run/server-runtime");
  return createRequire(runtime)("./single-fetch.js") as SingleFetchModule;
}

/** Makes the runtime's loader-data encoding lazy, once per process. */
export function installLazyHandoff() {
  const module = singleFetchModule();
  const encode = module.encodeViaTurboStream;
  if (typeof encode !== "function" || encode.lazy) return;
  module.encodeViaTurboStream = Object.assign((...args: unknown[]) => lazyStream(() => encode(...args)), {
    lazy: true as const,
  });
}
