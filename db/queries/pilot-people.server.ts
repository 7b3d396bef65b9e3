/**
 * Who is told of a pilot's workflow (docs/decisions/111): its editors, and the council. The message
 * is composed by the caller (app/utils/workflow-mail.server.ts: the database layer has no words) and
 * queued in the outbox, with its delivery job, inside the transaction of the change it tells of.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type DbOrTx } from "../connect";
import { queueEmail, type Email } from "../outbox.server";
import type { Localized } from "~shared/codes";

/**
 * The pilot's editors: active staff whose municipalities or organisation the pilot belongs to, the
 * pilot's creator and the authors of its revisions.
 */
export async function pilotEditors(tx: DbOrTx, id: number) {
  return queryRows<{ email: string; language: string }>(
    tx as Db,
    sql`select distinct u.email, u.language from users u
      where u.disabled_at is null and (
        u.id = (select created_by from pilots where id = ${id})
        or u.id in (select created_by from pilot_revisions where pilot_id = ${id})
        or u.id in (select updated_by from pilot_revisions where pilot_id = ${id})
        or (u.role = 'staff' and (
          exists (select 1 from user_municipalities um join pilot_municipalities pm
            on pm.municipality_code = um.municipality_code where um.user_id = u.id and pm.pilot_id = ${id})
          or exists (select 1 from user_organisations uo join pilots p
            on p.implementer_id = uo.organisation_id where uo.user_id = u.id and p.id = ${id}))))
      order by u.email`,
  );
}

/** The regional council's active accounts (who review and publish pilots). */
async function councilMembers(tx: DbOrTx) {
  return queryRows<{ email: string; language: string }>(
    tx as Db,
    sql`select email, language from users where role = 'council' and disabled_at is null order by email`,
  );
}

export type WorkflowEvent = "submitted" | "returned" | "published";
export type WorkflowRecipient = { email: string; language: "fi" | "sv"; role: "editor" | "council" };
/** Builds one recipient's message about the pilot (in their language, saying why they get it). */
export type ComposeWorkflowMail = (
  recipient: WorkflowRecipient,
  pilot: { id: number; title: Localized; event: WorkflowEvent },
) => Email;

/**
 * Inside the transaction of a workflow step: queues the message to everyone concerned — the council
 * for a submission, the pilot's editors for a return or a publication — except the person who took
 * the step. Returns the outbox ids.
 */
export async function queueWorkflowMails(
  tx: DbOrTx,
  pilotId: number,
  event: WorkflowEvent,
  actorId: number,
  compose: ComposeWorkflowMail,
) {
  const [pilot] = await queryRows<{ title: Localized; email: string | null }>(
    tx as Db,
    sql`select p.title, (select email from users where id = ${actorId}) as email from pilots p where p.id = ${pilotId}`,
  );
  if (!pilot) return [];
  const role = event === "submitted" ? "council" : "editor";
  const people = event === "submitted" ? await councilMembers(tx) : await pilotEditors(tx, pilotId);
  const ids: number[] = [];
  for (const person of people) {
    if (person.email === pilot.email) continue;
    const language = person.language === "sv" ? "sv" : "fi";
    const email = compose({ email: person.email, language, role }, { id: pilotId, title: pilot.title, event });
    ids.push(await queueEmail(tx, email, { kind: `pilot-${event}` }));
  }
  return ids;
}
