import type { LoaderFunctionArgs } from "@remix-run/node";
/**
 * What machines read, called through the route modules on a fresh demo database (both drivers):
 * the sitemap lists every published pilot and approved artist in both languages with their
 * alternates, and no draft or submitted pilot nor unapproved artist; robots.txt keeps crawlers out of
 * the private areas and names the sitemap; the pilots CSV is the dashboard's Excel dialect, one row
 * per published pilot, both titles in their own columns, and no withheld contact; the JSON-LD of a
 * pilot and an artist has the schema.org shape, only approved services, and contact details only
 * with consent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { queryRows } from "~db/connect";
import { users } from "~db/schema";
import { backgroundSettled } from "~/utils/after-response.server";
import { publicUrl } from "~/utils/email.server";
import { serializeJsonLd } from "~/utils/json-ld";
import { PILOT_CSV_COLUMNS, pilotsCsvStream } from "~/utils/pilots-csv.server";
import { sitemapStream } from "~/utils/sitemap.server";

let t: TestDb;
const ORIGIN = "http://localhost:3999";
let published: { id: number; title: { fi?: string; sv?: string } }[] = [];
let hiddenPilots: { id: number; state: string; title: { fi?: string; sv?: string } }[] = [];
let approvedArtists: number[] = [];
let unapprovedArtists: number[] = [];
let onlyFinnish: number;
let withheldContact: number;
let publicContact: number;
let silentArtist: number;
let openArtist: number;

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  published = await queryRows(t.db, sql`select id, title from pilots where state = 'published' order by id`);
  hiddenPilots = await queryRows(t.db, sql`select id, state, title from pilots where state <> 'published' order by id`);
  approvedArtists = (
    await queryRows<{ id: number }>(t.db, sql`select id from artists where state = 'approved' order by id`)
  ).map((r) => r.id);
  unapprovedArtists = (
    await queryRows<{ id: number }>(t.db, sql`select id from artists where state <> 'approved' order by id`)
  ).map((r) => r.id);
  // A Finnish-only title with the CSV's separator and quotes in it; a contact who did not agree to be
  // public and one who did.
  [onlyFinnish, withheldContact, publicContact] = published.map((p) => p.id);
  await t.db.execute(
    sql`update pilots set title = '{"fi": "Vain suomeksi; \\"lainaus\\""}'::jsonb where id = ${onlyFinnish}`,
  );
  await t.db.execute(
    sql`update pilots set contact_name = 'Salainen Henkilö', contact_email = 'withheld@example.fi', contact_public = false where id = ${withheldContact}`,
  );
  await t.db.execute(
    sql`update pilots set contact_name = 'Julkinen Henkilö', contact_email = 'public@example.fi', contact_public = true where id = ${publicContact}`,
  );
  // An artist without contact consent, with one approved, one hidden and one submitted service; and
  // an artist with consent. A script-closing name tests the escaping.
  [silentArtist, openArtist] = approvedArtists;
  await t.db.execute(
    sql`update artists set contact_consent = false, contact_email = 'hidden-artist@example.fi', contact_phone = '+358 40 000 0001', name = 'Taiteilija </script><script>alert(1)</script>' where id = ${silentArtist}`,
  );
  await t.db.execute(
    sql`update artists set contact_consent = true, contact_email = 'open-artist@example.fi', contact_phone = '+358 40 000 0002' where id = ${openArtist}`,
  );
  await t.db.execute(sql`delete from services where artist_id = ${silentArtist}`);
  await t.db.execute(sql`insert into services (artist_id, title, description, format, state, hidden, price_from_cents, price_to_cents)
    values (${silentArtist}, '{"fi": "Näkyvä työpaja", "sv": "Synlig verkstad"}', '{"fi": "Kuvaus"}', 'single_workshop', 'approved', false, 25000, 60050),
           (${silentArtist}, '{"fi": "Piilotettu työpaja"}', '{}', 'single_workshop', 'approved', true, null, null),
           (${silentArtist}, '{"fi": "Odottava työpaja"}', '{}', 'single_workshop', 'submitted', false, null, null)`);
});
afterAll(async () => {
  await backgroundSettled();
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

function args(path: string, params: Record<string, string> = {}, cookie?: string): LoaderFunctionArgs {
  const request = new Request(`${ORIGIN}${path}`, {
    headers: { "x-rajaton-client": "192.0.2.77", ...(cookie ? { Cookie: cookie } : {}) },
  });
  return { request, params, context: {} };
}

async function signedIn(email: string, role: "council" | "staff") {
  const [u] = await t.db
    .insert(users)
    .values({ email, name: email.split("@")[0], role, language: "fi", emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  const { createSession } = await import("~/utils/session.server");
  return (await createSession(u.id, new Request(ORIGIN))).split(";")[0];
}

/** A CSV text in the `;` dialect as records (quoted fields may hold `;`, quotes and line breaks). */
function parseCsv(text: string) {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ";") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  expect(field, "the file ends with CRLF").toBe("");
  return records;
}

