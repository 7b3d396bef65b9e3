/**
 * The account flows' actions called directly on a fresh database (both drivers in CI): registration and
 * password reset answer the same whether or not the address has an account; an invitation creates the
 * user with its role and scope once; disabling ends every session in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN, routeCaller, type Outcome } from "../helpers/route-call";
import { emailOutbox, sessions, tokens, userMunicipalities, users } from "~db/schema";
import { FIXTURES } from "../e2e/authz/types";
import { backgroundSettled } from "~/utils/after-response.server";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  // The app's getDb() returns this database.
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
});
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

const call = routeCaller();

const lastMail = async (to: string) =>
  (
    await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.id)).limit(1)
  )[0];
const linkIn = (body: string, kind: string) => body.match(new RegExp(`/(fi|sv)/${kind}/([A-Za-z0-9_-]{43})`))?.[2];
const cookieOf = (o: Outcome) => o.headers.get("Set-Cookie")?.split(";")[0];

describe("registration", () => {
  it("answers a new and an existing address identically; the owner of the existing one is told by email", async () => {
    const { action } = await import("~/routes/account/register");
    const fresh = "new.artist@example.org";
    const form = (email: string) => ({
      name: "Uusi",
      email,
      password: "Registration-2026",
      passwordConfirm: "Registration-2026",
    });
    const a = await call(action, "/sv/register", { lang: "sv" }, form(fresh));
    const b = await call(action, "/sv/register", { lang: "sv" }, form("artist@rajaton.example"));
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect({ ...(a.data as object), values: null }).toEqual({ ...(b.data as object), values: null });

    const [created] = await t.db.select().from(users).where(eq(users.email, fresh));
    expect(created.role).toBe("artist");
    expect(created.language).toBe("sv");
    expect(created.emailVerifiedAt).toBeNull();
    expect((await lastMail(fresh)).subject).toBe("Gränslös: bekräfta din e-postadress");
    // The demo artist's account language is Finnish: the notice is in Finnish, and nothing changed on the account.
    expect((await lastMail("artist@rajaton.example")).subject).toBe("Rajaton: sinulla on jo tunnus");
    const [artist] = await t.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.email, "artist@rajaton.example"));
    expect(artist.name).toBe("Helmi Heinonen");
  });

  it("the verification link verifies once and signs in", async () => {
    const { action } = await import("~/routes/account/verify");
    const token = linkIn((await lastMail("new.artist@example.org")).body, "verify")!;
    const ok = await call(action, `/sv/verify/${token}`, { lang: "sv", token }, {});
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/sv/me/artist");
    expect(cookieOf(ok)).toMatch(/^__session=/);
    const [u] = await t.db.select().from(users).where(eq(users.email, "new.artist@example.org"));
    expect(u.emailVerifiedAt).not.toBeNull();
    const again = await call(action, `/sv/verify/${token}`, { lang: "sv", token }, {});
    expect(again.status).toBe(410);
    expect((again.data as { state: string }).state).toBe("used");
  });
});

describe("password reset", () => {
  it("answers the same for an unknown, a known and a disabled address; only the enabled account gets a link", async () => {
    const { action } = await import("~/routes/account/forgot-password");
    await t.db.insert(users).values({
      email: "gone@example.org",
      role: "staff",
      name: "Gone",
      disabledAt: new Date(),
      emailVerifiedAt: new Date(),
    });
    const before = (await t.db.select({ id: emailOutbox.id }).from(emailOutbox)).length;
    const outcomes = await Promise.all(
      ["nobody@example.org", "council@rajaton.example", "gone@example.org"].map((email) =>
        call(action, "/fi/forgot-password", { lang: "fi" }, { email }),
      ),
    );
    for (const o of outcomes) expect([o.status, o.data]).toEqual([200, outcomes[0].data]);
    // The link is made after the answer (docs/decisions/068).
    await backgroundSettled();
    const after = await t.db.select({ to: emailOutbox.toAddress }).from(emailOutbox).orderBy(desc(emailOutbox.id));
    expect(after.length - before).toBe(1);
    expect(after[0].to).toBe("council@rajaton.example");
  });

  it("sends at most five messages an hour to one address, answering the same after that", async () => {
    const { action } = await import("~/routes/account/forgot-password");
    await t.db
      .insert(users)
      .values({ email: "quota@example.org", role: "staff", name: "Quota", emailVerifiedAt: new Date() });
    const answers = [];
    for (let i = 0; i < 7; i++)
      answers.push(await call(action, "/fi/forgot-password", { lang: "fi" }, { email: "quota@example.org" }));
    for (const a of answers) expect([a.status, a.data]).toEqual([200, answers[0].data]);
    await backgroundSettled();
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "quota@example.org"))).toHaveLength(5);
  });

  it("mail the app sent on its own (follow-up requests) does not use up the public forms' quota", async () => {
    const { action } = await import("~/routes/account/forgot-password");
    await t.db
      .insert(users)
      .values({ email: "busy@example.org", role: "staff", name: "Busy", emailVerifiedAt: new Date() });
    await t.db.insert(emailOutbox).values(
      Array.from({ length: 6 }, (_, i) => ({
        toAddress: "busy@example.org",
        language: "fi",
        subject: `Seurantakysely ${i}`,
        body: "…",
      })),
    );
    await call(action, "/fi/forgot-password", { lang: "fi" }, { email: "busy@example.org" });
    await backgroundSettled();
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "busy@example.org"))).toHaveLength(7);
  });

  it("the link sets the password once and ends every session of the account", async () => {
    const { action } = await import("~/routes/account/reset");
    const [council] = await t.db
      .select({ id: users.id, hash: users.passwordHash })
      .from(users)
      .where(eq(users.email, "council@rajaton.example"));
    await t.db
      .insert(sessions)
      .values({ id: "x".repeat(43), userId: council.id, expiresAt: new Date(Date.now() + 3600_000) });
    const token = linkIn((await lastMail("council@rajaton.example")).body, "reset")!;
    const mismatch = await call(
      action,
      `/fi/reset/${token}`,
      { lang: "fi", token },
      { password: "New-password-2026", passwordConfirm: "Other-password-2026" },
    );
    expect(mismatch.status).toBe(400);
    const ok = await call(
      action,
      `/fi/reset/${token}`,
      { lang: "fi", token },
      { password: "New-password-2026", passwordConfirm: "New-password-2026" },
    );
    expect(ok.status).toBe(302);
    const remaining = await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, council.id));
    expect(remaining.map((s) => s.id)).not.toContain("x".repeat(43));
    expect(remaining).toHaveLength(1); // the one just signed in
    const [after] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, council.id));
    expect(after.hash).not.toBe(council.hash);
    const again = await call(
      action,
      `/fi/reset/${token}`,
      { lang: "fi", token },
      { password: "Third-password-2026", passwordConfirm: "Third-password-2026" },
    );
    expect(again.status).toBe(410);
  });
});

describe("invitations and disabling", () => {
  let adminCookie: string;

  beforeAll(async () => {
    const { createSession } = await import("~/utils/session.server");
    const setCookie = await createSession(FIXTURES.users.admin, new Request(`${ORIGIN}/fi/login`));
    adminCookie = setCookie.split(";")[0];
  });

  it("only an admin invites; the accepted invitation creates a verified staff member with the chosen scope, once", async () => {
    const invite = (await import("~/routes/admin/invite")).action;
    const form = {
      email: "Invited@Example.org",
      name: "Kutsuttu",
      language: "sv",
      role: "staff",
      municipalities: ["287", "999"],
    };
    expect((await call(invite, "/fi/admin/users/invite", { lang: "fi" }, form)).status).toBe(302);
    expect(
      (await call(invite, "/fi/admin/users/invite", { lang: "fi" }, { ...form, municipalities: [] }, adminCookie))
        .status,
    ).toBe(400);
    const sent = await call(invite, "/fi/admin/users/invite", { lang: "fi" }, form, adminCookie);
    expect(sent.status).toBe(200);
    const mail = await lastMail("invited@example.org");
    expect(mail.subject).toBe("Inbjudan till Gränslös");
    const [row] = await t.db
      .select()
      .from(tokens)
      .where(and(eq(tokens.email, "invited@example.org"), eq(tokens.kind, "invite")));
    expect(row.payload).toMatchObject({ role: "staff", municipalities: ["287"] }); // the unknown code was dropped

    const accept = (await import("~/routes/account/invite")).action;
    const token = linkIn(mail.body, "invite")!;
    const ok = await call(
      accept,
      `/sv/invite/${token}`,
      { lang: "sv", token },
      { name: "Kutsuttu Henkilö", password: "Invitation-2026", passwordConfirm: "Invitation-2026" },
    );
    expect(ok.status).toBe(302);
    const [u] = await t.db.select().from(users).where(eq(users.email, "invited@example.org"));
    expect([u.role, u.name, u.language, Boolean(u.emailVerifiedAt)]).toEqual(["staff", "Kutsuttu Henkilö", "sv", true]);
    const scope = await t.db
      .select({ code: userMunicipalities.municipalityCode })
      .from(userMunicipalities)
      .where(eq(userMunicipalities.userId, u.id));
    expect(scope.map((s) => s.code)).toEqual(["287"]);
    const again = await call(
      accept,
      `/sv/invite/${token}`,
      { lang: "sv", token },
      { name: "X", password: "Invitation-2026", passwordConfirm: "Invitation-2026" },
    );
    expect(again.status).toBe(410);
  });

  it("disabling asks for confirmation, then ends every session of the user in the same step", async () => {
    const { action } = await import("~/routes/admin/user");
    const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "invited@example.org"));
    const id = String(u.id);
    expect((await t.db.select().from(sessions).where(eq(sessions.userId, u.id))).length).toBeGreaterThan(0);
    const unconfirmed = await call(
      action,
      `/fi/admin/users/${id}`,
      { lang: "fi", id },
      { intent: "disable" },
      adminCookie,
    );
    expect(unconfirmed.status).toBe(302);
    expect(unconfirmed.headers.get("Location")).toBe(`/fi/admin/users/${id}?confirm=disable`);
    const ok = await call(
      action,
      `/fi/admin/users/${id}`,
      { lang: "fi", id },
      { intent: "disable", confirm: "yes" },
      adminCookie,
    );
    expect(ok.status).toBe(200);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    const [after] = await t.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, u.id));
    expect(after.disabledAt).not.toBeNull();
    // The admin cannot disable themselves.
    const self = await call(
      action,
      `/fi/admin/users/${FIXTURES.users.admin}`,
      { lang: "fi", id: String(FIXTURES.users.admin) },
      { intent: "disable", confirm: "yes" },
      adminCookie,
    );
    expect(self.status).toBe(409);
  });
});
