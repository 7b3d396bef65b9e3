/**
 * The dashboard cache is only as good as the data generation it trusts: every committed change to
 * the data the dashboard reads raises it by one, nothing else does. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../tests/helpers/db";
import { continuationChecks, feedback, pilotMunicipalities, pilots } from "~db/schema";
import { cached, cachedRows, dataGeneration, reusedFor } from "./data-cache.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
});
afterAll(async () => {
  await t?.close();
});

const gen = async () => Number(await dataGeneration(t.db));

describe("data generation", () => {
  it("rises by exactly one per committed transaction, however many rows and tables it changes", async () => {
    const before = await gen();
    await t.db.transaction(async (tx) => {
      const [p] = await tx
        .insert(pilots)
        .values({ title: { fi: "Sukupolvi" }, endDate: "2020-12-31", state: "published" })
        .returning({ id: pilots.id });
      await tx.insert(pilotMunicipalities).values({ pilotId: p.id, municipalityCode: "743", isLead: true });
      await tx.insert(continuationChecks).values([
        { pilotId: p.id, checkedOn: "2021-06-01", statusCode: "continues_own" },
        { pilotId: p.id, checkedOn: "2022-06-01", statusCode: "ended" },
      ]);
    });
    expect(await gen()).toBe(before + 1);
  });

  it("does not move on reads, rolled-back transactions, or tables the dashboard does not read", async () => {
    const before = await gen();
    await t.db.select().from(pilots);
    await t.db
      .transaction(async (tx) => {
        await tx.insert(pilots).values({ title: { fi: "Peruttu" }, state: "draft" });
        throw new Error("roll back");
      })
      .catch(() => {});
    await t.db.insert(feedback).values({ language: "fi", message: "Hyvä palvelu" });
    expect(await gen()).toBe(before);
  });

  it("rises on updates and deletes too", async () => {
    const [p] = await t.db
      .insert(pilots)
      .values({ title: { fi: "Muutettava" }, state: "draft" })
      .returning({ id: pilots.id });
    const afterInsert = await gen();
    await t.db.update(pilots).set({ state: "published" }).where(eq(pilots.id, p.id));
    expect(await gen()).toBe(afterInsert + 1);
    await t.db.delete(pilots).where(eq(pilots.id, p.id));
    expect(await gen()).toBe(afterInsert + 2);
  });
});

describe("cached", () => {
  it("computes once per key while the data stays the same, and again after a change", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cached(t.db, "k", compute)).toBe(1);
    expect(await cached(t.db, "k", compute)).toBe(1);
    expect(await cached(t.db, "other", compute)).toBe(2);
    await t.db.insert(pilots).values({ title: { fi: "Uusi" }, state: "draft" });
    expect(await cached(t.db, "k", compute)).toBe(3);
  });

  it("shares one computation between concurrent requests and forgets failures", async () => {
    let computed = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 20));
    const [a, b] = await Promise.all([cached(t.db, "c", slow), cached(t.db, "c", slow)]);
    expect([a, b, computed]).toEqual([1, 1, 1]);
    await expect(cached(t.db, "f", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cached(t.db, "f", async () => 42)).toBe(42);
  });
});

describe("reusedFor", () => {
  it("starts building a value when its query is asked for again, answers with it from the third ask, then keeps it", async () => {
    let built = 0;
    let finish: () => void = () => {};
    const build = () => {
      built++;
      return new Promise<number>((resolve) => {
        finish = () => resolve(built);
      });
    };
    const q = sql`select 'reused items' as x`;
    // The first ask: the caller answers directly, nothing is built.
    expect(await reusedFor(t.db, "items", q, build)).toBeNull();
    expect(built).toBe(0);
    // The second: the build starts, but this ask is answered directly too, without waiting for it.
    expect(await reusedFor(t.db, "items", q, build)).toBeNull();
    expect(built).toBe(1);
    // The third waits for the build under way rather than starting another; later asks reuse the value.
    const third = reusedFor(t.db, "items", q, build);
    finish();
    expect(await third).toBe(1);
    expect(await reusedFor(t.db, "items", q, build)).toBe(1);
    expect(built).toBe(1);
    // Another query is asked for the first time.
    expect(await reusedFor(t.db, "items", sql`select 'other items' as x`, build)).toBeNull();
    // A change to the data: asked twice more before it is built again.
    await t.db.insert(pilots).values({ title: { fi: "Uusi kerran" }, state: "draft" });
    expect(await reusedFor(t.db, "items", q, build)).toBeNull();
    expect(await reusedFor(t.db, "items", q, build)).toBeNull();
    finish();
    expect(await reusedFor(t.db, "items", q, build)).toBe(2);
    expect(built).toBe(2);
  });

  it("asks afresh after a build that failed", async () => {
    const q = sql`select 'failing items' as x`;
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw new Error("the build failed");
    };
    expect(await reusedFor(t.db, "items", q, failing)).toBeNull();
    expect(await reusedFor(t.db, "items", q, failing)).toBeNull();
    expect(attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    // The failed build left nothing behind: the next ask is a first ask again, answered directly.
    expect(await reusedFor(t.db, "items", q, async () => 7)).toBeNull();
  });

  it("never builds with the data cache off", async () => {
    process.env.DATA_CACHE = "off";
    try {
      const q = sql`select 'uncached items' as x`;
      for (let i = 0; i < 3; i++) expect(await reusedFor(t.db, "items", q, async () => 1)).toBeNull();
    } finally {
      delete process.env.DATA_CACHE;
    }
  });
});

describe("cachedRows", () => {
  // Feedback does not raise the generation, so a cached count of it shows whether the query ran again.
  const count = (language: string) => sql`select count(*)::int as n from feedback where language = ${language}`;

  it("reuses rows only for exactly the same query and parameters, until the generation changes", async () => {
    const before = (await cachedRows<{ n: number }>(t.db, count("sv")))[0].n;
    await t.db.insert(feedback).values({ language: "sv", message: "Bra tjänst" });
    expect((await cachedRows<{ n: number }>(t.db, count("sv")))[0].n).toBe(before);
    // Another parameter is another entry, read afresh.
    const fi = await queryCount("fi");
    expect((await cachedRows<{ n: number }>(t.db, count("fi")))[0].n).toBe(fi);
    // A change to content data raises the generation: the same query runs again.
    await t.db.insert(pilots).values({ title: { fi: "Uusi taas" }, state: "draft" });
    expect((await cachedRows<{ n: number }>(t.db, count("sv")))[0].n).toBe(before + 1);
  });

  async function queryCount(language: string) {
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(feedback)
      .where(eq(feedback.language, language));
    return row.n;
  }
});
