import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDocumentRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { type DocumentOnly, DocumentOnlyContext, documentOnlyOf } from "./utils/document-only";
import { dropNulBytes } from "./utils/html-bytes.server";
import { describeError, logPath, thrownStatus } from "./utils/log.server";
import { NonceProvider } from "./utils/nonce";
import { i18nScript, recordLookups } from "./locales.server";
import { createNonce, securityHeaders } from "./utils/security.server";
import { installRememberedMatches } from "./utils/route-matching.server";
import { installLazyHandoff } from "./utils/lazy-handoff.server";
import {
  acceptsGzip,
  gzipKept,
  NONCE_STAND_IN,
  rememberedPage,
  rememberPage,
  renderMemoKey,
  withNonce,
} from "./utils/render-memo.server";

// Remix matches a page's path against every route several times per request (app/utils/route-matching.server.ts).
installRememberedMatches();
// A page sent again from the render memo does not encode its loader data (app/utils/lazy-handoff.server.ts).
installLazyHandoff();

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

const handleRequest: HandleDocumentRequestFunction = async (
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) => {
  const nonce = createNonce();
  for (const [name, value] of Object.entries(securityHeaders(nonce, process.env.NODE_ENV === "development"))) {
    responseHeaders.set(name, value);
  }
  // An anonymous visitor's page already rendered from the same URL and data is sent again with this
  // response's nonce (app/utils/render-memo.server.ts), compressed from what is kept when the client
  // takes gzip (the server's compression leaves a response with a Content-Encoding alone).
  const memoKey = renderMemoKey(request, remixContext);
  const gzip = memoKey !== null && gzipKept && acceptsGzip(request.headers.get("Accept-Encoding"));
  let page = memoKey ? rememberedPage(memoKey, nonce, gzip) : null;
  let gzipped = page !== null && gzip;
  let failed = false;
  if (!page) {
    const rendered = await renderPage(
      remixContext,
      request.url,
      memoKey ? NONCE_STAND_IN : nonce,
      documentOnlyOf(loadContext),
    );
    failed = rendered.failed;
    if (memoKey && !failed) {
      rememberPage(memoKey, rendered.page);
      page = rememberedPage(memoKey, nonce, gzip);
      gzipped = page !== null && gzip;
    }
    page ??= memoKey ? withNonce(rendered.page, nonce) : rendered.page;
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  if (memoKey) responseHeaders.append("Vary", "Accept-Encoding");
  if (gzipped) responseHeaders.set("Content-Encoding", "gzip");
  responseHeaders.set("Content-Length", String(page.length));
  return new Response(page, { headers: responseHeaders, status: failed ? 500 : responseStatusCode });
};

/** The page's HTML with the translations its render looked up, and no others (app/locales.server.ts). */
async function renderPage(remixContext: EntryContext, url: string, nonce: string, documentOnly: DocumentOnly | null) {
  const { result, used } = recordLookups(() => render(remixContext, url, nonce, documentOnly));
  const { html, failed } = await result;
  // In the head: it runs before Remix's module scripts, which are async and may run before the parser
  // reaches the end of the body.
  const end = html.indexOf("</head>");
  const script = Buffer.from(i18nScript(used, nonce));
  return {
    page: Buffer.concat(end < 0 ? [html, script] : [html.subarray(0, end), script, html.subarray(end)]),
    failed,
  };
}

/**
 * No page streams (no deferred data), so the whole page is rendered first (lazily loaded parts
 * included) and sent as one buffer: one write to the socket and one pass of compression instead of one per React chunk
 * (docs/decisions/045).
 */
function render(remixContext: EntryContext, url: string, nonce: string, documentOnly: DocumentOnly | null) {
  return new Promise<{ html: Buffer; failed: boolean }>((resolve, reject) => {
    let shellRendered = false;
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <DocumentOnlyContext.Provider value={documentOnly}>
          <RemixServer context={remixContext} url={url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </DocumentOnlyContext.Provider>
      </NonceProvider>,
      {
        nonce,
        // A Suspense boundary is written in place however large (React outlines one over 12.8 KB, to be
        // swapped in by a script, which a browser without JavaScript never runs): the parts of a page
        // loaded lazily in the browser (app/components/lazy-part.tsx) are plain HTML here.
        progressiveChunkSize: Number.POSITIVE_INFINITY,
        onAllReady() {
          shellRendered = true;
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              resolve({ html: dropNulBytes(Buffer.concat(chunks)), failed });
              done();
            },
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}

export default handleRequest;

/** Security headers on data and resource responses too. */
export function handleDataRequest(response: Response) {
  for (const [name, value] of Object.entries(securityHeaders(createNonce(), false))) {
    if (name !== "Content-Security-Policy" && !response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

/**
 * Errors in the log: one entry per real failure, with nothing secret in it (app/utils/log.server.ts).
 * Refusals (4xx thrown as responses) are not errors; neither is a client that went away, nor an old
 * client asking with `?_data` (Remix warns about it on every such request).
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  const status = thrownStatus(error);
  if (status !== undefined && status < 500) return;
  if (
    error instanceof Error &&
    error.message.startsWith("Warning: Single fetch-enabled apps should not be making ?_data")
  )
    return;
  const inner = (error as { error?: unknown } | null)?.error;
  console.error(`[error] ${request.method} ${logPath(request.url)}: ${describeError(inner ?? error)}`);
}

/** Used by scripts/server.mjs to refuse a cross-origin request before Remix handles it. */
export { refusedPage, resourceHeaders } from "./utils/security.server";
export { startJobs, startScheduledJobs } from "./utils/jobs.server";
export { prepareAppDatabase } from "~db/client.server";
