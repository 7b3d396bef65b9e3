import type { ActionFunctionArgs } from "@remix-run/node";
/**
 * A whole follow-up campaign with a moved clock, on a fresh database with the demo accounts (PGlite,
 * or PostgreSQL with DATABASE_URL): three pilots end; the scheduler's pass (run by two runners at
 * once) creates one request each and mails everyone responsible once, in Finnish and in Swedish; a
 * pilot without anyone to ask is left for the council; after 14 days the request goes once more,
 * after 28 it is overdue; a Swedish contact answers by link (GET records nothing, the POST one check,
 * a second POST nothing, another pilot's form is refused), staff answer in the app, an expired link
 * gets its page, and six months after the end the 6-month round starts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, inArray, like, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { routeCaller } from "../helpers/route-call";
import { clock, DAY_MS, helsinkiDay } from "~db/clock";
import { openDb, type Db, type DbHandle } from "~db/connect";
import { runDueJobs } from "~db/jobs.server";
import { deletingReopens, runFollowUpPass } from "~db/queries/follow-up-requests.server";
import { campaignFigures, listOpenRequests } from "~db/queries/follow-up-campaign.server";
import { continuationCounts, summarize } from "~db/queries/continuation.server";
import { addContinuationCheck, deleteCheck } from "~db/queries/continuation-checks.server";
import {
  auditEvents,
  continuationChecks,
  dataGeneration,
  emailOutbox,
  followUpRecipients,
  followUpRequests,
  pilotMunicipalities,
  pilots,
  tokens,
} from "~db/schema";
import { jobHandlers } from "~/utils/jobs.server";
import { hashToken } from "~db/queries/tokens.server";
import { FIXTURES } from "../e2e/authz/types";

let t: TestDb;
let other: DbHandle | null = null;
const realNow = clock.now;
const END = "2031-01-31";
const T2 = new Date("2031-02-02T08:00:00Z");
const day = (n: number) => new Date(T2.getTime() + n * DAY_MS);
const ids = { a: 0, b: 0, c: 0 };
const word = `Kampanja ${Date.now().toString(36)}`;

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  const url = process.env.DATABASE_URL;
  if (url) other = await openDb({ url: url.replace(/\/[^/]*$/, `/${t.name}`), max: 4 });
  const pilot = async (title: string, lead: string, contactEmail: string | null) => {
    const [p] = await t.db
      .insert(pilots)
      .values({
        title: { fi: title, sv: title },
        state: "published",
        startDate: "2030-01-01",
        endDate: END,
        contactEmail,
      })
      .returning({ id: pilots.id });
    await t.db.insert(pilotMunicipalities).values({ pilotId: p.id, municipalityCode: lead, isLead: true });
    return p.id;
  };
  ids.a = await pilot(`${word} A`, "233", "yhteys.a@kunta.example"); // Kauhava: Finnish
  ids.b = await pilot(`${word} B`, "287", "Kontakt.B@stad.example"); // Kristinestad: Swedish-speaking majority
  ids.c = await pilot(`${word} C`, "010", null); // Alavus: no contact, in nobody's scope
});
afterAll(async () => {
  clock.now = realNow;
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await other?.close();
  await t?.close();
});

/** One runner's work at `at`: the scheduler's pass, then the due jobs (the mailings and their emails). */
async function runner(db: Db, at: Date) {
  clock.now = () => at;
  await runFollowUpPass(db, at);
  await runDueJobs(db, jobHandlers, { now: at });
}

const requestsOf = (pilotId: number) =>
  t.db.select().from(followUpRequests).where(eq(followUpRequests.pilotId, pilotId)).orderBy(followUpRequests.id);
const mailsTo = (to: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), like(emailOutbox.subject, `%${word}%`)))
    .orderBy(emailOutbox.id);
const tokenIn = (body: string, lang: string) => body.match(new RegExp(`/${lang}/follow-up/([A-Za-z0-9_-]{43})`))?.[1];
const checksOf = (pilotId: number) =>
  t.db.select().from(continuationChecks).where(eq(continuationChecks.pilotId, pilotId));

const route = routeCaller();
/** The answer page's loader (a GET with a status chosen in the email) or action (a POST of `form`). */
const call = (
  fn: (args: ActionFunctionArgs) => Promise<unknown>,
  lang: string,
  token: string,
  form?: Record<string, string>,
) => route(fn, `/${lang}/follow-up/${token}${form ? "" : "?status=continues_other"}`, { lang, token }, form ?? null);

