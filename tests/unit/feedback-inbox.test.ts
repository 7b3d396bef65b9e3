/**
 * The accessibility feedback inbox, called directly on a fresh database (both drivers): a message
 * sent from the statement is stored with its audit event and a notice to every active council and
 * admin user in their own language, with links from PUBLIC_URL; the council's reply goes to the
 * sender in the language they wrote in, is audited and version-checked; answers are due 14 days
 * after arrival and overdue ones are flagged; only the council and the admin may read the inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN, routeCaller } from "../helpers/route-call";
import { auditEvents, emailOutbox, feedback, users } from "~db/schema";
import { backgroundSettled } from "~/utils/after-response.server";
import { publicUrl } from "~/utils/email.server";
import { feedbackDueDate, feedbackOverdue } from "~db/queries/feedback.server";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
});
afterAll(async () => {
  await backgroundSettled();
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

const call = routeCaller({ client: "192.0.2.44" });

async function signedIn(email: string, role: "staff" | "council" | "admin", language: "fi" | "sv", disabled = false) {
  const [u] = await t.db
    .insert(users)
    .values({
      email,
      name: email.split("@")[0],
      role,
      language,
      emailVerifiedAt: new Date(),
      disabledAt: disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  const { createSession } = await import("~/utils/session.server");
  const setCookie = await createSession(u.id, new Request(ORIGIN));
  return { id: u.id, cookie: setCookie.split(";")[0] };
}

const mailsTo = (to: string) => t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));

let council: { id: number; cookie: string };
let admin: { id: number; cookie: string };
let staff: { id: number; cookie: string };

describe("accessibility feedback inbox", () => {
  beforeAll(async () => {
    council = await signedIn("kirsi.council@example.fi", "council", "sv");
    admin = await signedIn("antti.admin@example.fi", "admin", "fi");
    staff = await signedIn("sanna.staff@example.fi", "staff", "fi");
    await signedIn("gone.council@example.fi", "council", "fi", true);
  });

  it("answers are due 14 days after the day of arrival in Finnish time; overdue only while new", () => {
    expect(feedbackDueDate(new Date("2026-12-06T10:00:00Z"))).toBe("2026-12-20");
    // 23.30 UTC is already the next day in Helsinki.
    expect(feedbackDueDate(new Date("2026-12-06T23:30:00Z"))).toBe("2026-12-21");
    const received = new Date("2026-11-01T10:00:00Z");
    expect(feedbackOverdue({ createdAt: received, answeredAt: null }, new Date("2026-11-15T10:00:00Z"))).toBe(false);
    expect(feedbackOverdue({ createdAt: received, answeredAt: null }, new Date("2026-11-16T10:00:00Z"))).toBe(true);
    expect(feedbackOverdue({ createdAt: received, answeredAt: new Date() }, new Date("2026-12-16T10:00:00Z"))).toBe(
      false,
    );
  });

  it("on arrival the council and admin users are told in their own language, with links from PUBLIC_URL", async () => {
    const { action } = await import("~/routes/public/accessibility");
    const sent = await call(
      action,
      "/sv/accessibility",
      { lang: "sv" },
      {
        message: "Knappen för att byta språk läses inte upp av skärmläsaren.",
        email: "Berit.Sender@Example.fi",
        page: "/sv/pilots",
      },
    );
    expect(sent.status).toBe(200);
    const [row] = await t.db.select().from(feedback).where(eq(feedback.email, "berit.sender@example.fi"));
    expect(row.language).toBe("sv");
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "feedback"), eq(auditEvents.entityId, String(row.id))));
    expect(events.map((e) => e.action)).toEqual(["create"]);

    const [sv] = await mailsTo("kirsi.council@example.fi");
    expect(sv.language).toBe("sv");
    expect(sv.subject).toContain("tillgänglighet");
    expect(sv.body).toContain(`${publicUrl()}/sv/admin/feedback`);
    const [fi] = await mailsTo("antti.admin@example.fi");
    expect(fi.language).toBe("fi");
    expect(fi.subject).toContain("saavutettavuuspalautetta");
    expect(fi.body).toContain(`${publicUrl()}/fi/admin/feedback`);
    // Not to staff, nor to a disabled council account; the message itself is not in the email.
    expect(await mailsTo("sanna.staff@example.fi")).toHaveLength(0);
    expect(await mailsTo("gone.council@example.fi")).toHaveLength(0);
    expect(sv.body).not.toContain("skärmläsaren");
  });

  it("lists new messages with their due date for the council and admin only; overdue ones are flagged", async () => {
    const old = new Date(Date.now() - 20 * 24 * 3600 * 1000);
    await t.db.insert(feedback).values({ language: "fi", message: "Vanha viesti ilman vastausta", createdAt: old });
    const { loader } = await import("~/routes/admin/feedback");
    const list = await call(loader, "/fi/admin/feedback", { lang: "fi" }, null, council.cookie);
    expect(list.status).toBe(200);
    const rows = list.data.rows as { excerpt: string; overdue: boolean; dueDate: string }[];
    const stale = rows.find((r) => r.excerpt.startsWith("Vanha viesti"));
    expect(stale?.overdue).toBe(true);
    expect(stale?.dueDate).toBe(feedbackDueDate(old));
    expect(rows.find((r) => r.excerpt.startsWith("Knappen"))?.overdue).toBe(false);
    expect((await call(loader, "/fi/admin/feedback", { lang: "fi" }, null, admin.cookie)).status).toBe(200);
    expect((await call(loader, "/fi/admin/feedback", { lang: "fi" }, null, staff.cookie)).status).toBe(403);
    expect((await call(loader, "/fi/admin/feedback", { lang: "fi" }, null)).status).toBe(302);
  });

  it("the reply goes to the sender in their language, is audited, marks the message answered and is version-checked", async () => {
    const [row] = await t.db.select().from(feedback).where(eq(feedback.email, "berit.sender@example.fi"));
    const { action, loader } = await import("~/routes/admin/feedback-message");
    const params = { lang: "fi", id: String(row.id) };
    const path = `/fi/admin/feedback/${row.id}`;
    // Bad input answers 400, nothing recorded.
    expect((await call(action, path, params, { reply: "", version: "0" }, council.cookie)).status).toBe(400);
    expect((await call(action, path, params, { reply: "Svar", version: "x" }, council.cookie)).status).toBe(400);
    expect((await call(action, path, params, { reply: "Svar", version: "0" }, staff.cookie)).status).toBe(403);

    const reply = "Tack! Vi har rättat knappens namn så att skärmläsaren läser upp det.";
    const done = await call(action, path, params, { reply, version: "0" }, council.cookie);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/fi/admin/feedback/${row.id}?done=sent`);
    const [mail] = await mailsTo("berit.sender@example.fi");
    expect(mail.language).toBe("sv");
    expect(mail.subject).toContain("Svar på din respons");
    expect(mail.body).toContain(reply);
    expect(mail.body).toContain(`${publicUrl()}/sv/accessibility`);
    const [after] = await t.db.select().from(feedback).where(eq(feedback.id, row.id));
    expect(after.answeredAt).not.toBeNull();
    expect(after.answeredBy).toBe(council.id);
    expect(after.reply).toBe(reply);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "feedback.answer"), eq(auditEvents.entityId, String(row.id))));
    expect(event.userId).toBe(council.id);

    // A second reply from a stale form conflicts and sends nothing more.
    const again = await call(action, path, params, { reply: "Toinen vastaus", version: "0" }, admin.cookie);
    expect(again.status).toBe(409);
    expect(await mailsTo("berit.sender@example.fi")).toHaveLength(1);

    const page = await call(loader, path, params, null, admin.cookie);
    expect(page.data.reply).toBe(reply);
    const { loader: list } = await import("~/routes/admin/feedback");
    const answered = await call(list, "/fi/admin/feedback?status=answered", { lang: "fi" }, null, admin.cookie);
    expect((answered.data.rows as { id: number }[]).map((r) => r.id)).toContain(row.id);
    const fresh = await call(list, "/fi/admin/feedback?status=new", { lang: "fi" }, null, admin.cookie);
    expect((fresh.data.rows as { id: number }[]).map((r) => r.id)).not.toContain(row.id);
  });

  it("a message without an address is answered by recording what was done, no email", async () => {
    const [row] = await t.db.select().from(feedback).where(sql`${feedback.message} like 'Vanha viesti%'`);
    const before = (await t.db.select().from(emailOutbox)).length;
    const { action } = await import("~/routes/admin/feedback-message");
    const done = await call(
      action,
      `/sv/admin/feedback/${row.id}`,
      { lang: "sv", id: String(row.id) },
      { reply: "Korjattu versiossa 2.", version: "0" },
      admin.cookie,
    );
    expect(done.headers.get("Location")).toBe(`/sv/admin/feedback/${row.id}?done=recorded`);
    expect((await t.db.select().from(emailOutbox)).length).toBe(before);
    const [after] = await t.db.select().from(feedback).where(eq(feedback.id, row.id));
    expect(after.answeredAt).not.toBeNull();
  });
});
