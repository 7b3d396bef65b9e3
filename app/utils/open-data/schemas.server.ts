/**
 * The open-data API's other response shapes (docs/decisions/100): the continuation and network
 * figures, the reference lists and the error (problem details). One zod schema per shape, registered
 * under the component name the OpenAPI document uses (openapi.server.ts generates it from these with
 * zod's own JSON Schema output). Objects are strict: a field that is not declared here cannot leave the
 * server unnoticed, because the tests validate every response against the served document.
 */
import { z } from "zod";
import { HORIZONS } from "~db/queries/continuation.server";
// A value from the record shapes: they are loaded, and registered, before these (the document lists its
// components in registration order, and its version hash is taken over it).
import { named } from "./record-schemas.server";
import { Coded, component, count, date, int, Localized, share, text } from "./schema-parts.server";

export const CUT_NAMES = ["programme", "phase", "region", "municipality", "targetGroup", "artForm", "year"] as const;

const filtersShape = z.strictObject({
  programme: text.optional(),
  phase: int.optional(),
  region: text.optional(),
  municipality: text.optional(),
  targetGroup: text.optional(),
  artForm: text.optional(),
  yearFrom: int.optional(),
  yearTo: int.optional(),
});

export const ContinuationFigures = component(
  "ContinuationFigures",
  z.strictObject({
    reportDate: date,
    horizon: z
      .union(HORIZONS.map((h) => z.literal(h)))
      .nullable()
      .describe("Months after the funded period; null: the status at the reporting date."),
    cut: z.enum(CUT_NAMES).nullable(),
    filters: filtersShape,
    definition: z.url().describe("Where the definition of the continuation rate is explained."),
    minN: int.describe("A rate from fewer answers than this is not given (suppressed)."),
    rows: z.array(
      z.strictObject({
        key: text.nullable().describe("The cut's code (year, region code, phase id…); null for the whole."),
        name: Localized.nullable(),
        eligible: count,
        n: count.describe("Followed up: continuing + ended."),
        continuing: count.describe("Including partly continuing."),
        fully: count,
        partly: count,
        ended: count,
        notFollowedUp: count,
        rate: share.nullable(),
        fullRate: share.nullable(),
        interval: z.strictObject({ low: share, high: share }).nullable().describe("95 % Wilson interval."),
        coverage: share.nullable().describe("n ÷ eligible."),
        suppressed: z.enum(["noFollowUps", "tooFew"]).nullable(),
      }),
    ),
  }),
);

export const NetworkFigures = component(
  "NetworkFigures",
  z.strictObject({
    filters: filtersShape,
    pilotsPerYear: z.array(z.strictObject({ year: int.nullable(), phase: int.nullable(), pilots: count })),
    municipalitiesPerRegion: z.array(
      z.strictObject({ region: Coded, involved: count, total: count, share: share.nullable() }),
    ),
    employment: z.strictObject({
      artists: count,
      days: z.number(),
      feesCents: int,
      pilots: count,
      pilotsWithProfessional: count,
      byArtForm: z.array(
        z.strictObject({
          artForm: Coded.nullable(),
          year: int.nullable(),
          artists: count,
          days: z.number(),
          feesCents: int,
        }),
      ),
    }),
    funding: z.strictObject({
      totalCents: int,
      ownShareCents: int,
      pilots: count,
      byFunder: z.array(z.strictObject({ funder: named, year: int.nullable(), amountCents: int })),
    }),
    cooperation: z.strictObject({
      pilots: count,
      cultureSocial: count,
      cultureHealth: count,
      cultureEducation: count,
      cultureAny: count,
      partners: z.array(z.strictObject({ organisation: named, pilots: count })),
    }),
    reach: z.array(z.strictObject({ targetGroup: Coded, participants: count, pilots: count })),
  }),
);

export const ReferenceItem = component(
  "ReferenceItem",
  z.strictObject({
    code: text.describe("The official code (Statistics Finland's for municipalities and regions)."),
    name: Localized,
    kind: text.optional().describe("Municipalities: kaupunki (town) or kunta."),
    region: text.nullable().optional().describe("Municipalities: the region code today."),
    countsAs: z.enum(["continuing", "partly", "ended", "unknown"]).optional().describe("Statuses."),
    startDate: date.nullable().optional(),
    endDate: date.nullable().optional(),
    phases: z
      .array(
        z.strictObject({
          id: int,
          code: text,
          name: Localized,
          startDate: date.nullable(),
          endDate: date.nullable(),
        }),
      )
      .optional()
      .describe("Programmes: their phases."),
  }),
);

const ReferenceList = component("ReferenceList", z.strictObject({ list: text, data: z.array(ReferenceItem) }));

export const Problem = component(
  "Problem",
  z
    .strictObject({
      type: z.string(),
      title: z.string(),
      status: int,
      detail: z.string().optional(),
      instance: z.string().optional(),
      invalidParams: z.array(z.strictObject({ name: z.string(), reason: z.string() })).optional(),
    })
    .describe("An error, as RFC 9457 problem details (application/problem+json)."),
);

export type ContinuationFiguresOut = z.infer<typeof ContinuationFigures>;
export type NetworkFiguresOut = z.infer<typeof NetworkFigures>;
export type ReferenceListOut = z.infer<typeof ReferenceList>;
export type ProblemOut = z.infer<typeof Problem>;