describe(`a follow-up campaign with a moved clock (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("asks nobody before the funding has ended", async () => {
    await runner(t.db, new Date("2031-01-20T08:00:00Z"));
    expect(await requestsOf(ids.a)).toEqual([]);
  });

  it("creates one request per pilot and mails everyone responsible once, in their language, with two runners at once", async () => {
    await Promise.all([runner(t.db, T2), runner(other?.db ?? t.db, T2)]);
    for (const id of [ids.a, ids.b, ids.c]) {
      const reqs = await requestsOf(id);
      expect(reqs).toHaveLength(1);
      expect(reqs[0].round).toBe(`none:${END}`);
      expect(reqs[0].closedAt).toBeNull();
    }
    const [c] = await requestsOf(ids.c);
    expect(c.sentAt).toBeNull(); // nobody to ask: listed for the council
    const queue = await listOpenRequests(t.db);
    expect(queue.find((r) => r.pilotId === ids.c)?.recipients).toEqual([]);
    expect((await campaignFigures(t.db)).nobody).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(followUpRecipients).where(eq(followUpRecipients.requestId, c.id))).toEqual([]);

    const expected = [
      ["yhteys.a@kunta.example", "fi"],
      ["staff.kauhava@rajaton.example", "fi"],
      ["kontakt.b@stad.example", "sv"],
      ["staff.vasa@rajaton.example", "sv"],
    ] as const;
    for (const [to, lang] of expected) {
      const mails = await mailsTo(to);
      expect(mails, to).toHaveLength(1);
      const m = mails[0];
      expect(m.language).toBe(lang);
      expect(m.subject).toContain(lang === "fi" ? "Jatkuuko" : "Fortsätter");
      expect(m.body).toContain(lang === "fi" ? "Rajaton" : "Gränslös");
      // The sender's role, and the pilot's name in the text as well as the subject.
      expect(m.body).toMatch(lang === "fi" ? /^Lähettäjä: maakunnan liiton/m : /^Avsändare: landskapsförbundets/m);
      expect(m.body).toContain(`${word} ${to.includes(".a@") || to.startsWith("staff.kauhava") ? "A" : "B"}`);
      expect(m.body).toContain(
        to.startsWith("staff")
          ? lang === "fi"
            ? "ylläpidät"
            : "sköter"
          : lang === "fi"
            ? "yhteyshenkilöksi"
            : "kontaktperson",
      );
      // One link per status, from the configured address; the HTML part has the same links.
      const links = m.body.match(/https?:\/\/\S+\/follow-up\/\S+/g) ?? [];
      expect(links).toHaveLength(6);
      expect(links.every((l) => l.startsWith(`http://localhost:`) && l.includes(`/${lang}/follow-up/`))).toBe(true);
      expect(m.html).toContain(`<html lang="${lang}">`);
      expect(m.html?.match(/<a href=/g)).toHaveLength(6);
    }
    // Only the hash of each link is stored.
    const token = tokenIn((await mailsTo("kontakt.b@stad.example"))[0].body, "sv")!;
    const rows = await t.db
      .select()
      .from(tokens)
      .where(eq(tokens.tokenHash, hashToken(token)));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(await t.db.select().from(tokens))).not.toContain(token);
  });

  it("does nothing more on the next pass", async () => {
    await runner(t.db, new Date(T2.getTime() + 3600_000));
    expect(await requestsOf(ids.a)).toHaveLength(1);
    expect(await mailsTo("yhteys.a@kunta.example")).toHaveLength(1);
  });

  it("sends an unanswered request once more after 14 days, and marks it overdue after 28", async () => {
    await runner(t.db, day(13));
    expect(await mailsTo("yhteys.a@kunta.example")).toHaveLength(1);
    await Promise.all([runner(t.db, day(14)), runner(other?.db ?? t.db, day(14))]);
    for (const to of ["yhteys.a@kunta.example", "staff.kauhava@rajaton.example", "kontakt.b@stad.example"]) {
      const mails = await mailsTo(to);
      expect(mails, to).toHaveLength(2);
      expect(mails[1].subject).toMatch(/Muistutus|Påminnelse/);
    }
    await runner(t.db, day(20));
    expect(await mailsTo("yhteys.a@kunta.example")).toHaveLength(2);
    expect((await requestsOf(ids.a))[0].overdueAt).toBeNull();
    await runner(t.db, day(28));
    expect((await requestsOf(ids.a))[0].overdueAt).not.toBeNull();
    expect((await requestsOf(ids.b))[0].overdueAt).not.toBeNull();
    expect((await requestsOf(ids.c))[0].overdueAt).toBeNull(); // never sent: it is "nobody to ask"
  });

  it("records an answer by link: GET nothing, POST one check, a second POST nothing; another pilot's form is refused", async () => {
    const at = day(30);
    clock.now = () => at;
    const { loader, action } = await import("~/routes/follow-ups/answer");
    const [first, reminder] = await mailsTo("kontakt.b@stad.example");
    const token = tokenIn(reminder.body, "sv")!;
    const reportDate = helsinkiDay(at);
    const where = sql`p.id in (${ids.a}, ${ids.b}, ${ids.c})`;
    const before = summarize(await continuationCounts(t.db, { reportDate, where }));
    const [{ n: generation }] = await t.db.select({ n: dataGeneration.n }).from(dataGeneration);

    const figuresBefore = await campaignFigures(t.db);
    const stina = { id: FIXTURES.users.staffVasa, email: "staff.vasa@rajaton.example" };
    expect((await listOpenRequests(t.db, { forUser: stina })).map((r) => r.pilotId)).toContain(ids.b);
    const opened = await call(loader, "sv", token);
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({ state: "valid", pilotId: String(ids.b), status: "continues_other" });
    expect(opened.data.title.sv).toBe(`${word} B`);
    await call(loader, "sv", token);
    expect(await checksOf(ids.b)).toEqual([]);
    expect(
      (
        await t.db
          .select()
          .from(tokens)
          .where(eq(tokens.tokenHash, hashToken(token)))
      )[0].usedAt,
    ).toBeNull();

    const answer = { statusCode: "continues_other", evidenceRef: "Stadsstyrelsen 12.3.2031 § 4", notes: "Med stöd" };
    const replay = await call(action, "sv", token, { ...answer, pilotId: String(ids.a) });
    expect(replay.status).toBe(400);
    expect(JSON.stringify(replay.data)).toContain("followups:answer.mismatch");
    expect(await checksOf(ids.a)).toEqual([]);
    expect(await checksOf(ids.b)).toEqual([]);

    const invalid = await call(action, "sv", token, { pilotId: String(ids.b), statusCode: "maybe" });
    expect(invalid.status).toBe(400);

    const done = await call(action, "sv", token, { ...answer, pilotId: String(ids.b) });
    expect(done.status).toBe(200);
    expect(done.data).toMatchObject({ state: "done", statusCode: "continues_other" });
    const checks = await checksOf(ids.b);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      checkedOn: reportDate,
      statusCode: "continues_other",
      evidenceRef: answer.evidenceRef,
      notes: answer.notes,
      checkedBy: null,
      checkedByName: "kontakt.b@stad.example",
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "continuation_check"), eq(auditEvents.entityId, String(checks[0].id))));
    expect(event.action).toBe("continuation.create");
    expect(event.changes.answeredBy.after).toBe("kontakt.b@stad.example");
    const [req] = await requestsOf(ids.b);
    expect(req).toMatchObject({ outcome: "answered", checkId: checks[0].id });
    const [{ n: generationAfter }] = await t.db.select({ n: dataGeneration.n }).from(dataGeneration);
    expect(generationAfter).toBeGreaterThan(generation);
    const after = summarize(await continuationCounts(t.db, { reportDate, where }));
    expect(after.followedUp).toBe(before.followedUp + 1);

    // The council's figures count the answer; the staff member's open list no longer has the request.
    const figuresAfter = await campaignFigures(t.db);
    expect(figuresAfter.answered).toBe(figuresBefore.answered + 1);
    expect(figuresAfter.responseRate).toBeCloseTo(figuresAfter.answered / figuresAfter.sent, 5);
    expect(figuresAfter.medianDays).not.toBeNull();
    const kristinestad = (f: typeof figuresAfter) => f.byMunicipality.find((g) => g.key === "287")!;
    expect(kristinestad(figuresAfter).answered).toBe((kristinestad(figuresBefore)?.answered ?? 0) + 1);
    expect((await listOpenRequests(t.db, { forUser: stina })).map((r) => r.pilotId)).not.toContain(ids.b);

    // The same link again, the other recipient's link and the first mailing's link: "already answered".
    const again = await call(action, "sv", token, { ...answer, pilotId: String(ids.b) });
    expect(again.status).toBe(410);
    expect(again.data.state).toBe("answered");
    expect(await checksOf(ids.b)).toHaveLength(1);
    const staffToken = tokenIn((await mailsTo("staff.vasa@rajaton.example"))[0].body, "sv")!;
    expect((await call(loader, "sv", staffToken)).data.state).toBe("answered");
    expect((await call(loader, "sv", tokenIn(first.body, "sv")!)).data.state).toBe("answered");
    expect((await call(loader, "fi", "A".repeat(43))).status).toBe(404);
  });

  it("closes the request when staff add the check in the app", async () => {
    clock.now = () => day(31);
    const id = await addContinuationCheck(
      t.db,
      ids.a,
      {
        checkedOn: helsinkiDay(day(31)),
        statusCode: "continues_own",
        fundingAfter: null,
        evidenceRef: null,
        evidenceUrl: null,
        notes: null,
      },
      { id: FIXTURES.users.staff, name: "Kalle Kulttuurisihteeri" },
    );
    const [req] = await requestsOf(ids.a);
    expect(req).toMatchObject({ outcome: "answered", checkId: id, answeredBy: "Kalle Kulttuurisihteeri" });
    const { loader } = await import("~/routes/follow-ups/answer");
    const token = tokenIn((await mailsTo("yhteys.a@kunta.example"))[1].body, "fi")!;
    expect((await call(loader, "fi", token)).data.state).toBe("answered");
  });

  it("asks again, saying why, when the check that answered is deleted; the new link answers it", async () => {
    const at = new Date(day(31).getTime() + 3600_000);
    clock.now = () => at;
    const [answered] = await requestsOf(ids.a);
    const [check] = await checksOf(ids.a);
    expect(answered).toMatchObject({ outcome: "answered", checkId: check.id });
    expect(await deletingReopens(t.db, check.id)).toBe(true); // the confirmation page says so
    await deleteCheck(t.db, ids.a, check.id, check.version, "Kirjattu väärälle pilotille", FIXTURES.users.staff);
    const [reopened] = await requestsOf(ids.a);
    expect(reopened).toMatchObject({ id: answered.id, closedAt: null, outcome: null, checkId: null, sentAt: null });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "continuation.delete"), eq(auditEvents.entityId, String(check.id))));
    expect(event.changes.followUpRequest.after).toBe(answered.id);

    await runDueJobs(t.db, jobHandlers, { now: at });
    const mails = await mailsTo("yhteys.a@kunta.example");
    expect(mails).toHaveLength(3);
    expect(mails[2].subject).toContain("Vastaathan uudelleen");
    expect(mails[2].body).toContain("Aiempi vastaus tähän kysymykseen on poistettu");
    expect((await mailsTo("staff.kauhava@rajaton.example")).at(-1)?.subject).toContain("Vastaathan uudelleen");
    // The next pass keeps it (the pilot is still due for the same round) and reminds nobody yet.
    await runner(t.db, new Date(at.getTime() + 3600_000));
    expect(await requestsOf(ids.a)).toHaveLength(1);
    expect(await mailsTo("yhteys.a@kunta.example")).toHaveLength(3);

    const { action } = await import("~/routes/follow-ups/answer");
    const token = tokenIn(mails[2].body, "fi")!;
    const done = await call(action, "fi", token, { pilotId: String(ids.a), statusCode: "continues_own" });
    expect(done.status).toBe(200);
    expect((await requestsOf(ids.a))[0]).toMatchObject({ id: answered.id, outcome: "answered" });
    expect(await checksOf(ids.a)).toHaveLength(1);
  });

  it("does not reopen an answered request when the pilot has another open one", async () => {
    const [b] = await requestsOf(ids.b);
    const [check] = await checksOf(ids.b);
    expect(b).toMatchObject({ outcome: "answered", checkId: check.id });
    const [open] = await t.db
      .insert(followUpRequests)
      .values({
        pilotId: ids.b,
        round: "manual:2031-03-01",
        reason: "milestone",
        dueSince: "2031-03-01",
        createdAt: day(31),
      })
      .returning({ id: followUpRequests.id });
    expect(await deletingReopens(t.db, check.id)).toBe(false);
    await deleteCheck(t.db, ids.b, check.id, check.version, "Väärä pilotti", FIXTURES.users.staff);
    const rows = await requestsOf(ids.b);
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ outcome: "answered", closedAt: b.closedAt });
    await t.db.delete(followUpRequests).where(eq(followUpRequests.id, open.id));
    await t.db.insert(continuationChecks).values({ ...check, id: undefined, version: 1 });
  });

  it("the council's resend reaches a contact named later; an expired link gets its own page", async () => {
    const at = day(32);
    clock.now = () => at;
    const { action: resend } = await import("~/routes/follow-ups/route");
    const { createSession } = await import("~/utils/session.server");
    const council = (await createSession(FIXTURES.users.council, new Request("http://localhost"))).split(";")[0];
    const [req] = await requestsOf(ids.c);
    const form = { intent: "resend", requestId: String(req.id) };
    // Still nobody to ask: the council is told so, and nothing is sent.
    const nobody = await route(resend, "/fi/follow-ups", { lang: "fi" }, form, council);
    expect(nobody.status).toBe(400);
    expect(nobody.data.error).toBe("followups:campaign.resendNobody");
    await t.db.update(pilots).set({ contactEmail: "nimetty.c@kunta.example" }).where(eq(pilots.id, ids.c));
    // Staff may not resend; the council may, and the mailing is in the outbox at once.
    const staff = (await createSession(FIXTURES.users.staff, new Request("http://localhost"))).split(";")[0];
    expect((await route(resend, "/fi/follow-ups", { lang: "fi" }, form, staff)).status).toBe(403);
    expect(await mailsTo("nimetty.c@kunta.example")).toEqual([]);
    const resent = await route(resend, "/fi/follow-ups", { lang: "fi" }, form, council);
    expect(resent.status).toBe(200);
    expect(resent.data).toMatchObject({ error: null, resent: true });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "followup.resend"), eq(auditEvents.entityId, String(req.id))));
    expect(event.userId).toBe(FIXTURES.users.council);
    expect((await requestsOf(ids.c))[0].sentAt).not.toBeNull();
    const [mail] = await mailsTo("nimetty.c@kunta.example");
    expect(mail.language).toBe("fi"); // Alavus is Finnish-speaking, and the address has no account
    const token = tokenIn(mail.body, "fi")!;
    await t.db
      .update(tokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tokens.tokenHash, hashToken(token)));
    const { loader, action } = await import("~/routes/follow-ups/answer");
    const opened = await call(loader, "fi", token);
    expect(opened.status).toBe(410);
    expect(opened.data.state).toBe("expired");
    const posted = await call(action, "fi", token, { pilotId: String(ids.c), statusCode: "ended" });
    expect(posted.status).toBe(410);
    expect(await checksOf(ids.c)).toEqual([]);
  });

  it("starts the 6-month round six months after the end", async () => {
    await runner(t.db, new Date("2031-08-01T08:00:00Z"));
    const rounds = await t.db
      .select({ pilotId: followUpRequests.pilotId, reason: followUpRequests.reason, months: followUpRequests.months })
      .from(followUpRequests)
      .where(and(inArray(followUpRequests.pilotId, [ids.a, ids.b]), sql`${followUpRequests.closedAt} is null`));
    expect(rounds.sort((x, y) => x.pilotId - y.pilotId)).toEqual([
      { pilotId: ids.a, reason: "milestone", months: 6 },
      { pilotId: ids.b, reason: "milestone", months: 6 },
    ]);
    expect(await mailsTo("kontakt.b@stad.example")).toHaveLength(3);
    // C's request of the first round is still open: the same round is not asked twice.
    expect(await requestsOf(ids.c)).toHaveLength(1);
    const [latest] = await t.db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(1);
    expect(latest).toBeTruthy();
  });

  it("a link of a round that a newer round replaced gets its page and records nothing", async () => {
    // B's 6-month request goes unanswered; its editor corrects the end date, which moves the milestone:
    // the next pass replaces the request with one for the new round.
    const sixMonths = (await mailsTo("kontakt.b@stad.example")).at(-1)!;
    const token = tokenIn(sixMonths.body, "sv")!;
    await t.db.update(pilots).set({ endDate: "2031-03-31" }).where(eq(pilots.id, ids.b));
    await runner(t.db, new Date("2031-10-15T08:00:00Z"));
    const b = await requestsOf(ids.b);
    expect(b.map((r) => [r.round, r.outcome])).toEqual([
      [`none:${END}`, "answered"],
      ["milestone6:2031-07-31", "superseded"],
      ["milestone6:2031-09-30", null],
    ]);
    const { loader, action } = await import("~/routes/follow-ups/answer");
    const opened = await call(loader, "sv", token);
    expect(opened.status).toBe(410);
    expect(opened.data.state).toBe("superseded");
    const checks = (await checksOf(ids.b)).length;
    const posted = await call(action, "sv", token, { pilotId: String(ids.b), statusCode: "ended" });
    expect(posted.status).toBe(410);
    expect(posted.data.state).toBe("superseded");
    expect(await checksOf(ids.b)).toHaveLength(checks);
  });
});
