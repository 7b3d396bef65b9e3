/**
 * The dashboard's response rate (both drivers, both languages): answered ÷ sent follow-up requests
 * at the reporting date, with n, its definition and its table; superseded requests left out; hidden
 * under five sent requests with the reason in words; the public counts published pilots only. Mailing
 * a request raises the requests' own generation, not the data's: the cached dashboard shows the new
 * response at once and keeps its other figures, and every other cached page stays cached.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { followUpRequests, pilots } from "~db/schema";
import { buildDashboard, cachedDashboard } from "~/utils/dashboard-model.server";
import { dataGeneration, dataGenerations } from "~db/data-cache.server";
import { tableToCsv } from "~/utils/export.server";
import { getI18n } from "~/i18n";

let t: TestDb;
const ids: number[] = [];
const WORD = "Vastaus";

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  // Seven pilots; six requests sent in January 2030 (one to a draft), one superseded, one never sent.
  for (let i = 0; i < 8; i++) {
    const [p] = await t.db
      .insert(pilots)
      .values({
        title: { fi: `${WORD} ${i}` },
        startDate: "2028-01-01",
        endDate: "2029-12-31",
        state: i === 5 ? "draft" : "published",
      })
      .returning({ id: pilots.id });
    ids.push(p.id);
  }
  const sent = new Date("2030-01-10T08:00:00Z");
  const req = (i: number, extra: Partial<typeof followUpRequests.$inferInsert> = {}) =>
    t.db.insert(followUpRequests).values({
      pilotId: ids[i],
      round: `none:2029-12-31${extra.outcome === "superseded" ? "-old" : ""}`,
      reason: "none",
      dueSince: "2029-12-31",
      createdAt: sent,
      sentAt: sent,
      sends: 1,
      ...extra,
    });
  const answeredOn = (day: number) => ({
    outcome: "answered" as const,
    closedAt: new Date(Date.UTC(2030, 0, day, 10)),
    answeredBy: "yhteys@kunta.example",
  });
  await req(0, answeredOn(14)); // 4 days
  await req(1, answeredOn(20)); // 10 days
  await req(2, answeredOn(40)); // answered in February
  await req(3);
  await req(4);
  await req(5, answeredOn(12)); // the draft's
  await req(6, { outcome: "superseded", closedAt: new Date("2030-01-11T08:00:00Z") });
  await req(7, { sentAt: null, sends: 0 }); // nobody to ask
});
afterAll(async () => {
  await t?.close();
});

const model = (lang: "fi" | "sv", opts: { reportDate?: string; internal?: boolean } = {}) =>
  buildDashboard(t.db, {
    lang,
    reportDate: opts.reportDate ?? "2030-01-31",
    filters: {},
    visibility: opts.internal
      ? sql`p.title->>'fi' like ${`${WORD} %`}`
      : sql`p.title->>'fi' like ${`${WORD} %`} and p.state = 'published'`,
    internal: opts.internal ?? false,
  });

describe.each(["fi", "sv"] as const)("the response rate on the dashboard (%s)", (lang) => {
  const tr = getI18n(lang).getFixedT(lang, "dashboard");

  it("counts answered ÷ sent at the reporting date, without superseded requests, with n and its table", async () => {
    const m = await model(lang, { internal: true });
    // Sent: 0–5 (6); answered by 31.1.: 0, 1, 5.
    expect(m.response).toMatchObject({ sent: 6, answered: 3, rate: 0.5 });
    expect(m.response.medianDays).toBe(4.1); // 2.1, 4.1 and 10.1 days, to one decimal
    const table = m.tables.find((x) => x.id === "response")!;
    expect(table.title).toBe(tr("table.response"));
    expect(table.definition).toContain(lang === "fi" ? "Vastausprosentti = vastatut ÷ lähetetyt" : "Svarsprocent =");
    expect(table.columns.map((c) => c.label)).toContain(tr("col.requestsSent"));
    expect(table.rows[0]).toMatchObject({ sent: 6, answered: 3, unanswered: 3, rate: 0.5, note: "" });
    const csv = tableToCsv(table, { reportDateLabel: "R", reportDate: "2030-01-31", definitionLabel: "D" });
    expect(csv).toContain(tr("col.responseRate"));
    expect(csv).toContain(tr("def.response"));
  });

  it("moves with the reporting date", async () => {
    const feb = await model(lang, { internal: true, reportDate: "2030-02-28" });
    expect(feb.response).toMatchObject({ sent: 6, answered: 4 });
    const before = await model(lang, { internal: true, reportDate: "2030-01-09" });
    expect(before.response).toMatchObject({ sent: 0, answered: 0, rate: null });
    expect(before.tables.find((x) => x.id === "response")!.rows[0].note).toBe(tr("response.none"));
  });

  it("counts published pilots only for the public, and hides the rate under five requests, saying why", async () => {
    const pub = await model(lang);
    expect(pub.response).toMatchObject({ sent: 5, answered: 2, rate: 0.4 });
    await t.db.update(pilots).set({ state: "draft" }).where(eq(pilots.id, ids[4]));
    const few = await model(lang);
    expect(few.response).toMatchObject({ sent: 4, rate: null });
    expect(few.tables.find((x) => x.id === "response")!.rows[0]).toMatchObject({
      rate: null,
      note: tr("response.tooFew", { n: 4 }),
    });
    await t.db.update(pilots).set({ state: "published" }).where(eq(pilots.id, ids[4]));
  });
});

describe("mailing follow-up requests and the cache", () => {
  const opts = {
    lang: "fi" as const,
    reportDate: "2030-03-31",
    filters: {},
    visibility: sql`p.title->>'fi' like ${`${WORD} %`}`,
    internal: true,
  };
  const at = new Date("2030-03-02T08:00:00Z");
  // A new request for pilot 6 (its earlier one was superseded), created as the scheduler does, unsent.
  const create = () =>
    t.db
      .insert(followUpRequests)
      .values({ pilotId: ids[6], round: "none:2030-03-01", reason: "none", dueSince: "2030-03-01", createdAt: at });
  // The mailing: the request's first sending.
  const mail = (i: number) =>
    t.db
      .update(followUpRequests)
      .set({ sentAt: at, sends: 1 })
      .where(sql`${followUpRequests.pilotId} = ${ids[i]} and ${followUpRequests.closedAt} is null`);

  it("raises the requests' generation, not the data's that every other cached page is kept under", async () => {
    const [data, both] = [await dataGeneration(t.db), (await dataGenerations(t.db)).both];
    await create();
    expect(await dataGeneration(t.db)).toBe(data);
    expect((await dataGenerations(t.db)).both).not.toBe(both);
    // A change to a pilot raises the data's generation, as before.
    await t.db.update(pilots).set({ version: sql`version + 1` }).where(eq(pilots.id, ids[0]));
    expect(await dataGeneration(t.db)).not.toBe(data);
  });

  it("shows a request mailed after the dashboard was cached, without computing the other figures again", async () => {
    const key = "dashboard-response-test";
    const before = await cachedDashboard(t.db, opts, key, await dataGenerations(t.db));
    await mail(6);
    const after = await cachedDashboard(t.db, opts, key, await dataGenerations(t.db));
    expect(after.response.sent).toBe(before.response.sent + 1);
    expect(after.tables.find((x) => x.id === "response")!.rows[0].sent).toBe(before.response.sent + 1);
    // The same tables, not computed again (the data generation did not change)…
    expect(after.tables.find((x) => x.id === "continuation")).toBe(before.tables.find((x) => x.id === "continuation"));
    expect(after.tables.map((x) => x.id)).toEqual(before.tables.map((x) => x.id));
    // …and a model equal to one built from nothing.
    expect(after).toEqual(await buildDashboard(t.db, opts));
    // A change to the data computes them again.
    await t.db.update(pilots).set({ version: sql`version + 1` }).where(eq(pilots.id, ids[1]));
    const changed = await cachedDashboard(t.db, opts, key, await dataGenerations(t.db));
    expect(changed.tables.find((x) => x.id === "continuation")).not.toBe(
      after.tables.find((x) => x.id === "continuation"),
    );
  });
});
