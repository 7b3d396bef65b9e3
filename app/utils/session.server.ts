import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { deleteSession, findSessionUser, insertSession, touchSession } from "~db/queries/sessions.server";
import type { Role } from "~shared/codes";

export const SESSION_DAYS = 14;

/** Holds only the random session id; the session itself is a database row. */
export const sessionCookie = createCookie("__session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  maxAge: 60 * 60 * 24 * SESSION_DAYS,
});

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  language: string;
  sessionId: string;
};

export async function getSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/** The signed-in user, or null. Disabled users and expired sessions count as signed out. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  const db = await getDb();
  const row = await findSessionUser(db, sessionId);
  if (!row) return null;
  // "Last used" on the account page, to the nearest five minutes: no write on most requests.
  if (Date.now() - row.lastSeenAt.getTime() > 5 * 60 * 1000) {
    await touchSession(db, sessionId);
  }
  const { lastSeenAt: _seen, ...user } = row;
  return { ...user, sessionId };
}

/** Creates a new session (a fresh id at every sign-in) and returns its Set-Cookie header. */
export async function createSession(userId: number, request: Request) {
  const db = await getDb();
  const id = crypto.randomBytes(32).toString("base64url");
  await insertSession(db, {
    id,
    userId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
    userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
    ip: clientAddress(request),
  });
  return sessionCookie.serialize(id);
}

/**
 * Signs the user in with a fresh session and goes to `to`. A session this browser already had —
 * perhaps someone else's — is ended first rather than left behind unused.
 */
export async function signInAndRedirect(request: Request, userId: number, to: string) {
  await destroySession(request);
  const cookie = await createSession(userId, request);
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export async function destroySession(request: Request) {
  const id = await getSessionId(request);
  if (id) {
    const db = await getDb();
    await deleteSession(db, id);
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

/**
 * The client's address, as scripts/server.mjs found it (the socket, or X-Forwarded-For behind
 * TRUST_PROXY) and put it in a header it always overwrites. Never read X-Forwarded-For here: anyone
 * can send it.
 */
export function clientAddress(request: Request) {
  return request.headers.get("x-rajaton-client")?.slice(0, 64) || "unknown";
}

/** Redirects to the sign-in page of the URL's language, coming back afterwards. */
export function loginRedirect(request: Request, lang: string) {
  const url = new URL(request.url);
  return redirect(`/${lang}/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}
