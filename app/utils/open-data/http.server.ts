/**
 * HTTP for the open-data API (docs/decisions/100): every answer is JSON with CORS for any origin; data
 * answers carry an ETag made from the data generation (so a matching If-None-Match is a 304 before any
 * query runs) and Cache-Control for public data; errors are RFC 9457 problem details; each client
 * address gets a request budget per minute (429 with Retry-After past it).
 */
import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayIso } from "~shared/dates";
import { env } from "~/utils/env.server";
import { resourceHeaders } from "~/utils/security.server";
import { clientAddress } from "~/utils/session.server";
import type { ProblemOut } from "./schemas.server";

/** How long a client or shared cache may keep an answer before asking again (with its ETag). */
export const MAX_AGE_S = 300;
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, Link, X-RateLimit-Limit, X-RateLimit-Remaining",
};

/** A refusal the API answers as problem details. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: { name: string; reason: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

/** 400 naming each parameter that was wrong. */
export function badParams(invalid: { name: string; reason: string }[]): never {
  throw new ApiProblem(
    400,
    "Bad request parameters",
    `Invalid parameter${invalid.length > 1 ? "s" : ""}: ${invalid.map((p) => p.name).join(", ")}.`,
    invalid,
  );
}

export function notFoundProblem(): never {
  throw new ApiProblem(404, "Not found", "No published resource has this address.");
}

function problemResponse(request: Request, p: ApiProblem): Response {
  const body: ProblemOut = {
    type: "about:blank",
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: new URL(request.url).pathname,
    ...(p.invalidParams ? { invalidParams: p.invalidParams } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: resourceHeaders({
      ...CORS,
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...p.headers,
    }),
  });
}

/* ------------------------------------------------------------------ rate limit */

/**
 * A fixed one-minute window per client address, kept in this process's memory (each server process
 * counts its own requests; docs/decisions/100 says why not the database's throttle table).
 * API_RATE_LIMIT requests per minute; 0 turns the limit off.
 */
const WINDOW_MS = 60_000;
const windows = new Map<string, { start: number; count: number }>();

function rateLimit(request: Request): { limit: number; remaining: number; retryAfter: number } | null {
  const limit = env.API_RATE_LIMIT;
  if (limit === 0) return null;
  const now = Date.now();
  const key = clientAddress(request);
  let w = windows.get(key);
  if (!w || now - w.start >= WINDOW_MS) {
    if (windows.size > 10_000) {
      for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
    }
    w = { start: now, count: 0 };
    windows.set(key, w);
  }
  w.count++;
  return {
    limit,
    remaining: Math.max(0, limit - w.count),
    retryAfter: w.count > limit ? Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) : 0,
  };
}

/** Forgets every address's count (tests). */
export function resetRateLimit() {
  windows.clear();
}

/* ------------------------------------------------------------------ answers */

/**
 * The ETag of a GET at a data generation: the same URL at the same generation, on the same day and
 * with the same document version, answers the same body.
 */
export function etagFor(request: Request, generation: string, version: string): string {
  const url = new URL(request.url);
  const hash = crypto
    .createHash("sha256")
    .update(JSON.stringify([version, generation, todayIso(), url.pathname, url.searchParams.toString()]))
    .digest("base64url")
    .slice(0, 27);
  return `"${hash}"`;
}

