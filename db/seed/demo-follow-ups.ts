/**
 * Demo follow-up requests (docs/decisions/086), so the council's campaign page and the response rate
 * mean something on a fresh start: among the example pilots due for a follow-up today, one request
 * answered by link twelve days ago, one overdue (sent 30 days ago, reminded, unanswered) and a few
 * open ones sent this week. Written as the scheduler and the answer page would have written them,
 * with the due rules' own rounds, so the scheduler's first pass leaves them be. The rest of the due
 * pilots get their requests from that pass, as in real use.
 */
import { and, eq, sql } from "drizzle-orm";
import { clock, DAY_MS, helsinkiDay } from "../clock";
import { queryRows, type Db } from "../connect";
import { addRecipients, duePilots, roundOf } from "../queries/follow-up-requests.server";
import { auditEvents, continuationChecks, followUpRequests, pilots } from "../schema";

export async function seedDemoFollowUps(db: Db, now = clock.now()) {
  const today = helsinkiDay(now);
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const examples = new Set(
    (await db.select({ id: pilots.id }).from(pilots).where(eq(pilots.isExample, true))).map((p) => p.id),
  );
  const latest = new Map(
    (
      await queryRows<{ pilotId: number; statusCode: string }>(
        db,
        sql`select distinct on (pilot_id) pilot_id as "pilotId", status_code as "statusCode"
            from continuation_checks order by pilot_id, checked_on desc, id desc`,
      )
    ).map((r) => [Number(r.pilotId), r.statusCode]),
  );
  const due = (await duePilots(db, today)).filter((r) => examples.has(r.id));
  // The answer keeps the pilot's status (continuing stays continuing), so the headline figures stay as they are.
  // A stale answer first: a fresh check then takes the pilot off the list, as an answer would.
  const continuing = (r: (typeof due)[number]) => ["continues_own", "continues_other"].includes(latest.get(r.id) ?? "");
  const answered = due.find((r) => r.reason === "stale" && continuing(r)) ?? due.find(continuing);
  const overdue = due.find((r) => r !== answered && r.reason === "none") ?? due.find((r) => r !== answered);
  const open = due.filter((r) => r !== answered && r !== overdue).slice(0, 3);
  await db.transaction(async (tx) => {
    const request = async (row: (typeof due)[number], sentDaysAgo: number, extra: Record<string, unknown> = {}) => {
      const [req] = await tx
        .insert(followUpRequests)
        .values({
          pilotId: row.id,
          round: roundOf(row),
          reason: row.reason,
          months: row.months,
          dueSince: row.dueSince,
          createdAt: ago(sentDaysAgo),
        })
        .returning({ id: followUpRequests.id });
      const recipients = await addRecipients(tx, req.id, row.id, today);
      if (recipients > 0)
        await tx
          .update(followUpRequests)
          .set({ sentAt: ago(sentDaysAgo), sends: 1, ...extra })
          .where(eq(followUpRequests.id, req.id));
      return { id: req.id, recipients };
    };
    if (overdue) await request(overdue, 30, { sends: 2, remindedAt: ago(16), overdueAt: ago(2) });
    for (const [i, row] of open.entries()) await request(row, 2 + i);
    if (answered) {
      const req = await request(answered, 20);
      const [contact] = await tx
        .select({ email: sql<string>`lower(trim(${pilots.contactEmail}))` })
        .from(pilots)
        .where(and(eq(pilots.id, answered.id), sql`coalesce(trim(${pilots.contactEmail}), '') <> ''`));
      if (req.recipients > 0 && contact) {
        const statusCode = latest.get(answered.id)!;
        const checkedOn = helsinkiDay(ago(12));
        const [check] = await tx
          .insert(continuationChecks)
          .values({
            pilotId: answered.id,
            checkedOn,
            statusCode,
            evidenceRef: "Talousarvio 2026, kulttuuripalvelut",
            notes: "Vastattu seurantakyselyn linkillä.",
            checkedByName: contact.email,
            isExample: true,
          })
          .returning({ id: continuationChecks.id });
        await tx.insert(auditEvents).values({
          action: "continuation.create",
          entityType: "continuation_check",
          entityId: String(check.id),
          changes: {
            pilotId: { before: null, after: answered.id },
            checkedOn: { before: null, after: checkedOn },
            statusCode: { before: null, after: statusCode },
            followUpRequest: { before: null, after: req.id },
            answeredBy: { before: null, after: contact.email },
          },
        });
        await tx
          .update(followUpRequests)
          .set({ closedAt: ago(12), outcome: "answered", checkId: check.id, answeredBy: contact.email })
          .where(eq(followUpRequests.id, req.id));
      }
    }
  });
}