const base = () => publicUrl();

describe("sitemap.xml", () => {
  it("lists the public pages, every published pilot and approved artist in both languages with alternates", async () => {
    const { loader } = await import("~/routes/resources/sitemap");
    const res = await loader();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset /);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml.trimEnd().endsWith("</urlset>")).toBe(true);
    const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]);
    const locs = urls.map((u) => u.match(/<loc>([^<]*)<\/loc>/)?.[1]);
    expect(urls.length).toBe(2 * (7 + published.length + approvedArtists.length));
    for (const path of ["", "/pilots", "/artists", "/dashboard", "/open-data", "/accessibility", "/privacy"])
      for (const l of ["fi", "sv"]) expect(locs).toContain(`${base()}/${l}${path}`);
    for (const p of published) {
      for (const l of ["fi", "sv"]) {
        const entry = urls[locs.indexOf(`${base()}/${l}/pilots/${p.id}`)];
        expect(entry, `pilot ${p.id} in ${l}`).toBeDefined();
        expect(entry).toMatch(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/);
        expect(entry).toContain(
          `<xhtml:link rel="alternate" hreflang="fi" href="${base()}/fi/pilots/${p.id}"/>` +
            `<xhtml:link rel="alternate" hreflang="sv" href="${base()}/sv/pilots/${p.id}"/>` +
            `<xhtml:link rel="alternate" hreflang="x-default" href="${base()}/fi/pilots/${p.id}"/>`,
        );
      }
    }
    for (const id of approvedArtists) expect(locs).toContain(`${base()}/sv/artists/${id}`);
    // The front page's x-default is the address that picks the language.
    expect(urls[locs.indexOf(`${base()}/sv`)]).toContain(`hreflang="x-default" href="${base()}/"`);
  });

  it("never lists a draft or submitted pilot, nor an unapproved artist", async () => {
    expect(hiddenPilots.map((p) => p.state)).toEqual(expect.arrayContaining(["draft", "submitted"]));
    expect(unapprovedArtists.length).toBeGreaterThan(0);
    const xml = await (await (await import("~/routes/resources/sitemap")).loader()).text();
    for (const p of hiddenPilots) expect(xml).not.toMatch(new RegExp(`/pilots/${p.id}"|/pilots/${p.id}<`));
    for (const id of unapprovedArtists) expect(xml).not.toMatch(new RegExp(`/artists/${id}"|/artists/${id}<`));
  });

  it("reads the same list in small batches as in one", async () => {
    const whole = await new Response(sitemapStream(t.db, "https://x.example")).text();
    const batched = await new Response(sitemapStream(t.db, "https://x.example", 3)).text();
    expect(batched).toBe(whole);
  });
});

