/** Feedback sent from the accessibility statement, stored for the council with its audit event. */
import { audit } from "../audit.server";
import type { Db } from "../connect";
import { feedback } from "../schema";

export async function saveFeedback(
  db: Db,
  message: { language: "fi" | "sv"; message: string; email: string | null; page: string | null },
  userId: number | null,
) {
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(feedback).values(message).returning({ id: feedback.id });
    await audit(tx, {
      userId,
      action: "create",
      entityType: "feedback",
      entityId: row.id,
      after: { page: message.page },
    });
  });
}
