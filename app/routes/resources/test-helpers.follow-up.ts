/**
 * End-to-end tests only (docs/decisions/031, 086): creates a published pilot whose funding ended a year
 * ago, with the given contact address, and runs the follow-up scheduler's pass and the due jobs at once,
 * so a test finds the request's email in the outbox without waiting for the hourly pass. Answers 404
 * unless the server was started with E2E_TEST_HELPERS=1, and even then only to a signed-in admin.
 */
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { clock, DAY_MS, helsinkiDay } from "~db/clock";
import { runDueJobs } from "~db/jobs.server";
import { runFollowUpPass } from "~db/queries/follow-up-requests.server";
import { createTestPilot } from "~db/queries/e2e-fixtures.server";
import { followUpSettings, jobHandlers } from "~/utils/jobs.server";
import { assertSameOrigin } from "~/utils/security.server";
import { getUser } from "~/utils/session.server";

const enabled = () => process.env.E2E_TEST_HELPERS === "1";

export async function loader() {
  throw data({ status: 404 }, { status: 404 });
}

const Schema = z.object({
  title: z.string().trim().min(1).max(200),
  contactEmail: z.string().trim().toLowerCase().email().max(200),
  /** The lead municipality: 233 Kauhava (Finnish), 287 Kristinestad (Swedish-speaking majority). */
  municipality: z.enum(["233", "287"]),
});

export async function action({ request }: ActionFunctionArgs) {
  if (!enabled()) throw data({ status: 404 }, { status: 404 });
  assertSameOrigin(request);
  const admin = await getUser(request);
  if (admin?.role !== "admin") throw data({ status: 404 }, { status: 404 });
  const parsed = Schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  const v = parsed.data;
  const db = await getDb();
  const now = clock.now();
  const pilotId = await createTestPilot(db, admin.id, {
    ...v,
    startDate: helsinkiDay(new Date(now.getTime() - 800 * DAY_MS)),
    endDate: helsinkiDay(new Date(now.getTime() - 400 * DAY_MS)),
    now,
  });
  await runFollowUpPass(db, now, followUpSettings());
  await runDueJobs(db, jobHandlers, { now, maxJobs: 500 });
  return Response.json({ pilotId });
}