describe("robots.txt", () => {
  it("lets crawlers read the public pages, not the private areas, and names the sitemap", async () => {
    const { loader } = await import("~/routes/resources/robots");
    const res = loader();
    expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const lines = (await res.text()).split("\n");
    expect(lines[0]).toBe("User-agent: *");
    expect(lines).toContain("Allow: /");
    for (const l of ["fi", "sv"])
      for (const p of ["admin", "me/", "account", "login", "register", "follow-ups", "moderation", "reset/"])
        expect(lines).toContain(`Disallow: /${l}/${p}`);
    expect(lines).toContain(`Sitemap: ${base()}/sitemap.xml`);
    const disallowed = lines.filter((x) => x.startsWith("Disallow:")).map((x) => x.slice(10));
    // No rule covers a public page.
    for (const page of ["/fi/pilots", "/sv/pilots/1", "/fi/artists/2", "/sv/dashboard", "/fi", "/sitemap.xml"])
      expect(disallowed.filter((d) => !d.includes("*") && page.startsWith(d))).toEqual([]);
  });
});

describe("/api/v1/pilots.csv", () => {
  async function download() {
    const { loader } = await import("~/routes/api/pilots-csv");
    const res = await loader();
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
  }

  it("is the dashboard's Excel dialect: BOM, ';', CRLF, decimal comma; public, from any site, as a named file", async () => {
    const { res, bytes, text } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="rajaton-kuntapilotit-\d{4}-\d\d-\d\d\.csv"/,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(PILOT_CSV_COLUMNS.map((c) => c.key));
    for (const r of rows) expect(r.length).toBe(header.length);
    const money = rows.map((r) => r[header.indexOf("funding_eur")]).filter(Boolean);
    expect(money.length).toBeGreaterThan(0);
    for (const m of money) expect(m).toMatch(/^\d+,\d\d$/);
  });

  it("has one row per published pilot, both titles in their own columns, and nothing unpublished or withheld", async () => {
    const { text } = await download();
    const [header, ...rows] = parseCsv(text.slice(1));
    const col = (r: string[], key: string) => r[header.indexOf(key)];
    expect(rows.map((r) => Number(col(r, "id")))).toEqual(published.map((p) => p.id));
    const row = (id: number) => rows.find((r) => col(r, "id") === String(id))!;
    // A missing translation is empty, not the other language.
    expect(col(row(onlyFinnish), "title_fi")).toBe('Vain suomeksi; "lainaus"');
    expect(col(row(onlyFinnish), "title_sv")).toBe("");
    const both = published.find((p) => p.title.fi && p.title.sv && p.id !== onlyFinnish)!;
    expect(col(row(both.id), "title_fi")).toBe(both.title.fi);
    expect(col(row(both.id), "title_sv")).toBe(both.title.sv);
    expect(col(row(both.id), "url_sv")).toBe(`${base()}/sv/pilots/${both.id}`);
    // The contact person only when they agreed to be public.
    expect(col(row(publicContact), "contact_email")).toBe("public@example.fi");
    expect(col(row(withheldContact), "contact_email")).toBe("");
    expect(text).not.toContain("withheld@example.fi");
    expect(text).not.toContain("Salainen Henkilö");
    for (const p of hiddenPilots) if (p.title.fi) expect(text).not.toContain(p.title.fi);
  });

  it("reads the same rows in small batches as in one", async () => {
    const whole = await new Response(pilotsCsvStream(t.db, "https://x.example")).text();
    const batched = await new Response(pilotsCsvStream(t.db, "https://x.example", 2)).text();
    expect(batched).toBe(whole);
  });
});

/** The JSON-LD a page's loader hands to the page, as it is written into the HTML and read back. */
function readJsonLd(value: unknown) {
  const text = serializeJsonLd(value);
  expect(text).not.toMatch(/[<>&]/);
  return JSON.parse(text) as Record<string, unknown> & { "@context": string; "@type": string };
}

