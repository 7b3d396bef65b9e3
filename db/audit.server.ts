import type { DbOrTx } from "./connect";
import { auditEvents } from "./schema";

/** The fields whose values differ, with before and after. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}

/** Records an audit event; call it inside the transaction of the write it describes. */
export async function audit(
  tx: DbOrTx,
  event: {
    userId: number | null;
    action: string;
    entityType: string;
    entityId: string | number;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
) {
  await tx.insert(auditEvents).values({
    userId: event.userId,
    action: event.action,
    entityType: event.entityType,
    entityId: String(event.entityId),
    changes: diff(event.before ?? null, event.after ?? null),
  });
}
