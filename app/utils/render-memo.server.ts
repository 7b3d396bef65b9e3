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
 *
 * A remembered page is also kept compressed (docs/decisions/162): each part between two nonces
 * deflated once, on its own, so that a response is the parts' deflated bytes with its nonce between
 * them in stored blocks, wrapped as gzip, instead of compressing the whole page again.
 */
import { createHash, randomBytes } from "node:crypto";
import zlib from "node:zlib";
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

/** A remembered page cut where the nonce goes; `deflated`: each part deflated on its own, once asked for. */
type Page = { parts: Buffer[]; bytes: number; deflated?: Buffer[] };
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

/**
 * The page remembered under `key`, with `nonce` in it, or null; with `gzip` (when `gzipKept`) as a
 * gzip member to send with Content-Encoding: gzip.
 */
export function rememberedPage(key: string, nonce: string, gzip = false): Buffer<ArrayBuffer> | null {
  const page = pages.get(key);
  if (!page) return null;
  // Most recently used last, so the oldest is the first to go.
  pages.delete(key);
  pages.set(key, page);
  if (!gzip || !gzipKept) return joined(page.parts, nonce);
  if (!page.deflated) {
    page.deflated = deflatedParts(page.parts);
    const bytes = page.deflated.reduce((sum, part) => sum + part.length, 0);
    page.bytes += bytes;
    bytesKept += bytes;
    forgetOldest();
  }
  const value = Buffer.from(nonce);
  // The deflated parts leave room for a nonce of the stand-in's length (every nonce has it).
  if (value.length !== standIn.length) return zlib.gzipSync(joined(page.parts, nonce));
  return gzipMember(page.parts, page.deflated, value);
}

/**
 * Whether a remembered page can be sent compressed from what is kept: the gzip trailer's CRC-32 is
 * computed with `zlib.crc32` (Node 20.15 and later); without it the page is compressed as any other.
 */
export const gzipKept = typeof zlib.crc32 === "function";

/**
 * Whether an Accept-Encoding header takes gzip: named (or `*`, gzip not named) with a weight above 0.
 * Browsers and fetch send it; a client that names only others (or none) gets what the server's
 * compression gives it.
 */
export function acceptsGzip(header: string | null) {
  if (!header) return false;
  let star: boolean | null = null;
  for (const item of header.split(",")) {
    const [name, ...params] = item.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const takes = Number.isFinite(weight) && weight > 0;
    if (name.trim() === "gzip" || name.trim() === "x-gzip") return takes;
    if (name.trim() === "*") star = takes;
  }
  return star === true;
}

/**
 * Each part deflated once and ended on a byte boundary (a sync flush; the last part ends the stream),
 * so that the parts can follow one another with a nonce between them. Each part is deflated with
 * what precedes it in the page as its dictionary (so it refers back as the whole page's deflate
 * would), with zero bytes where the nonces go: a part holds no zero byte (the render drops them),
 * so no reference reaches into a nonce, whichever nonce the response has in its place. The layout
 * holds for a nonce as long as the stand-in, as every nonce is.
 */
function deflatedParts(parts: Buffer[]) {
  const blank = Buffer.alloc(standIn.length);
  // A page with a zero byte of its own (never one rendered) has its parts deflated without dictionaries.
  const referable = parts.every((part) => part.indexOf(0) < 0);
  const before: Buffer[] = [];
  return parts.map((part, i) => {
    const window = referable ? lastBytes(before, WINDOW) : Buffer.alloc(0);
    before.push(part, blank);
    return zlib.deflateRawSync(part, {
      ...(window.length > 0 ? { dictionary: window } : {}),
      finishFlush: i === parts.length - 1 ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    });
  });
}

/** How far back deflate refers: its window (32 KB). */
const WINDOW = 32 * 1024;

/** The last `n` bytes of the buffers one after another (only the buffers that reach into them copied). */
function lastBytes(buffers: Buffer[], n: number) {
  let from = buffers.length;
  for (let bytes = 0; from > 0 && bytes < n; ) bytes += buffers[--from].length;
  return Buffer.concat(buffers.slice(from)).subarray(-n);
}

/** gzip's header: deflate, no name, no time, from Unix (as Node's own gzip writes it). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

/** The page as one gzip member: the deflated parts with `nonce` between them in stored blocks. */
function gzipMember(parts: Buffer[], deflated: Buffer[], nonce: Buffer) {
  // A stored block (not the last): its header bits on a byte of their own, then LEN and its complement.
  const stored = Buffer.alloc(5 + nonce.length);
  stored.writeUInt16LE(nonce.length, 1);
  stored.writeUInt16LE(~nonce.length & 0xffff, 3);
  nonce.copy(stored, 5);
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.push(stored);
      crc = zlib.crc32(nonce, crc);
      size += nonce.length;
    }
    out.push(deflated[i]);
    crc = zlib.crc32(part, crc);
    size += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  out.push(trailer);
  return Buffer.concat(out);
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
  forgetOldest();
}

/** Forgets the least recently used pages while more than the bound is kept. */
function forgetOldest() {
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
