/**
 * The open-data API's response shapes (docs/decisions/100): one zod schema per shape, registered under
 * the component name the OpenAPI document uses (openapi.server.ts generates it from these with zod's
 * own JSON Schema output). Objects are strict: a field that is not declared here cannot leave the
 * server unnoticed, because the tests validate every response against the served document.
 */
import { z } from "zod";
import { HORIZONS } from "~db/queries/continuation.server";

export const apiRegistry = z.registry<{ id: string }>();
const component = <T extends z.ZodType>(id: string, schema: T): T => {
  apiRegistry.add(schema, { id });
  return schema;
};

const text = z.string().min(1);
const date = z.iso.date();
const int = z.number().int();
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);

export const Localized = component(
  "Localized",
  z
    .strictObject({ fi: text.optional(), sv: text.optional() })
    .describe(
      "A text in Finnish and Swedish. A language the text has not been written in is absent (never copied from the other).",
    ),
);

export const Coded = component(
  "Coded",
  z.strictObject({ code: text, name: Localized }).describe("A code from a reference list with its names."),
);

const links = z.strictObject({
  self: z.url().describe("This resource in the API."),
  fi: z.url().describe("The public page in Finnish."),
  sv: z.url().describe("The public page in Swedish."),
});

export const PilotSummary = component(
  "PilotSummary",
  z.strictObject({
    id: int,
    title: Localized,
    summary: Localized,
    startDate: date.nullable().describe("Start of the funded period."),
    endDate: date.nullable().describe("End of the funded period."),
    updatedAt: z.iso.datetime().describe("Last change visible here: the pilot saved or a continuation check added."),
    isExample: z.boolean().describe("Invented demonstration data."),
    municipalities: z.array(
      z.strictObject({ code: text.describe("Statistics Finland municipality code."), lead: z.boolean() }),
    ),
    programmes: z.array(text).describe("Programme codes (reference/programmes)."),
    latestStatus: text.nullable().describe("Status code of the latest continuation check (reference/statuses)."),
    links,
  }),
);

const pageLinks = z.strictObject({
  self: z.url(),
  next: z.url().nullable().describe("The next page, or null on the last one."),
});

const PilotList = component("PilotList", z.strictObject({ data: z.array(PilotSummary), limit: int, links: pageLinks }));

const named = z.strictObject({ id: int, name: Localized });

export const Pilot = component(
  "Pilot",
  z.strictObject({
    id: int,
    title: Localized,
    summary: Localized,
    description: Localized,
    startDate: date.nullable(),
    endDate: date.nullable(),
    updatedAt: z.iso.datetime(),
    isExample: z.boolean(),
    implementer: named.nullable().describe("The organisation that carried the pilot out."),
    contact: z
      .strictObject({ name: text.nullable(), email: text.nullable() })
      .nullable()
      .describe("The contact person, only when they agreed to be shown."),
    programmes: z.array(
      z.strictObject({
        code: text,
        name: Localized,
        phase: z.strictObject({ id: int, name: Localized }).nullable(),
      }),
    ),
    municipalities: z.array(
      z.strictObject({
        code: text.describe("Statistics Finland municipality code."),
        name: Localized,
        lead: z.boolean(),
      }),
    ),
    partners: z.array(z.strictObject({ id: int, name: Localized, role: text })),
    sectors: z.array(Coded),
    targetGroups: z.array(Coded),
    artForms: z.array(Coded),
    funding: z.array(
      z.strictObject({
        funder: named,
        kind: text.describe("Funding line kind: grant, own_share, other…"),
        amountCents: int.describe("Euro cents."),
      }),
    ),
    activity: z.strictObject({
      sessionsHeld: count.nullable(),
      maxGroupSize: count.nullable(),
      sessionHours: z.number().nullable(),
      costPerSessionCents: int.nullable(),
      participants: z.array(z.strictObject({ targetGroup: Coded, participants: count })),
    }),
    employments: z.array(
      z.strictObject({
        artist: z
          .strictObject({ id: int, name: text })
          .nullable()
          .describe("The artist's directory profile, when it is approved."),
        name: text.nullable().describe("The name given for an artist without a profile."),
        role: text.nullable(),
        artForm: Coded.nullable(),
        professional: z.boolean().nullable().describe("Whether a professional artist; null: not stated."),
        days: z.number().nullable().describe("Working days: only when the artist consents to showing them."),
        feeCents: int.nullable().describe("Fee in euro cents: only when the artist consents."),
      }),
    ),
    goodPractice: z.strictObject({
      problem: Localized,
      solution: Localized,
      resultsClient: Localized,
      resultsService: Localized,
      resultsSociety: Localized,
    }),
    sources: z.array(z.strictObject({ title: text, url: text.nullable(), document: text.nullable() })),
    continuationChecks: z
      .array(
        z.strictObject({
          checkedOn: date,
          status: Coded,
          countsAs: z.enum(["continuing", "partly", "ended", "unknown"]),
          endedOn: date.nullable(),
          fundingAfter: text.nullable(),
          evidence: z.strictObject({ ref: text.nullable(), url: text.nullable() }),
          notes: text.nullable(),
          checkedBy: text.nullable(),
        }),
      )
      .describe("Newest first."),
    links,
  }),
);

