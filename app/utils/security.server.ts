import crypto from "node:crypto";

export function createNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/** Security headers for every document response (issue 3: CSP without unsafe-inline scripts). */
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
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  } as const;
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
  const source = origin && origin !== "null" ? origin : referer ? new URL(referer).origin : origin === "null" ? "null" : null;
  if (source !== null && !allowed.has(source)) {
    throw new Response("Forbidden: cross-origin request", { status: 403 });
  }
}
