/**
 * End-to-end tests only (docs/decisions/031): creates a throw-away artist account, its draft profile
 * and an employment in a published pilot, so the delete-my-account test never touches the demo data.
 * Answers 404 unless the server was started with E2E_TEST_HELPERS=1 (scripts/test.mjs does, for the
 * test server only), and even then only to a signed-in admin.
 */
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { createTestArtistAccount } from "~db/queries/e2e-fixtures.server";
import { hashPassword } from "~shared/password.server";
import { getUser } from "~/utils/session.server";
import { assertSameOrigin } from "~/utils/security.server";

const enabled = () => process.env.E2E_TEST_HELPERS === "1";

export async function loader() {
  throw data({ status: 404 }, { status: 404 });
}

const Schema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(12).max(200),
  name: z.string().trim().min(1).max(200),
  pilotId: z.coerce.number().int().min(1).optional(),
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
  const passwordHash = await hashPassword(v.password);
  const result = await createTestArtistAccount(db, admin.id, { ...v, passwordHash });
  return Response.json(result);
}
