/**
 * Rows the end-to-end tests create through their helper routes (app/routes/resources/test-helpers.*,
 * docs/decisions/031): each with its audit event, in one transaction.
 */
import type { Db } from "../connect";
import { audit } from "../audit.server";
import { artists, employments, pilotMunicipalities, pilots, users } from "../schema";

/** A published pilot with one lead municipality and a contact address. */
export async function createTestPilot(
  db: Db,
  adminId: number,
  v: { title: string; contactEmail: string; municipality: string; startDate: string; endDate: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .insert(pilots)
      .values({
        title: { fi: v.title, sv: v.title },
        state: "published",
        startDate: v.startDate,
        endDate: v.endDate,
        contactEmail: v.contactEmail,
        publishedAt: v.now,
      })
      .returning({ id: pilots.id });
    await tx.insert(pilotMunicipalities).values({ pilotId: p.id, municipalityCode: v.municipality, isLead: true });
    await audit(tx, { userId: adminId, action: "create_test_pilot", entityType: "pilot", entityId: p.id });
    return p.id;
  });
}

/** A verified artist account with a draft profile, and an employment in `pilotId` when given. */
export async function createTestArtistAccount(
  db: Db,
  adminId: number,
  v: { email: string; name: string; passwordHash: string; pilotId?: number },
) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: v.email,
        name: v.name,
        role: "artist",
        passwordHash: v.passwordHash,
        emailVerifiedAt: new Date(),
      })
      .returning({ id: users.id });
    const [artist] = await tx
      .insert(artists)
      .values({ userId: user.id, name: v.name, state: "draft" })
      .returning({ id: artists.id });
    if (v.pilotId)
      await tx.insert(employments).values({ pilotId: v.pilotId, artistId: artist.id, role: "Test", days: "3" });
    await audit(tx, {
      userId: adminId,
      action: "create_test_account",
      entityType: "user",
      entityId: user.id,
      after: { role: "artist" },
    });
    return { userId: user.id, artistId: artist.id };
  });
}
