/**
 * What the server keeps out of reach (docs/decisions/010, 014, 018): links in emails come from
 * PUBLIC_URL whatever Host the request names; with SMTP neither the outbox nor the log holds a
 * usable link; a delivered message's link is never shown to the admin; an error's log entry carries
 * no query parameters, and a refusal none at all.
 */
import { data } from "@remix-run/node";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listOutbox } from "~db/queries/accounts.server";
import { emailOutbox, users } from "~db/schema";
import { handleError } from "~/entry.server";
import { backgroundSettled } from "~/utils/after-response.server";
import { deliverEmail, emailLogLine, outboxBody, queueEmail, redactLinks } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
const TOKEN = "KbNmmVh48NCVi680q4O4dho-CCekcQ7VScXY7HhTi9o";

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  await t.db.insert(users).values({ email: "host.victim@example.org", name: "Uhri", role: "staff", language: "fi" });
});
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

const lastMail = async (to: string) =>
  (
    await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.id)).limit(1)
  )[0];

describe("links in emails", () => {
  it("come from PUBLIC_URL, never from the request's Host", async () => {
    const { action } = await import("~/routes/account/forgot-password");
    const request = new Request("http://evil.example/fi/forgot-password", {
      method: "POST",
      body: new URLSearchParams({ email: "host.victim@example.org" }),
      headers: { Host: "evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await action({ request, params: { lang: "fi" }, context: {} });
    await backgroundSettled(); // the link and its email are made after the answer (docs/decisions/068)
    log.mockRestore();
    const mail = await lastMail("host.victim@example.org");
    expect(mail.body).toContain(`${env.PUBLIC_URL}/fi/reset/`);
    expect(mail.body).not.toContain("evil.example");
  });
});

describe("single-use links outside the delivery", () => {
  const body = `Hei,\n\nvalitse salasana: http://localhost:3000/fi/reset/${TOKEN}\n\nTerveisin`;

  it("with SMTP: the outbox row holds no token, the log only who got which kind", async () => {
    expect(outboxBody(body, false)).toBe(body);
    expect(outboxBody(body, true)).toBe("Hei,\n\nvalitse salasana: http://localhost:3000/fi/reset/…\n\nTerveisin");
    const saved = env.SMTP_URL;
    env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens: delivery fails and is recorded
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...a) => void lines.push(a.join(" ")));
    try {
      const email = { kind: "reset", to: "smtp.user@example.org", language: "fi" as const, subject: "Salasana", body };
      const id = await t.db.transaction((tx) => queueEmail(tx, email));
      await deliverEmail(t.db, id, email);
    } finally {
      env.SMTP_URL = saved;
      log.mockRestore();
    }
    const row = await lastMail("smtp.user@example.org");
    expect(row.body).not.toContain(TOKEN);
    expect(row.error).toBeTruthy();
    expect(lines.join("\n")).toBe("[email] reset to smtp.user@example.org (fi)");
  });

  it("the log never shows the body outside development without SMTP", () => {
    const email = { kind: "invite", to: "a@example.org", language: "sv" as const, subject: "Inbjudan", body };
    expect(emailLogLine(email, { development: false, smtp: false })).toBe("[email] invite to a@example.org (sv)");
    expect(emailLogLine(email, { development: true, smtp: true })).not.toContain(TOKEN);
    expect(emailLogLine(email, { development: true, smtp: false })).toContain(TOKEN);
  });

  it("the admin's outbox shows a delivered message without its link", async () => {
    await t.db.insert(emailOutbox).values({
      toAddress: "delivered@example.org",
      language: "fi",
      subject: "Kutsu",
      body: `kutsu: https://rajaton.example.fi/fi/invite/${TOKEN}`,
      sentAt: new Date(),
    });
    const { rows } = await listOutbox(t.db, "delivered@example.org", 1);
    expect(rows[0].body).toBe("kutsu: https://rajaton.example.fi/fi/invite/…");
    expect(rows[0].linkRemoved).toBe(true);
    expect(redactLinks(`/sv/verify/${TOKEN}?x`)).toBe("/sv/verify/…?x");
  });
});

describe("the error log", () => {
  const request = (path: string) => new Request(`http://localhost:3000${path}`, { method: "POST" });
  const captured = () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...a) => void lines.push(a.map(String).join(" ")));
    return { lines, restore: () => spy.mockRestore() };
  };

  it("names the database error and the query, not its parameters", async () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$c2VjcmV0aGFzaA";
    let thrown: unknown;
    try {
      await t.db
        .insert(users)
        .values({ email: "salainen.henkilo@example.org", name: "Salainen Nimi", passwordHash: hash, role: "staff" });
      await t.db
        .insert(users)
        .values({ email: "salainen.henkilo@example.org", name: "Salainen Nimi", passwordHash: hash, role: "staff" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeTruthy();
    let castError: unknown;
    try {
      await t.db.execute(sql`select ${hash}::int`);
    } catch (error) {
      castError = error;
    }
    const log = captured();
    handleError(thrown, { request: request("/fi/register") });
    handleError(castError, { request: request(`/fi/reset/${TOKEN}`) });
    log.restore();
    const text = log.lines.join("\n");
    expect(text).toContain("[error] POST /fi/register: database error 23505");
    expect(text).toContain('in "insert into "users"');
    expect(text).toContain("POST /fi/reset/…: database error 22P02");
    for (const secret of [hash, "c2VjcmV0aGFzaA", "salainen.henkilo", "Salainen Nimi", TOKEN])
      expect(text).not.toContain(secret);
  });

  it("logs nothing for a refusal or an old client's ?_data request", () => {
    const log = captured();
    handleError(data({ status: 403 }, { status: 403 }), { request: request("/fi/admin/outbox") });
    handleError(new Response(null, { status: 429 }), { request: request("/fi/login") });
    handleError(
      new Error(
        "Warning: Single fetch-enabled apps should not be making ?_data requests, this is likely to break in the future",
      ),
      { request: request("/fi?_data=root") },
    );
    log.restore();
    expect(log.lines).toEqual([]);
  });
});
