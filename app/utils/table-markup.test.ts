/**
 * A table written as markup (table-markup.server.ts) is byte for byte what React renders for the same
 * table (app/components/data-table.tsx, its Remix `Link`s included): hand-made tables with every column
 * kind, empty cells, missing links and characters to escape, and every table of the demo data's
 * dashboard, in both languages.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { Route, Routes } from "react-router-dom";
import { StaticRouter } from "react-router-dom/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { DataTable, TableMarkupContext } from "~/components/data-table";
import { getI18n, type Lang } from "~/i18n";
import "~/locales.server";
import { buildDashboard } from "./dashboard-model.server";
import type { DashTable } from "./dashboard-types";
import { escapeHtml, tableMarkup } from "./table-markup.server";

/** DataTable rendered by React at /{lang}/dashboard, or with its tables written as markup. */
function rendered(table: DashTable, lang: Lang, caption: boolean, asMarkup: boolean) {
  const element = createElement(DataTable, { table, caption });
  const markup = asMarkup ? (t: DashTable, c: boolean) => tableMarkup(t, c, lang) : null;
  return renderToStaticMarkup(
    createElement(
      StaticRouter,
      { location: `/${lang}/dashboard` },
      createElement(
        Routes,
        null,
        createElement(Route, {
          path: "/:lang/dashboard",
          element: createElement(
            I18nextProvider,
            { i18n: getI18n(lang) },
            createElement(TableMarkupContext.Provider, { value: markup }, element),
          ),
        }),
      ),
    ),
  );
}

const expectSame = (table: DashTable, lang: Lang, caption = true) => {
  const react = rendered(table, lang, caption, false);
  expect(rendered(table, lang, caption, true)).toBe(react);
  return react;
};

const ODD = `Taide & "kulttuuri" <b>'x'</b>`;

const HANDMADE: DashTable = {
  id: "handmade",
  title: `Otsikko ${ODD}`,
  definition: "",
  columns: [
    { key: "what", label: `Mikä ${ODD}`, kind: "text" },
    { key: "year", label: "Vuosi", kind: "year" },
    { key: "n", label: "n", kind: "int" },
    { key: "days", label: "Päivät", kind: "dec" },
    { key: "share", label: "Osuus", kind: "pct" },
    { key: "fees", label: "Palkkiot", kind: "eur" },
    { key: "note", label: "Huomautus", kind: "text" },
    { key: "left", label: "Vasemmalla", kind: "int", align: "start" },
    { key: "right", label: "Oikealla", kind: "text", align: "end" },
  ],
  rows: [
    { what: ODD, year: 2024, n: 12345, days: 1.25, share: 0.8456, fees: 1234567, note: "", left: 3, right: "r" },
    { what: null, year: null, n: null, days: null, share: null, fees: null, note: ODD, left: null, right: null },
    { what: "Pohjanmaa", year: "ei tiedossa", n: 0, days: 0, share: 0, fees: 0, note: null, left: 0, right: "" },
  ],
  links: [
    `/fi/pilots?counts=eligible&reportDate=2026-11-23&region=${encodeURIComponent(ODD)}`,
    null,
    "/fi/pilots?a='b'",
  ],
};

describe("tables written as markup", () => {
  it("escape as React does", () => {
    expect(escapeHtml(ODD)).toBe("Taide &amp; &quot;kulttuuri&quot; &lt;b&gt;&#x27;x&#x27;&lt;/b&gt;");
    expect(escapeHtml("plain")).toBe("plain");
  });

  for (const lang of ["fi", "sv"] as const) {
    it(`are React's markup, every column kind, empty cells, links and escaping (${lang})`, () => {
      const react = expectSame(HANDMADE, lang);
      // The comparison sees the hard parts: escaped names, a link and a row without one.
      expect(react).toContain("Taide &amp; &quot;kulttuuri&quot; &lt;b&gt;");
      expect(react).toContain('data-discover="true" href="/fi/pilots?counts=eligible&amp;reportDate=2026-11-23');
      expect(react).toContain("<td></td></tr>");
      expectSame(HANDMADE, lang, false);
      expectSame({ ...HANDMADE, links: undefined }, lang);
    });
  }
});

describe("every table of a dashboard written as markup", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ seed: "demo" });
  });
  afterAll(async () => {
    await t?.close();
  });

  for (const lang of ["fi", "sv"] as const) {
    it(`is React's markup (${lang})`, async () => {
      const model = await buildDashboard(t.db, {
        lang,
        reportDate: "2026-11-23",
        filters: {},
        visibility: sql`true`,
        internal: true,
      });
      expect(model.tables.length).toBeGreaterThan(20);
      let links = 0;
      for (const table of model.tables) {
        expectSame(table, lang, table.id === "continuation");
        links += table.links?.filter(Boolean).length ?? 0;
      }
      // The demo data's cuts link to their pilots: the links are compared too.
      expect(links).toBeGreaterThan(10);
    });
  }
});
