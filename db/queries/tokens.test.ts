import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { tokens } from "~db/schema";
import { TOKEN_PATTERN, TOKEN_TTL_MS, consumeToken, createToken, hashToken, inspectToken } from "./tokens.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "none" });
});
afterAll(async () => {
  await t?.close();
});

describe("single-use tokens", () => {
  it("stores only the SHA-256 hash of a 32-byte random token", async () => {
    const { token, id } = await createToken(t.db, {
      kind: "invite",
      email: "Hash@Example.org",
      payload: { role: "staff" },
    });
    expect(token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await t.db.select().from(tokens).where(eq(tokens.id, id));
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.email).toBe("hash@example.org");
    expect(row.payload).toEqual({ role: "staff" });
  });

  it("expires after 7 days (invite), about an hour (reset), 2 days (verify)", async () => {
    expect(TOKEN_TTL_MS.invite).toBe(7 * 24 * 3600 * 1000);
    expect(TOKEN_TTL_MS.reset).toBe(3600 * 1000);
    expect(TOKEN_TTL_MS.verify).toBe(2 * 24 * 3600 * 1000);
    const before = Date.now();
    const { expiresAt } = await createToken(t.db, { kind: "reset", email: "ttl@example.org" });
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(3600 * 1000 - 1000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(3600 * 1000 + 5000);
  });

  it("works once", async () => {
    const { token } = await createToken(t.db, { kind: "verify", email: "once@example.org", payload: { x: 1 } });
    expect((await inspectToken(t.db, "verify", token)).status).toBe("valid");
    const first = await consumeToken(t.db, "verify", token);
    expect(first?.email).toBe("once@example.org");
    expect(first?.payload).toEqual({ x: 1 });
    expect(await consumeToken(t.db, "verify", token)).toBeNull();
    expect((await inspectToken(t.db, "verify", token)).status).toBe("used");
  });

  it("only one of two simultaneous uses succeeds", async () => {
    const { token } = await createToken(t.db, { kind: "reset", email: "race@example.org" });
    const results = await Promise.all([consumeToken(t.db, "reset", token), consumeToken(t.db, "reset", token)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("refuses an expired token", async () => {
    const { token } = await createToken(t.db, { kind: "reset", email: "old@example.org", ttlMs: -1000 });
    expect((await inspectToken(t.db, "reset", token)).status).toBe("expired");
    expect(await consumeToken(t.db, "reset", token)).toBeNull();
  });

  it("refuses a token of another kind, an unknown token and a malformed one", async () => {
    const { token } = await createToken(t.db, { kind: "invite", email: "kind@example.org" });
    expect(await consumeToken(t.db, "reset", token)).toBeNull();
    expect((await inspectToken(t.db, "reset", token)).status).toBe("unknown");
    const other = Buffer.alloc(32, 7).toString("base64url");
    expect(await consumeToken(t.db, "invite", other)).toBeNull();
    expect((await inspectToken(t.db, "invite", "not a token")).status).toBe("unknown");
    expect(await consumeToken(t.db, "invite", undefined)).toBeNull();
    // the right kind still works
    expect(await consumeToken(t.db, "invite", token)).not.toBeNull();
  });

  it("a new link of the same kind for the same email makes the older one stop working", async () => {
    const a = await createToken(t.db, { kind: "reset", email: "newest@example.org" });
    const b = await createToken(t.db, { kind: "reset", email: "newest@example.org" });
    const c = await createToken(t.db, { kind: "verify", email: "newest@example.org" });
    expect(await consumeToken(t.db, "reset", a.token)).toBeNull();
    expect(await consumeToken(t.db, "reset", b.token)).not.toBeNull();
    expect(await consumeToken(t.db, "verify", c.token)).not.toBeNull();
  });

  it("a rolled-back transaction leaves the link usable", async () => {
    const { token } = await createToken(t.db, { kind: "invite", email: "rollback@example.org" });
    await expect(
      t.db.transaction(async (tx) => {
        expect(await consumeToken(tx, "invite", token)).not.toBeNull();
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await consumeToken(t.db, "invite", token)).not.toBeNull();
  });
});