function matches(request: Request, etag: string) {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

type Handler = (args: LoaderFunctionArgs & { url: URL }) => Promise<Response>;

/**
 * A loader of the API: the rate limit, then the handler; a thrown ApiProblem is its problem details,
 * anything else a logged 500 in the same form. Rate-limit headers go on every answer.
 */
export function apiLoader(handler: Handler) {
  return async (args: LoaderFunctionArgs): Promise<Response> => {
    const { request } = args;
    const budget = rateLimit(request);
    const limitHeaders: Record<string, string> = budget
      ? { "X-RateLimit-Limit": String(budget.limit), "X-RateLimit-Remaining": String(budget.remaining) }
      : {};
    let response: Response;
    if (budget?.retryAfter) {
      response = problemResponse(
        request,
        new ApiProblem(
          429,
          "Too many requests",
          `At most ${budget.limit} requests a minute from one address.`,
          undefined,
          {
            "Retry-After": String(budget.retryAfter),
          },
        ),
      );
    } else {
      try {
        response = await handler({ ...args, url: new URL(request.url) });
      } catch (error) {
        if (error instanceof ApiProblem) response = problemResponse(request, error);
        else {
          console.error(`[error] api ${new URL(request.url).pathname}:`, error);
          response = problemResponse(request, new ApiProblem(500, "Internal error"));
        }
      }
    }
    for (const [k, v] of Object.entries(limitHeaders)) response.headers.set(k, v);
    return response;
  };
}

/** The API routes take GET and HEAD (loaders) and answer a CORS preflight; other methods get 405. */
export async function apiAction({ request }: { request: Request }): Promise<Response> {
  if (request.method === "OPTIONS")
    return new Response(null, {
      status: 204,
      headers: {
        ...CORS,
        "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Allow-Headers": "If-None-Match",
        "Access-Control-Max-Age": "86400",
      },
    });
  const p = new ApiProblem(405, "Method not allowed", "The open-data API is read-only: use GET.");
  const res = problemResponse(request, p);
  res.headers.set("Allow", "GET, HEAD, OPTIONS");
  return res;
}

/**
 * A cacheable answer: 304 when the client holds `etag`, else `body()` as JSON (or the body the
 * function returns when it is a stream) with the ETag and Cache-Control.
 */
export async function cacheable(
  request: Request,
  etag: string,
  body: () => Promise<unknown>,
  contentType = "application/json; charset=utf-8",
): Promise<Response> {
  const headers = resourceHeaders({
    ...CORS,
    ETag: etag,
    "Cache-Control": `public, max-age=${MAX_AGE_S}`,
  });
  if (matches(request, etag)) return new Response(null, { status: 304, headers });
  const value = await body();
  const payload = value instanceof ReadableStream ? value : JSON.stringify(value);
  return new Response(payload, { headers: { ...headers, "Content-Type": contentType } });
}

/** Parameters the endpoint does not know are an error, so a misspelt filter does not silently return everything. */
export function rejectUnknown(url: URL, known: readonly string[]) {
  const unknown = [...new Set(url.searchParams.keys())].filter((k) => !known.includes(k));
  if (unknown.length) badParams(unknown.map((name) => ({ name, reason: "unknown parameter" })));
}

/** The `{id}` of a detail endpoint, which takes no query parameters; a 400 problem otherwise. */
export function detailId(url: URL, params: { id?: string }, what: string) {
  rejectUnknown(url, []);
  if (!/^\d{1,10}$/.test(params.id ?? "") || Number(params.id) > 2_000_000_000)
    badParams([{ name: "id", reason: what }]);
  return Number(params.id);
}

/**
 * A list page read by key (`limit + 1` rows after the cursor): its `limit` rows, and a `next` link
 * with the last id as the cursor when there are more.
 */
export function keysetPage<R extends { id: number }, O>(
  base: string,
  url: URL,
  page: { after: number; limit: number },
  rows: R[],
  out: (row: R) => O,
) {
  const shown = rows.slice(0, page.limit);
  const self = `${base}${url.pathname}${url.search}`;
  const next = new URL(self);
  next.searchParams.set("after", String(shown.at(-1)?.id ?? page.after));
  return {
    data: shown.map(out),
    limit: page.limit,
    links: { self, next: rows.length > page.limit ? next.toString() : null },
  };
}

/** `limit` (1–max, default `fallback`) and `after` (a cursor: the last id of the previous page). */
export function pageParams(url: URL, fallback = 50, max = 200) {
  const invalid: { name: string; reason: string }[] = [];
  const rawLimit = url.searchParams.get("limit");
  const rawAfter = url.searchParams.get("after");
  let limit = fallback;
  let after = 0;
  if (rawLimit != null) {
    if (/^\d{1,4}$/.test(rawLimit) && Number(rawLimit) >= 1 && Number(rawLimit) <= max) limit = Number(rawLimit);
    else invalid.push({ name: "limit", reason: `a whole number from 1 to ${max}` });
  }
  if (rawAfter != null) {
    if (/^\d{1,10}$/.test(rawAfter) && Number(rawAfter) <= 2_000_000_000) after = Number(rawAfter);
    else invalid.push({ name: "after", reason: "the cursor of a next link" });
  }
  return { limit, after, invalid };
}

/** `updatedSince`: a date (2026-01-31) or a date and time with a zone (2026-01-31T12:00:00Z). */
export function updatedSinceParam(url: URL): { value?: string; invalid?: { name: string; reason: string } } {
  const raw = url.searchParams.get("updatedSince");
  if (raw == null || raw === "") return {};
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(raw);
  const day = m ? new Date(`${m[1]}T00:00:00Z`) : null;
  const d = m ? new Date(m[2] ? raw : `${m[1]}T00:00:00Z`) : null;
  if (
    !m ||
    !day ||
    !d ||
    Number.isNaN(d.getTime()) ||
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== m[1]
  )
    return { invalid: { name: "updatedSince", reason: "an ISO 8601 date, or date and time with a time zone" } };
  if (d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2199)
    return { invalid: { name: "updatedSince", reason: "a date from 1900 to 2199" } };
  return { value: d.toISOString() };
}
