import { getDb, getDriver } from "~db/client.server";
import { pingDatabase } from "~db/queries/health.server";
import { resourceHeaders } from "~/utils/security.server";

/** 200 with JSON when the database answers, 503 otherwise. */
export async function loader() {
  const started = Date.now();
  try {
    const db = await getDb();
    await pingDatabase(db);
    return Response.json(
      { status: "ok", database: await getDriver(), ms: Date.now() - started },
      { headers: resourceHeaders({ "Cache-Control": "no-store" }) },
    );
  } catch (error) {
    console.error("healthz: database did not answer", error);
    return Response.json(
      { status: "error", database: "unavailable" },
      { status: 503, headers: resourceHeaders({ "Cache-Control": "no-store" }) },
    );
  }
}
