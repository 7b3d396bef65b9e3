/**
 * Rendered pages remembered by what they were rendered from (docs/decisions/157). A page's HTML is a
 * function of its URL, its routes' loader data, the day (pages print today's date) and the nonce: the
 * server renders a route that opts in (`handle.renderMemo`) once for the same URL and data, and
 * sends the remembered HTML with the response's own nonce written in. The loaders still run on every
 * request, so a page is never older than its data; only the React render (and the translations
 * script) is skipped.
 *
 * Kept to the anonymous visitor: a page whose root data names a user, or that answers a form, an
 * error or anything but 200, is rendered every time and never kept.
 */
import { createHash, randomBytes } from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import { todayIso } from "~shared/dates";

/**
 * Stands for the nonce in a remembered page (random per process, in the nonce's own alphabet, so it is
 * escaped as a nonce is); each response gets its own nonce in its place.
 */
export const NONCE_STAND_IN = randomBytes(16).toString("base64");
const standIn = Buffer.from(NONCE_STAND_IN);

const PAGES_KEPT = 300;
const BYTES_KEPT = 24 * 1024 * 1024;

/** A remembered page cut where the nonce goes. */
type Page = { parts: Buffer[]; bytes: number };
const pages = new Map<string, Page>();
let bytesKept = 0;

/** What a route's module says in its `handle` to have its anonymous pages remembered. */
export type RenderMemoHandle = { renderMemo?: boolean };

class NotPlain extends Error {}

/**
 * Only plain data goes into a key: a Map, a class instance or a function would be written as `{}` or
 * left out, and two different pages could share a key. `undefined`, dates and numbers JSON cannot
 * write are marked so that they differ from `null` and from strings.
 */
function plain(this: Record<string, unknown>, key: string, value: unknown) {
  const raw = this[key];
  if (raw instanceof Date) return `\u0000date:${Number.isNaN(raw.getTime()) ? "invalid" : raw.toISOString()}`;
  if (value === undefined) return "\u0000undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return `\u0000number:${value}`;
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") throw new NotPlain();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  }
  return value;
}

/**
 * The key of the page a GET request renders, or null when it is not to be remembered: the route does
 * not opt in, a user is signed in, or the answer is anything but the page's own data.
 */
export function renderMemoKey(request: Request, context: EntryContext): string | null {
  if (process.env.NODE_ENV === "development" || request.method !== "GET") return null;
  const handler = context.staticHandlerContext;
  if (handler.statusCode !== 200 || handler.actionData || handler.errors) return null;
  const leaf = handler.matches.at(-1);
  const handle = leaf && (context.routeModules[leaf.route.id]?.handle as RenderMemoHandle | undefined);
  if (!handle?.renderMemo) return null;
  const root = handler.loaderData.root as { user?: unknown } | undefined;
  if (!root || root.user !== null) return null;
  try {
    const json = JSON.stringify([request.url, todayIso(), handler.loaderData], plain);
    return createHash("sha256").update(json).digest("base64");
  } catch (error) {
    if (error instanceof NotPlain) return null;
    throw error;
  }
}

/** The page remembered under `key`, with `nonce` in it, or null. */
export function rememberedPage(key: string, nonce: string): Buffer<ArrayBuffer> | null {
  const page = pages.get(key);
  if (!page) return null;
  // Most recently used last, so the oldest is the first to go.
  pages.delete(key);
  pages.set(key, page);
  return joined(page.parts, nonce);
}

/** A page rendered with NONCE_STAND_IN, with `nonce` in its place. */
export function withNonce(html: Buffer, nonce: string) {
  return joined(cut(html), nonce);
}

/** Keeps `html` (rendered with NONCE_STAND_IN as its nonce) under `key`. */
export function rememberPage(key: string, html: Buffer) {
  // A copy of its own: the buffer handed to the response may be transferred away with its stream.
  const own = Buffer.allocUnsafeSlow(html.length);
  html.copy(own);
  const old = pages.get(key);
  if (old) {
    pages.delete(key);
    bytesKept -= old.bytes;
  }
  pages.set(key, { parts: cut(own), bytes: own.length });
  bytesKept += own.length;
  while (pages.size > PAGES_KEPT || bytesKept > BYTES_KEPT) {
    const [oldest, page] = pages.entries().next().value as [string, Page];
    pages.delete(oldest);
    bytesKept -= page.bytes;
  }
}

/** The page cut where the stand-in is. */
function cut(html: Buffer) {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(standIn); at >= 0; at = html.indexOf(standIn, from)) {
    parts.push(html.subarray(from, at));
    from = at + standIn.length;
  }
  parts.push(html.subarray(from));
  return parts;
}

function joined(parts: Buffer[], nonce: string) {
  const value = Buffer.from(nonce);
  const out: Buffer[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(value);
    out.push(part);
  });
  return Buffer.concat(out);
}

/** Forgets every page (tests). */
export function forgetPages() {
  pages.clear();
  bytesKept = 0;
}