export const ArtistSummary = component(
  "ArtistSummary",
  z.strictObject({
    id: int,
    name: text,
    kind: text,
    bio: Localized,
    updatedAt: z.iso.datetime(),
    isExample: z.boolean(),
    artForms: z.array(text).describe("Art form codes."),
    languages: z.array(text).describe("Working languages."),
    regions: z.array(text).describe("Region codes served as a whole."),
    municipalities: z.array(text).describe("Municipality codes served."),
    services: count.describe("Approved services."),
    links,
  }),
);

const ArtistList = component(
  "ArtistList",
  z.strictObject({ data: z.array(ArtistSummary), limit: int, links: pageLinks }),
);

export const Service = component(
  "Service",
  z.strictObject({
    id: int,
    title: Localized,
    description: Localized,
    artForm: Coded.nullable(),
    format: text,
    durationMinutes: count.nullable(),
    groupSizeMin: count.nullable(),
    groupSizeMax: count.nullable(),
    priceFromCents: int.nullable(),
    priceToCents: int.nullable(),
    priceOnRequest: z.boolean(),
    accessibility: Localized,
    season: Localized,
    targetGroups: z.array(Coded),
    languages: z.array(text),
  }),
);

export const Artist = component(
  "Artist",
  z.strictObject({
    id: int,
    name: text,
    kind: text,
    bio: Localized,
    website: text.nullable(),
    businessId: text.nullable(),
    updatedAt: z.iso.datetime(),
    isExample: z.boolean(),
    artForms: z.array(Coded),
    languages: z.array(text),
    regions: z.array(Coded),
    municipalities: z.array(Coded),
    contact: z
      .strictObject({ email: text.nullable(), phone: text.nullable() })
      .nullable()
      .describe("Only while the artist consents to showing their contact details."),
    services: z.array(Service).describe("Approved, visible services."),
    pilots: z
      .array(z.strictObject({ id: int, title: Localized, days: z.number().nullable() }))
      .describe("Published pilots the artist worked in; days only with the artist's consent."),
    totalDays: z.number().nullable().describe("Only with the artist's consent."),
    links,
  }),
);

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

export type PilotOut = z.infer<typeof Pilot>;
export type PilotSummaryOut = z.infer<typeof PilotSummary>;
export type ArtistOut = z.infer<typeof Artist>;
export type ArtistSummaryOut = z.infer<typeof ArtistSummary>;
export type ContinuationFiguresOut = z.infer<typeof ContinuationFigures>;
export type NetworkFiguresOut = z.infer<typeof NetworkFigures>;
export type PilotListOut = z.infer<typeof PilotList>;
export type ArtistListOut = z.infer<typeof ArtistList>;
export type ReferenceListOut = z.infer<typeof ReferenceList>;
export type ProblemOut = z.infer<typeof Problem>;
