/** What every open-data API answer needs: the database, the data generation, the public base URL, the document version. */
import { getDb } from "~db/client.server";
import { dataGeneration } from "~db/data-cache.server";
import { publicUrl } from "~/utils/email.server";
import { pilotVisibility } from "~/utils/permissions.server";
import { openApiDocument } from "./openapi.server";

export async function apiContext() {
  const db = await getDb();
  const base = publicUrl();
  const [generation, visibility] = await Promise.all([dataGeneration(db), pilotVisibility(null, db)]);
  // The public's visibility: published pilots only, whoever asks (the API ignores any session).
  return { db, base, generation, visibility, version: openApiDocument(base).version };
}
