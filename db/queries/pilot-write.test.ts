/**
 * Writing pilots against a real database (PGlite, or PostgreSQL with DATABASE_URL): the version check
 * refuses a stale save and changes nothing, every write leaves an audit event, only drafts are
 * deleted, workflow transitions are version-checked; and the follow-up due rules (decision 022).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql, type SQL } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { auditEvents, continuationChecks, organisations, pilots, users } from "../schema";
import { pilotSchema, type FormValues } from "~/utils/pilot-form";
import { municipalityLookup } from "~/utils/pilot-municipalities";
import { parseValues } from "../../tests/helpers/form-data";
import { changesSince, loadPilotInput } from "./pilot-form-data.server";
import { createPilot, deleteDraft, transitionPilot, updatePilot } from "./pilot-write.server";
import { VersionConflict } from "./conflict";
import { listFollowUps } from "./follow-ups.server";
import { pilotFilterOptions } from "./pilots.server";

let t: TestDb;
let userId: number;
const lookup = municipalityLookup([
  { code: "905", name: { fi: "Vaasa", sv: "Vasa" } },
  { code: "233", name: { fi: "Kauhava", sv: "Kauhava" } },
]);
const input = (v: FormValues) => {
  const r = parseValues(pilotSchema({ lookup, complete: false }), v);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  [{ id: userId }] = await t.db
    .insert(users)
    .values({ email: "tester@example.fi", name: "Tessa Testaaja", role: "staff" })
    .returning({ id: users.id });
});
afterAll(async () => {
  await t?.close();
});

const auditFor = (id: number) =>
  t.db
    .select({ action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .where(sql`${auditEvents.entityType} = 'pilot' and ${auditEvents.entityId} = ${String(id)}`)
    .orderBy(auditEvents.id);

describe("pilot writes", () => {
  it("create, update with the version, refuse a stale save, name what changed", async () => {
    const id = await createPilot(
      t.db,
      input({ "title.fi": "Laulutuokiot", leadMunicipality: "Vasa", "funding.0.funder": "", startDate: "1.2.2015" }),
      { userId, state: "draft" },
    );
    const saved = await loadPilotInput(t.db, id);
    expect(saved?.version).toBe(1);
    expect(saved?.input.leadMunicipality).toBe("905");
    expect(saved?.input.startDate).toBe("2015-02-01");

    const first = await updatePilot(
      t.db,
      id,
      1,
      input({ "title.fi": "Laulutuokiot", "summary.fi": "Ensimmäinen", leadMunicipality: "Vaasa" }),
      { userId, state: "draft" },
    );
    expect(first).toEqual({ ok: true, version: 2 });

    const second = await updatePilot(t.db, id, 1, input({ "title.fi": "Toinen nimi", leadMunicipality: "Kauhava" }), {
      userId,
      state: "draft",
    });
    expect(second.ok).toBe(false);
    const after = await loadPilotInput(t.db, id);
    expect(after?.version).toBe(2);
    expect(after?.input.title).toEqual({ fi: "Laulutuokiot" });
    expect(after?.input.summary).toEqual({ fi: "Ensimmäinen" });
    expect(after?.input.leadMunicipality).toBe("905");

    const changes = await changesSince(t.db, id, 1);
    expect(changes).toHaveLength(1);
    expect(changes[0].fields).toContain("summary");
    expect(changes[0].by).toBe("Tessa Testaaja");
    expect((await auditFor(id)).map((a) => a.action)).toEqual(["pilot.create", "pilot.update"]);
  });

  it("workflow transitions are version-checked and audited", async () => {
    const id = await createPilot(t.db, input({ "title.sv": "Dans" }), { userId, state: "submitted" });
    expect(
      await transitionPilot(t.db, id, 1, { state: "draft", from: ["submitted"], comment: "Saknar källor" }, userId),
    ).toBe(true);
    const [returned] = await t.db
      .select({ state: pilots.state, comment: pilots.returnComment, version: pilots.version })
      .from(pilots)
      .where(eq(pilots.id, id));
    expect(returned).toEqual({ state: "draft", comment: "Saknar källor", version: 2 });
    // Stale version, or a state the transition does not start from: nothing changes.
    await expect(transitionPilot(t.db, id, 1, { state: "published", from: ["submitted"] }, userId)).rejects.toThrow(
      VersionConflict,
    );
    await expect(transitionPilot(t.db, id, 2, { state: "published", from: ["submitted"] }, userId)).rejects.toThrow(
      VersionConflict,
    );
    expect((await auditFor(id)).map((a) => a.action)).toEqual(["pilot.create", "pilot.return"]);
  });

  it("deletes drafts only", async () => {
    const draft = await createPilot(t.db, input({ "title.fi": "Luonnos" }), { userId, state: "draft" });
    const published = await createPilot(t.db, input({ "title.fi": "Julkaistu" }), { userId, state: "published" });
    expect(await deleteDraft(t.db, published, userId)).toBe(false);
    expect(await loadPilotInput(t.db, published)).not.toBeNull();
    expect(await deleteDraft(t.db, draft, userId)).toBe(true);
    expect(await loadPilotInput(t.db, draft)).toBeNull();
    expect((await auditFor(draft)).map((a) => a.action)).toEqual(["pilot.create", "pilot.delete"]);
  });
});

describe("follow-up due rules", () => {
  const today = "2020-06-30";
  const mk = async (title: string, end: string, checks: ([string, string] | [string, string, string])[]) => {
    const id = await createPilot(t.db, input({ "title.fi": `FU ${title}`, endDate: end }), {
      userId,
      state: "published",
    });
    for (const [on, status, endedOn] of checks)
      await t.db.insert(continuationChecks).values({ pilotId: id, checkedOn: on, statusCode: status, endedOn });
    return id;
  };
  it("lists what needs a check, most overdue first, with the reason", async () => {
    const none = await mk("none", "2019-12-31", []); // due since 31.12.2019
    const milestone = await mk("milestone", "2019-06-30", [["2019-07-15", "continues_own"]]); // 6 months: 31.12.2019 missing
    const stale = await mk("stale", "2016-12-31", [
      ["2017-07-01", "continues_own"],
      ["2018-12-31", "continues_partly"],
    ]); // milestones done, latest > 12 m old
    const unknown = await mk("unknown", "2018-12-31", [["2020-03-01", "unknown"]]);
    // The latest answer "unknown" after evidence for every milestone so far: due since that answer.
    const unknownLate = await mk("unknown late", "2019-06-30", [
      ["2019-12-31", "continues_own"],
      ["2020-03-01", "unknown"],
    ]);
    // Ended on 1.9.2017, said on 1.7.2019: evidence for every milestone (6: 31.12.2017, 12: 30.6.2018, 24: 30.6.2019).
    await mk("ended long ago", "2017-06-30", [["2019-07-01", "ended", "2017-09-01"]]);
    // The same answer without its end date is evidence only for the 24-month milestone (dated ≤ M + 1 month):
    // the 6-month milestone (31.12.2017) is still due.
    const endedUndated = await mk("ended undated", "2017-06-30", [["2019-07-01", "ended"]]);
    await mk("fresh", "2019-12-31", [["2020-06-30", "continues_own"]]); // the 6-month check, done on the day
    await mk("within a month", "2019-12-31", [["2020-06-01", "continues_own"]]); // ≥ M − 1 month: evidence for 6 months
    const early = await mk("early", "2019-12-31", [["2020-05-15", "continues_own"]]); // earlier than M − 1 month: not evidence
    await mk("running", "2020-12-31", []); // funding not ended yet
    await mk("future check", "2019-12-31", [["2020-08-01", "continues_own"]]); // check after today ignored → none
    const result = await listFollowUps(t.db, { scope: sql`p.title->>'fi' like 'FU %'`, today, page: 1 });
    const byTitle = Object.fromEntries(result.rows.map((r) => [r.title.fi, r]));
    expect(Object.keys(byTitle).sort()).toEqual(
      [
        "FU early",
        "FU ended undated",
        "FU future check",
        "FU milestone",
        "FU none",
        "FU stale",
        "FU unknown",
        "FU unknown late",
      ].sort(),
    );
    expect(byTitle["FU none"]).toMatchObject({ id: none, reason: "none", dueSince: "2019-12-31", overdueDays: 182 });
    expect(byTitle["FU milestone"]).toMatchObject({
      id: milestone,
      reason: "milestone",
      months: 6,
      dueSince: "2019-12-30",
    });
    expect(byTitle["FU stale"]).toMatchObject({ id: stale, reason: "stale", dueSince: "2019-12-31" });
    // "Unknown" is no evidence: the 6-month milestone (30.6.2019) has been due since before the answer.
    expect(byTitle["FU unknown"]).toMatchObject({
      id: unknown,
      reason: "milestone",
      months: 6,
      dueSince: "2019-06-30",
    });
    expect(byTitle["FU early"]).toMatchObject({
      id: early,
      reason: "milestone",
      months: 6,
      dueSince: "2020-06-30",
      overdueDays: 0,
    });
    expect(byTitle["FU future check"]).toMatchObject({ reason: "none", lastCheck: null });
    expect(byTitle["FU ended undated"]).toMatchObject({
      id: endedUndated,
      reason: "milestone",
      months: 6,
      dueSince: "2017-12-30",
    });
    // Sorted by how overdue.
    const order = result.rows.map((r) => r.overdueDays);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(byTitle["FU unknown late"]).toMatchObject({ id: unknownLate, reason: "unknown", dueSince: "2020-03-01" });
    expect(result.total).toBe(8);
  });
});

describe("the registry's filter choices", () => {
  it("offer the public only funders and years of published pilots; the council sees all", async () => {
    const [org] = await t.db
      .insert(organisations)
      .values({ name: { fi: "Salainen säätiö" }, kind: "foundation" })
      .returning({ id: organisations.id });
    await createPilot(
      t.db,
      input({
        "title.fi": "Luonnos",
        leadMunicipality: "Kauhava",
        startDate: "1.1.2031",
        "funding.0.funder": String(org.id),
        "funding.0.amount": "1000",
      }),
      { userId, state: "draft" },
    );
    const keys = async (visibility: SQL, kind: string) =>
      (await pilotFilterOptions(t.db, visibility)).filter((o) => o.kind === kind).map((o) => o.key);
    const published = sql`p.state = 'published'`;
    expect(await keys(published, "funder")).not.toContain(String(org.id));
    expect(await keys(published, "year")).not.toContain("2031");
    expect(await keys(sql`true`, "funder")).toContain(String(org.id));
    expect(await keys(sql`true`, "year")).toContain("2031");
  });
  it("offer the programme area's municipalities and every municipality a pilot is registered in, each once", async () => {
    const municipalities = async () =>
      (await pilotFilterOptions(t.db, sql`true`)).filter((o) => o.kind === "municipality").map((o) => o.key);
    const before = await municipalities();
    expect(before).toContain("905"); // Vaasa, in the programme's area
    expect(before).not.toContain("016"); // Asikkala, outside it and without pilots
    // (the form offers only the programme's area; an imported pilot may lie outside it)
    const id = await createPilot(t.db, input({ "title.fi": "Vierailu", leadMunicipality: "Kauhava" }), {
      userId,
      state: "draft",
    });
    await t.db.execute(
      sql`insert into pilot_municipalities (pilot_id, municipality_code, is_lead) values (${id}, '016', false)`,
    );
    const after = await municipalities();
    expect(after).toContain("016");
    expect(new Set(after).size).toBe(after.length);
    expect(after.length).toBe(before.length + 1);
  });
});
