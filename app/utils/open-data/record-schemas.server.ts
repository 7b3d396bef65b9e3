/**
 * The open-data API's record shapes (docs/decisions/100): pilots and artists (with their services),
 * one by one and as pages of summaries, and the link and id-and-name objects they are made of. Each
 * shape is a strict zod object registered under the component name the OpenAPI document uses, so a
 * field that is not declared here cannot leave the server unnoticed.
 */
import { z } from "zod";
import { Coded, component, count, date, int, Localized, text } from "./schema-parts.server";

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

export const named = z.strictObject({ id: int, name: Localized });

export const Pilot = component(
  "Pilot",
  z.strictObject({
    id: int,
    title: Localized,
    summary: Localized,
    easyRead: Localized,
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

export type PilotOut = z.infer<typeof Pilot>;
export type PilotSummaryOut = z.infer<typeof PilotSummary>;
export type ArtistOut = z.infer<typeof Artist>;
export type ArtistSummaryOut = z.infer<typeof ArtistSummary>;
export type PilotListOut = z.infer<typeof PilotList>;
export type ArtistListOut = z.infer<typeof ArtistList>;
