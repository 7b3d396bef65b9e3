/**
 * The audit log in words (both drivers): actions and changed values in the page's language — a
 * funder's name for its id, a municipality's name for its code, states as words, dates and money
 * formatted — and the council reads the events of pilots and artists but not those of users.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";
import { auditEvents, organisations, users } from "~db/schema";
import { backgroundSettled } from "~/utils/after-response.server";

let t: TestDb;
const ORIGIN = "http://localhost:3999";
let council: string;
let admin: string;

async function signedIn(email: string, role: "staff" | "council" | "admin") {
  const [u] = await t.db
    .insert(users)
    .values({ email, name: email.split("@")[0], role, emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  const { createSession } = await import("~/utils/session.server");
  return (await createSession(u.id, new Request(ORIGIN))).split(";")[0];
}

async function load(lang: "fi" | "sv", cookie: string) {
  const { loader } = await import("~/routes/admin/audit");
  try {
    return (await loader({
      request: new Request(`${ORIGIN}/${lang}/admin/audit`, { headers: { Cookie: cookie } }),
      params: { lang },
      context: {},
    })) as Awaited<ReturnType<typeof loader>>;
  } catch (thrown) {
    return thrown as Response;
  }
}

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  council = await signedIn("council.audit@example.fi", "council");
  admin = await signedIn("admin.audit@example.fi", "admin");
  const [funder] = await t.db
    .insert(organisations)
    .values({ name: { fi: "Taiteen edistämiskeskus", sv: "Centret för konstfrämjande" }, kind: "foundation" })
    .returning({ id: organisations.id });
  await t.db.insert(auditEvents).values([
    {
      action: "pilot.publish",
      entityType: "pilot",
      entityId: "7",
      changes: {
        state: { before: "submitted", after: "published" },
        leadMunicipality: { before: null, after: "905" },
        startDate: { before: null, after: "2025-03-01" },
        funding: { before: [], after: [{ funderId: funder.id, amountCents: 125050, kind: "grant" }] },
      },
    },
    { action: "approve", entityType: "artist", entityId: "3", changes: {} },
    { action: "user.disable", entityType: "user", entityId: "2", changes: {} },
  ]);
});
afterAll(async () => {
  await backgroundSettled();
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

describe("audit log in words", () => {
  it("shows values as names, words and formatted figures in Finnish and Swedish", async () => {
    for (const lang of ["fi", "sv"] as const) {
      const page = await load(lang, admin);
      if (page instanceof Response) throw new Error(String(page.status));
      const row = page.rows.find((r) => r.action === "pilot.publish");
      expect(row?.actionKey).toBe("pilot_publish");
      const value = (field: string) => row?.changes.find((c) => c.field === field)?.after.join(" | ");
      expect(value("state")).toBe(lang === "fi" ? "Julkaistu" : "Publicerat");
      expect(value("leadMunicipality")).toBe(lang === "fi" ? "Vaasa" : "Vasa");
      expect(value("startDate")).toBe("1.3.2025");
      expect(value("funding")).toContain(lang === "fi" ? "Taiteen edistämiskeskus" : "Centret för konstfrämjande");
      expect(value("funding")).toContain("1\u00a0250,50\u00a0€");
      expect(JSON.stringify(row?.changes)).not.toContain("funderId");
    }
  });

  it("has words for every action code the app writes", async () => {
    const fs = await import("node:fs");
    const { execSync } = await import("node:child_process");
    const found = execSync(`grep -rhoE 'action: "[a-zA-Z.]+"' app db --include=*.ts --include=*.tsx`, {
      encoding: "utf8",
    })
      .split("\n")
      .map((l) => l.match(/"(.+)"/)?.[1])
      .filter((a): a is string => Boolean(a?.includes(".")));
    const written = [...found, "pilot.publish", "pilot.return", "pilot.submit", "pilot.update"];
    for (const lang of ["fi", "sv"]) {
      const actions = JSON.parse(fs.readFileSync(`locales/${lang}/admin.json`, "utf8")).audit.actions;
      for (const a of written) expect(actions[a.replace(/\./g, "_")], `${lang} ${a}`).toBeTruthy();
    }
  });

  it("the council reads the events of pilots and artists, not those of users; staff none", async () => {
    const page = await load("fi", council);
    if (page instanceof Response) throw new Error(String(page.status));
    expect(page.rows.map((r) => r.entityType).sort()).toEqual(["artist", "pilot"]);
    expect(page.types).not.toContain("user");
    const all = await load("fi", admin);
    if (all instanceof Response) throw new Error(String(all.status));
    expect(all.rows.map((r) => r.entityType)).toContain("user");
    const staff = await load("fi", await signedIn("staff.audit@example.fi", "staff"));
    expect((staff as unknown as { init?: { status: number } }).init?.status ?? (staff as Response).status).toBe(403);
  });
});
