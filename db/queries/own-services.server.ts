/** An artist's own services, as their profile and service pages list them (hidden and unapproved ones too). */
import { sql } from "drizzle-orm";
import type { Db } from "../connect";
import { listServices } from "./artists.server";

export async function listOwnServices(db: Db, artistId: number) {
  return listServices(db, sql`s.artist_id = ${artistId}`);
}
