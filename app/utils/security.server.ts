import crypto from "node:crypto";
import { getI18n, langFromPath } from "~/i18n";

export function createNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/** Security headers for every document response (a CSP without unsafe-inline scripts). */
export function securityHeaders(nonce: string, isDev: boolean) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${isDev ? " 'unsafe-eval'" : ""}`,
    // recharts sets style attributes on SVG elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    // Production is served over HTTPS (behind a proxy or not): browsers never try plain HTTP again.
    ...(process.env.NODE_ENV === "production"
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  } as const;
}

/** Security headers for a resource route's response (files, JSON): nothing in it may run or be framed. */
export function resourceHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const { "Content-Security-Policy": _csp, ...rest } = securityHeaders("", false);
  return { ...rest, "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox", ...extra };
}

/**
 * Refuses a non-GET request from another origin (CSRF protection). Call it first in every action.
 * Browsers send Origin on every cross-site POST; a request without Origin and Referer (a non-browser
 * client) is allowed, since it cannot carry the victim's SameSite=Lax cookie from another site.
 */
export function assertSameOrigin(request: Request) {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return;
  const expected = new URL(request.url).origin;
  const forwardedHost = request.headers.get("x-forwarded-host");
  const allowed = new Set([expected]);
  if (forwardedHost) allowed.add(`${request.headers.get("x-forwarded-proto") ?? "https"}://${forwardedHost}`);
  const origin = request.headers.get("origin");
  const referer = request.headers.get("referer");
  const source =
    origin && origin !== "null" ? origin : referer ? new URL(referer).origin : origin === "null" ? "null" : null;
  if (source !== null && !allowed.has(source)) {
    throw refusedPage(request, 403);
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The refusals `refusedPage` can explain, each with `errors.<key>` in the locales. */
const REFUSALS = { 400: "host", 403: "403", 405: "405", 413: "413", 429: "429" } as const;

/**
 * A refusal as a small page in the URL's language (both languages when the URL has none): what a
 * route without a page of its own (sign-out, a file) answers, and what scripts/server.mjs answers
 * before the app sees a request (a Host it does not serve, an unsupported method, a body too large);
 * routes with a page show their error boundary instead.
 */
export function refusedPage(request: Request, status: keyof typeof REFUSALS) {
  const key = REFUSALS[status];
  const lang = langFromPath(new URL(request.url).pathname);
  const langs = lang ? [lang] : (["fi", "sv"] as const);
  const parts = langs.map((l) => {
    const t = getI18n(l).getFixedT(l);
    return `<div lang="${l}"><h1>${escapeHtml(t(`errors.${key}.title`))}</h1><p>${escapeHtml(t(`errors.${key}.text`))}</p><p><a href="/${l}">${escapeHtml(t("errors.home"))}</a></p></div>`;
  });
  const title = escapeHtml(getI18n(langs[0]).getFixedT(langs[0])(`errors.${key}.title`));
  const body = `<!doctype html><html lang="${langs[0]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body><main>${parts.join("")}</main></body></html>`;
  return new Response(body, {
    status,
    headers: resourceHeaders({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }),
  });
}
