/**
 * Correcting and deleting a continuation check through the route modules (both drivers): only the
 * pilot's editors may; a reason is required; the write is version-checked; the audit event has the
 * fields before and after and the reason, in the same transaction; a GET of the delete page deletes
 * nothing; a check of another pilot is not found.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { addContinuationCheck } from "~db/queries/continuation-checks.server";
import { auditEvents, continuationChecks } from "~db/schema";
import { FIXTURES } from "../e2e/authz/types";

let t: TestDb;
const ORIGIN = "http://localhost:3999";
const pilotId = FIXTURES.pilots.kulttuurikaveri; // Kauhava: staff.kauhava's scope, not staff.vasa's
let checkId = 0;
const cookies = { staff: "", other: "" };

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  const { createSession } = await import("~/utils/session.server");
  cookies.staff = (await createSession(FIXTURES.users.staff, new Request(ORIGIN))).split(";")[0];
  cookies.other = (await createSession(FIXTURES.users.staffVasa, new Request(ORIGIN))).split(";")[0];
  checkId = await addContinuationCheck(
    t.db,
    pilotId,
    {
      checkedOn: "2024-03-01",
      statusCode: "continues_own",
      fundingAfter: null,
      evidenceRef: "Kh 1.3.2024 § 9",
      evidenceUrl: null,
      notes: "Väärä pilotti",
    },
    { id: FIXTURES.users.staff, name: "Kalle" },
  );
});
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read the returned data field by field
type Outcome = { status: number; data: any; location?: string | null };
async function call(
  fn: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  params: Record<string, string>,
  cookie: string,
  form?: Record<string, string>,
): Promise<Outcome> {
  const request = new Request(`${ORIGIN}${path}`, {
    method: form ? "POST" : "GET",
    headers: {
      Cookie: cookie,
      Origin: ORIGIN,
      ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response)
    return { status: result.status, data: null, location: result.headers.get("Location") };
  const r = result as { type?: string; data?: unknown; init?: { status?: number } };
  if (r?.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, data: r.data };
  return { status: 200, data: result };
}

const stored = async () => (await t.db.select().from(continuationChecks).where(eq(continuationChecks.id, checkId)))[0];
const events = (action: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, String(checkId))))
    .orderBy(desc(auditEvents.id));

const correction = (over: Record<string, string> = {}) => ({
  intent: "correct",
  version: "1",
  "check.checkedOn": "1.3.2024",
  "check.statusCode": "continues_partly",
  "check.evidenceRef": "Kh 1.3.2024 § 9",
  "check.notes": "",
  reason: "Tilanne kirjattiin väärin: palvelu jatkuu osittain.",
  ...over,
});

describe(`correcting and deleting a check (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("shows the correction form filled with the check, to its editors only", async () => {
    const { loader } = await import("~/routes/registry/check");
    const params = { lang: "sv", id: String(pilotId), checkId: String(checkId) };
    const path = `/sv/pilots/${pilotId}/checks/${checkId}`;
    const page = await call(loader, path, params, cookies.staff);
    expect(page.status).toBe(200);
    expect(page.data.values).toMatchObject({
      "check.checkedOn": "1.3.2024",
      "check.statusCode": "continues_own",
      "check.evidenceRef": "Kh 1.3.2024 § 9",
      "check.notes": "Väärä pilotti",
    });
    expect(page.data.check.version).toBe(1);
    expect((await call(loader, path, params, cookies.other)).status).toBe(403);
    expect((await call(loader, path, params, "")).status).toBe(302);
    // A check of another pilot is not this pilot's: not found.
    const elsewhere = { ...params, id: String(FIXTURES.pilots.taikuSotessa) };
    expect((await call(loader, path, elsewhere, cookies.staff)).status).toBe(404);
  });

  it("refuses a correction without a reason, from an old version, or by someone else; nothing changes", async () => {
    const { action } = await import("~/routes/registry/check");
    const params = { lang: "fi", id: String(pilotId), checkId: String(checkId) };
    const path = `/fi/pilots/${pilotId}/checks/${checkId}`;
    const noReason = await call(action, path, params, cookies.staff, correction({ reason: "  " }));
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors.reason).toBe("pilots:validation.reasonRequired");
    const badDate = await call(action, path, params, cookies.staff, correction({ "check.checkedOn": "31.2.2024" }));
    expect(badDate.status).toBe(400);
    expect(badDate.data.values["check.checkedOn"]).toBe("31.2.2024");
    const stale = await call(action, path, params, cookies.staff, correction({ version: "7" }));
    expect(stale.status).toBe(409);
    expect(stale.data.errors._form).toBe("pilots:checkEdit.stale");
    expect((await call(action, path, params, cookies.other, correction())).status).toBe(403);
    expect(await stored()).toMatchObject({ statusCode: "continues_own", notes: "Väärä pilotti", version: 1 });
    expect(await events("continuation.update")).toEqual([]);
  });

  it("corrects the check, with its audit event: before, after and the reason", async () => {
    const { action } = await import("~/routes/registry/check");
    const params = { lang: "fi", id: String(pilotId), checkId: String(checkId) };
    const path = `/fi/pilots/${pilotId}/checks/${checkId}`;
    const done = await call(action, path, params, cookies.staff, correction());
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/fi/pilots/${pilotId}?done=checkCorrected#continuation`);
    const row = await stored();
    expect(row).toMatchObject({ statusCode: "continues_partly", notes: null, version: 2 });
    expect(row.updatedAt).not.toBeNull();
    const [event] = await events("continuation.update");
    expect(event.userId).toBe(FIXTURES.users.staff);
    expect(event.changes).toMatchObject({
      statusCode: { before: "continues_own", after: "continues_partly" },
      notes: { before: "Väärä pilotti", after: null },
      version: { before: 1, after: 2 },
      reason: { before: null, after: "Tilanne kirjattiin väärin: palvelu jatkuu osittain." },
    });
    expect(event.changes.checkedOn).toBeUndefined(); // unchanged fields are not listed
    // The same form again is from the old version now.
    expect((await call(action, path, params, cookies.staff, correction())).status).toBe(409);
  });

  it("asks before deleting: the GET deletes nothing, the POST needs a reason and the current version", async () => {
    const mod = await import("~/routes/registry/check-delete");
    const params = { lang: "sv", id: String(pilotId), checkId: String(checkId) };
    const path = `/sv/pilots/${pilotId}/checks/${checkId}/delete`;
    const confirm = await call(mod.loader, path, params, cookies.staff);
    expect(confirm.status).toBe(200);
    expect(confirm.data.check.id).toBe(checkId);
    expect(await stored()).toBeTruthy();
    expect((await call(mod.action, path, params, cookies.staff, { version: "2", reason: "" })).status).toBe(400);
    expect((await call(mod.action, path, params, cookies.staff, { version: "1", reason: "Dubblett" })).status).toBe(
      409,
    );
    expect((await call(mod.action, path, params, cookies.other, { version: "2", reason: "Dubblett" })).status).toBe(
      403,
    );
    expect(await stored()).toBeTruthy();

    const done = await call(mod.action, path, params, cookies.staff, { version: "2", reason: "Dubblett" });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/sv/pilots/${pilotId}?done=checkDeleted#continuation`);
    expect(await stored()).toBeUndefined();
    const [event] = await events("continuation.delete");
    expect(event.userId).toBe(FIXTURES.users.staff);
    expect(event.changes).toMatchObject({
      statusCode: { before: "continues_partly", after: null },
      evidenceRef: { before: "Kh 1.3.2024 § 9", after: null },
      reason: { before: null, after: "Dubblett" },
    });
    // Gone: its pages are not found.
    expect((await call(mod.loader, path, params, cookies.staff)).status).toBe(404);
  });
});
