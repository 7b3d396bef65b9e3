import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { deleteSession, findSessionUser, insertSession, touchSession } from "~db/queries/sessions.server";
import type { Role } from "~shared/codes";
import { env } from "./env.server";

/**
 * How long a session lasts (docs/decisions/067): it ends after `idleMs` without a request (8 hours
 * for staff, council and admin; 14 days for artists) and `maxMs` after sign-in however active it is.
 * Settings: SESSION_IDLE_HOURS, SESSION_IDLE_HOURS_ARTIST, SESSION_MAX_DAYS.
 */
export function sessionLimits(role: Role, settings = env) {
  const hour = 3600 * 1000;
  return {
    idleMs: (role === "artist" ? settings.SESSION_IDLE_HOURS_ARTIST : settings.SESSION_IDLE_HOURS) * hour,
    maxMs: settings.SESSION_MAX_DAYS * 24 * hour,
  };
}

/** Is a session with these times still alive at `now`? */
export function sessionAlive(
  session: { role: Role; createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now = Date.now(),
  settings = env,
) {
  const { idleMs, maxMs } = sessionLimits(session.role, settings);
  return (
    session.expiresAt.getTime() > now &&
    session.createdAt.getTime() + maxMs > now &&
    session.lastSeenAt.getTime() + idleMs > now
  );
}

/** Holds only the random session id; the session itself is a database row. */
export const sessionCookie = createCookie("__session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  maxAge: 60 * 60 * 24 * env.SESSION_MAX_DAYS,
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

/**
 * The signed-in user, or null. Disabled users and ended sessions (idle too long, or past the absolute
 * limit) count as signed out; an ended session's row is deleted.
 */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request);
  if (!sessionId) return null;
  const db = await getDb();
  const row = await findSessionUser(db, sessionId);
  if (!row) return null;
  if (!sessionAlive(row)) {
    await deleteSession(db, sessionId);
    return null;
  }
  // "Last used" on the account page, to the nearest five minutes: no write on most requests.
  if (Date.now() - row.lastSeenAt.getTime() > 5 * 60 * 1000) {
    await touchSession(db, sessionId);
  }
  const { lastSeenAt: _seen, createdAt: _created, expiresAt: _expires, ...user } = row;
  return { ...user, sessionId };
}

/** Creates a new session (a fresh id at every sign-in) and returns its Set-Cookie header. */
export async function createSession(userId: number, request: Request) {
  const db = await getDb();
  const id = crypto.randomBytes(32).toString("base64url");
  await insertSession(db, {
    id,
    userId,
    expiresAt: new Date(Date.now() + env.SESSION_MAX_DAYS * 24 * 3600 * 1000),
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
