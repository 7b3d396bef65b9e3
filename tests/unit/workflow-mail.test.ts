/**
 * Workflow emails (both drivers): a draft sent for review tells the council; the council's return
 * and publication tell the pilot's editors — each in their own language, saying why they get it,
 * with a link from the configured address, queued in the outbox with its delivery job in the step's
 * transaction (a refused step queues nothing), never to the person who took the step.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, gt, inArray } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { loadPilotInput } from "~db/queries/pilot-form-data.server";
import { updatePilot } from "~db/queries/pilot-write.server";
import { emailOutbox, jobs, pilots } from "~db/schema";
import { workflowMail } from "~/utils/workflow-mail.server";
import { FIXTURES } from "../e2e/authz/types";

let t: TestDb;
const ORIGIN = "http://localhost:3999";
const pilotId = FIXTURES.pilots.draftVasa; // a draft in Kristinestad: staff.vasa (Swedish) edits it
let councilCookie = "";
let lastOutbox = 0;

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  const { createSession } = await import("~/utils/session.server");
  councilCookie = (await createSession(FIXTURES.users.council, new Request(ORIGIN))).split(";")[0];
});
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

/** The messages queued since the last call, by recipient. */
async function newMail() {
  const rows = await t.db.select().from(emailOutbox).where(gt(emailOutbox.id, lastOutbox)).orderBy(emailOutbox.id);
  lastOutbox = rows.at(-1)?.id ?? lastOutbox;
  return rows;
}

async function post(form: Record<string, string>, lang = "fi") {
  const { action } = await import("~/routes/registry/pilot/route");
  const request = new Request(`${ORIGIN}/${lang}/pilots/${pilotId}`, {
    method: "POST",
    headers: { Cookie: councilCookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  try {
    const r = (await (action as (a: ActionFunctionArgs) => Promise<unknown>)({
      request,
      params: { lang, id: String(pilotId) },
      context: {},
    })) as Response | { init?: { status?: number } };
    return r instanceof Response ? r.status : (r.init?.status ?? 200);
  } catch (thrown) {
    return (thrown as Response).status;
  }
}

const version = async () => (await t.db.select({ v: pilots.version }).from(pilots).where(eq(pilots.id, pilotId)))[0].v;

describe(`workflow emails (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("tells the council when a draft is sent for review, not the staff member who sent it", async () => {
    await newMail();
    const current = (await loadPilotInput(t.db, pilotId))!;
    const stina = { name: "Stina Kultursekreterare", email: "staff.vasa@rajaton.example", role: "staff" as const };
    const saved = await updatePilot(t.db, pilotId, current.version, current.input, {
      userId: FIXTURES.users.staffVasa,
      state: "submitted",
      notify: workflowMail(stina),
    });
    expect(saved.ok).toBe(true);
    const mails = await newMail();
    expect(mails.map((m) => m.toAddress)).toEqual(["council@rajaton.example"]);
    const [m] = mails;
    expect(m.language).toBe("fi");
    expect(m.subject).toMatch(/^Pilotti odottaa tarkastusta: /);
    expect(m.body).toContain("Stina Kultursekreterare (Kunnan työntekijä) lähetti pilotin");
    expect(m.body).toContain("Rajaton");
    expect(m.body).toContain("koska tarkastat ja julkaiset pilotteja");
    expect(m.body).toMatch(new RegExp(`http://localhost:\\d+/fi/pilots/${pilotId}\\n`));
    expect(m.html).toContain('<html lang="fi">');
    // Its delivery is a job, queued with it.
    const [job] = await t.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `email.send:${m.id}`));
    expect(job.payload).toMatchObject({ outboxId: m.id, kind: "pilot-submitted" });
    // Saving it again while it waits tells nobody anew.
    const again = (await loadPilotInput(t.db, pilotId))!;
    await updatePilot(t.db, pilotId, again.version, again.input, {
      userId: FIXTURES.users.staffVasa,
      state: "submitted",
      notify: workflowMail(stina),
    });
    expect(await newMail()).toEqual([]);
  });

  it("a refused return (an old version) queues nothing; the return tells the editors, in Swedish, with the comment", async () => {
    expect(await post({ intent: "return", version: "1", comment: "Lägg till finansieringen." })).toBe(409);
    expect(await newMail()).toEqual([]);
    const v = await version();
    expect(await post({ intent: "return", version: String(v), comment: "Lägg till finansieringen." }, "sv")).toBe(302);
    const mails = await newMail();
    const toStina = mails.find((m) => m.toAddress === "staff.vasa@rajaton.example");
    expect(toStina).toBeTruthy();
    expect(mails.some((m) => m.toAddress === "council@rajaton.example")).toBe(false);
    expect(toStina!.language).toBe("sv");
    expect(toStina!.subject).toMatch(/^Pilotprojektet returnerades för rättelse: /);
    expect(toStina!.body).toContain("Kaisa Koordinaattori (Landskapsförbundet) returnerade pilotprojektet");
    expect(toStina!.body).toContain("Kommentar: Lägg till finansieringen.");
    expect(toStina!.body).toContain("Gränslös");
    expect(toStina!.body).toContain("eftersom du kan redigera pilotprojektet");
    expect(toStina!.body).toMatch(new RegExp(`/sv/pilots/${pilotId}/edit\\n`));
    expect(toStina!.html).toContain('<html lang="sv">');
    const queued = await t.db
      .select()
      .from(jobs)
      .where(
        inArray(
          jobs.dedupeKey,
          mails.map((m) => `email.send:${m.id}`),
        ),
      );
    expect(queued).toHaveLength(mails.length);
  });

  it("tells the editors when the council publishes", async () => {
    const current = (await loadPilotInput(t.db, pilotId))!;
    await updatePilot(t.db, pilotId, current.version, current.input, {
      userId: FIXTURES.users.staffVasa,
      state: "submitted",
    });
    await newMail();
    expect(await post({ intent: "publish", version: String(await version()) })).toBe(302);
    const mails = await newMail();
    const toStina = mails.find((m) => m.toAddress === "staff.vasa@rajaton.example")!;
    expect(toStina.subject).toMatch(/^Pilotprojektet publicerades: /);
    expect(toStina.body).toMatch(new RegExp(`/sv/pilots/${pilotId}\\n`));
    expect(mails.some((m) => m.toAddress === "council@rajaton.example")).toBe(false);
  });
});
