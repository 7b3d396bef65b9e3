/**
 * The OpenAPI 3.1 document of the open-data API, generated from the zod schemas in schemas.server.ts
 * (zod's JSON Schema output, draft 2020-12, which is OpenAPI 3.1's schema dialect): the shapes have
 * one source, and the tests validate every answer against this document as served.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { HORIZONS } from "~db/queries/continuation.server";
import { REFERENCE_LISTS } from "~db/queries/open-data.server";
import { SERVICE_FORMATS, WORKING_LANGUAGES } from "~shared/codes";
import { PILOT_CSV_COLUMNS } from "~/utils/pilots-csv.server";
import { apiRegistry } from "./schema-parts.server";
import { CUT_NAMES } from "./schemas.server";

type Param = {
  name: string;
  in: "query" | "path";
  required?: boolean;
  description: string;
  schema: Record<string, unknown>;
};
const code = { type: "string", pattern: "^[\\w-]{1,40}$" };
const q = (name: string, description: string, schema: Record<string, unknown> = code): Param => ({
  name,
  in: "query",
  description,
  schema,
});
const year = { type: "integer", minimum: 1990, maximum: 2100 };
const isoDate = { type: "string", format: "date" };

const pageParams: Param[] = [
  q("limit", "Items per page.", { type: "integer", minimum: 1, maximum: 200, default: 50 }),
  q("after", "The cursor from the previous page's `links.next` (the last id of that page).", {
    type: "integer",
    minimum: 0,
  }),
  q("updatedSince", "Only items changed at or after this date, or date and time with a zone (encode `+` as `%2B`).", {
    type: "string",
  }),
];

const pilotFilters: Param[] = [
  q("q", "Search words (Finnish and Swedish word forms).", { type: "string", maxLength: 200 }),
  q("programme", "Programme code (reference/programmes)."),
  q("phase", "Programme phase id (reference/programmes).", { type: "integer", minimum: 1 }),
  q("region", "Region code (Statistics Finland), by region membership when the pilot started."),
  q("municipality", "Municipality code (Statistics Finland)."),
  q("targetGroup", "Target group code."),
  q("artForm", "Art form code."),
  q("year", "The year the funded period started (or ended, without a start).", year),
  q("status", "Latest continuation status code today, or `none` for pilots without a check."),
];

const figureFilters: Param[] = [
  q("programme", "Programme code."),
  q("phase", "Programme phase id.", { type: "integer", minimum: 1 }),
  q("region", "Region code."),
  q("municipality", "Municipality code (Statistics Finland)."),
  q("targetGroup", "Target group code."),
  q("artForm", "Art form code."),
  q("yearFrom", "From this year.", year),
  q("yearTo", "To this year.", year),
];

const artistFilters: Param[] = [
  q("q", "Search words.", { type: "string", maxLength: 200 }),
  q("artForm", "Art form code."),
  q("targetGroup", "Target group code of a service."),
  q("language", "Working language.", { type: "string", enum: [...WORKING_LANGUAGES] }),
  q("area", "`m:` and a municipality code or `r:` and a region code.", {
    type: "string",
    pattern: "^[mr]:\\d{2,3}$",
  }),
  q("format", "Service format.", { type: "string", enum: [...SERVICE_FORMATS] }),
  q("priceMin", "Euros.", { type: "integer", minimum: 0 }),
  q("priceMax", "Euros.", { type: "integer", minimum: 0 }),
];

const idParam: Param = { name: "id", in: "path", required: true, description: "Id.", schema: { type: "integer" } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const errors = {
  "400": problem("A parameter is unknown or its value does not parse."),
  "429": {
    ...problem("Too many requests from this address; see Retry-After."),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
  },
};
const ok = (schema: string, description: string, contentType = "application/json") => ({
  "200": {
    description,
    headers: {
      ETag: { schema: { type: "string" }, description: "Send it back in If-None-Match." },
      "Cache-Control": { schema: { type: "string" } },
    },
    content: { [contentType]: { schema: ref(schema) } },
  },
  "304": { description: "Not modified (If-None-Match matched the ETag)." },
  ...errors,
});
const op = (operationId: string, summary: string, parameters: Param[], responses: Record<string, unknown>) => ({
  get: { operationId, summary, parameters, responses },
});

function buildDocument(baseUrl: string) {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Rajaton · Gränslös open data",
      version: "1.0.0",
      description:
        "Published pilots, approved artists and their services, the network's figures and the reference lists, " +
        "read-only. Content fields carry both languages as { fi, sv }; a missing translation is absent. " +
        "Licence: CC BY 4.0.",
      license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: `${baseUrl}/api/v1` }],
    externalDocs: { url: `${baseUrl}/fi/open-data`, description: "Avoin data (suomeksi) · Öppna data: /sv/open-data" },
    paths: {
      "/pilots": op("listPilots", "Published pilots, by id, a page at a time", [...pilotFilters, ...pageParams], {
        ...ok("PilotList", "A page of pilots."),
      }),
      "/pilots/{id}": op("getPilot", "One published pilot: everything its public page shows", [idParam], {
        ...ok("Pilot", "The pilot."),
        "404": problem("No published pilot has this id."),
      }),
      "/pilots.jsonl": op("dumpPilots", "Every published pilot, one JSON object (a Pilot) a line", [], {
        "200": {
          description: "JSON Lines: each line is a Pilot.",
          content: { "application/jsonl": { schema: ref("Pilot") } },
        },
        "304": { description: "Not modified." },
        "429": errors["429"],
      }),
      "/pilots.csv": op("dumpPilotsCsv", "Every published pilot, one a row, as CSV", [], {
        "200": {
          description:
            "CSV as Excel opens it in Finland: UTF-8 with a byte order mark, semicolon-separated, decimal comma, " +
            "CRLF line ends; one header row naming the columns: " +
            `${PILOT_CSV_COLUMNS.map((c) => c.key).join(", ")}. ` +
            "Content columns come in pairs (_fi, _sv); a missing translation is an empty cell.",
          content: { "text/csv": { schema: { type: "string" } } },
        },
      }),
      "/artists": op("listArtists", "Approved artists, by id, a page at a time", [...artistFilters, ...pageParams], {
        ...ok("ArtistList", "A page of artists."),
      }),
      "/artists/{id}": op("getArtist", "One approved artist with their approved services", [idParam], {
        ...ok("Artist", "The artist."),
        "404": problem("No approved artist has this id."),
      }),
      "/figures/continuation": op(
        "continuationFigures",
        "The dashboard's continuation figures",
        [
          q("reportDate", "The reporting date (default today).", isoDate),
          q("horizon", "Months after the funded period (not with cut).", { type: "integer", enum: [...HORIZONS] }),
          q("cut", "One row per value of this dimension.", { type: "string", enum: [...CUT_NAMES] }),
          ...figureFilters,
        ],
        ok("ContinuationFigures", "The figures."),
      ),
      "/figures/network": op(
        "networkFigures",
        "The dashboard's network figures: pilots, municipalities, employment, funding, cooperation, reach",
        figureFilters,
        ok("NetworkFigures", "The figures."),
      ),
      "/reference/{list}": op(
        "referenceList",
        "A reference list with both languages' names and the official codes",
        [
          {
            name: "list",
            in: "path",
            required: true,
            description: "Which list.",
            schema: { type: "string", enum: [...REFERENCE_LISTS] },
          },
        ],
        { ...ok("ReferenceList", "The list."), "404": problem("No such list.") },
      ),
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
    components: { schemas },
  };
}

let memo: { baseUrl: string; doc: ReturnType<typeof buildDocument>; version: string } | null = null;

/** The document for links under `baseUrl` (PUBLIC_URL), and a version hash that changes with it. */
export function openApiDocument(baseUrl: string) {
  if (!memo || memo.baseUrl !== baseUrl) {
    const doc = buildDocument(baseUrl);
    const version = crypto.createHash("sha256").update(JSON.stringify(doc)).digest("hex").slice(0, 16);
    memo = { baseUrl, doc, version };
  }
  return memo;
}