describe("JSON-LD", () => {
  it("describes a published pilot as a schema.org Project in the page's language", async () => {
    const { loader } = await import("~/routes/registry/pilot/route");
    const id = publicContact;
    for (const lang of ["fi", "sv"] as const) {
      const data = (await loader(args(`/${lang}/pilots/${id}`, { lang, id: String(id) }))) as { jsonLd: unknown };
      const ld = readJsonLd(data.jsonLd);
      expect(ld["@context"]).toBe("https://schema.org");
      expect(ld["@type"]).toBe("Project");
      expect(ld.url).toBe(`${base()}/${lang}/pilots/${id}`);
      const title = published.find((p) => p.id === id)!.title;
      expect(ld.name).toBe(title[lang] || title.fi || title.sv);
      const row = (
        await queryRows<{ start: string | null; end: string | null }>(
          t.db,
          sql`select start_date::text as start, end_date::text as "end" from pilots where id = ${id}`,
        )
      )[0];
      expect(ld.foundingDate).toBe(row.start ?? undefined);
      expect(ld.dissolutionDate).toBe(row.end ?? undefined);
      const funders = [ld.funder].flat() as { "@type": string; name: string }[];
      expect(funders.length).toBeGreaterThan(0);
      for (const f of funders) expect(f).toMatchObject({ "@type": "Organization", name: expect.any(String) });
      const areas = [ld.areaServed].flat() as { "@type": string; identifier: string }[];
      expect(areas.length).toBeGreaterThan(0);
      for (const a of areas)
        expect(a).toMatchObject({ "@type": "AdministrativeArea", identifier: expect.stringMatching(/^\d{3}$/) });
      // No contact person, public or not.
      expect(JSON.stringify(ld)).not.toContain("public@example.fi");
    }
  });

  it("has none for a draft, even for the council who may read it", async () => {
    const { loader } = await import("~/routes/registry/pilot/route");
    const cookie = await signedIn("council.ld@example.fi", "council");
    const draft = hiddenPilots.find((p) => p.state === "draft")!;
    const data = (await loader(args(`/fi/pilots/${draft.id}`, { lang: "fi", id: String(draft.id) }, cookie))) as {
      jsonLd: unknown;
      pilot: { id: number };
    };
    expect(data.pilot.id).toBe(draft.id);
    expect(data.jsonLd).toBeNull();
  });

  it("describes an artist with an Offer per approved, visible service and no contact details without consent", async () => {
    const { loader } = await import("~/routes/directory/artist");
    const data = (await loader(args(`/fi/artists/${silentArtist}`, { lang: "fi", id: String(silentArtist) }))) as {
      jsonLd: unknown;
    };
    const ld = readJsonLd(data.jsonLd);
    expect(ld["@context"]).toBe("https://schema.org");
    expect(["Person", "PerformingGroup", "Organization"]).toContain(ld["@type"]);
    expect(ld.name).toBe("Taiteilija </script><script>alert(1)</script>");
    expect(ld.url).toBe(`${base()}/fi/artists/${silentArtist}`);
    const offers = [ld.makesOffer].flat() as Record<string, unknown>[];
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      "@type": "Offer",
      itemOffered: { "@type": "Service", name: "Näkyvä työpaja", description: "Kuvaus" },
      priceSpecification: { "@type": "PriceSpecification", priceCurrency: "EUR", minPrice: 250, maxPrice: 600.5 },
    });
    const all = JSON.stringify(ld);
    expect(all).not.toContain("Piilotettu");
    expect(all).not.toContain("Odottava");
    expect(ld.email).toBeUndefined();
    expect(ld.telephone).toBeUndefined();
    expect(all).not.toContain("hidden-artist@example.fi");
    expect(all).not.toContain("000 0001");

    const open = (await loader(args(`/sv/artists/${openArtist}`, { lang: "sv", id: String(openArtist) }))) as {
      jsonLd: unknown;
    };
    const openLd = readJsonLd(open.jsonLd);
    expect(openLd).toMatchObject({ email: "open-artist@example.fi", telephone: "+358 40 000 0002" });
    expect(openLd.url).toBe(`${base()}/sv/artists/${openArtist}`);
  });

  it("writes text that would close the script element as \\u escapes", () => {
    const value = { name: "</script><!-- & \u2028" };
    const text = serializeJsonLd(value);
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
