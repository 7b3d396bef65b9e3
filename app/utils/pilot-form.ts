/**
 * The pilot form: field names, the zod schema the action validates with, and the conversions
 * between what people type ("1 234,50", "31.12.2017") and what is stored. Error messages are
 * i18n keys in the pilots namespace ("pilots:validation.*"), shown in the page's language.
 *
 * Field names are flat and dotted ("funding.0.amount"); the error for a field has the same path,
 * so the error summary links to the field's id (f-funding-0-amount). Repeating groups keep their
 * row index; rows left completely empty are dropped (docs/decisions/021).
 */
import { z } from "zod";
import { FUNDING_KINDS, PARTNER_ROLES, type Localized, type PilotState } from "~shared/codes";
import { TEXT_LIMITS } from "./pilot-fields";
import type { MunicipalityLookup } from "./pilot-municipalities";
import {
  choice,
  codes as codeList,
  date,
  decimal,
  email,
  int,
  M,
  money,
  optionalId,
  optionalText,
  rows,
  text,
  url,
} from "./validators";

export { LOCALIZED_FIELDS, type FormValues } from "./pilot-fields";

export const V = {
  required: "pilots:validation.required",
  titleRequired: "pilots:validation.titleRequired",
  endBeforeStart: "pilots:validation.endBeforeStart",
  municipalityUnknown: "pilots:validation.municipalityUnknown",
  municipalityTwice: "pilots:validation.municipalityTwice",
  leadRequired: "pilots:validation.leadRequired",
  chooseOne: "pilots:validation.chooseOne",
  funderRequired: "pilots:validation.funderRequired",
  amountRequired: "pilots:validation.amountRequired",
  artistRequired: "pilots:validation.artistRequired",
  sourceTitle: "pilots:validation.sourceTitle",
  sourceTarget: "pilots:validation.sourceTarget",
  programmeTwice: "pilots:validation.programmeTwice",
  requiredAlways: "pilots:validation.requiredAlways",
  future: "pilots:validation.future",
  commentRequired: "pilots:validation.commentRequired",
  startRequired: "pilots:validation.startRequired",
  summaryRequired: "pilots:validation.summaryRequired",
} as const;

/** Optional text up to `max` characters; empty is null. */
export const str = (max: number, multiline = false) => optionalText(max, { multiline });

const dateField = date();
const moneyField = money();
const intField = (max = 10_000_000, min = 0) => int({ min, max });
const decimalField = (max: number) => decimal({ max });
const idField = optionalId();
/** An optional http(s) link; empty is null. */
export const httpUrl = url().transform((s) => s || null);
const emailField = email().transform((s) => s || null);
const enumField = choice;
const codes = codeList({ max: 50 });

const localizedText = (max: number, multiline = false) =>
  z
    .object({ fi: str(max, multiline), sv: str(max, multiline) })
    .optional()
    .transform((v): Localized => {
      const out: Localized = {};
      if (v?.fi) out.fi = v.fi;
      if (v?.sv) out.sv = v.sv;
      return out;
    });

/**
 * The pilot form's schema. `complete`: what a pilot needs before it goes to the council. `lang`: the
 * page's language, whose field a missing title or summary links to (either language is enough).
 */
export function pilotSchema(opts: { lookup: MunicipalityLookup; complete: boolean; lang?: "fi" | "sv" }) {
  const lang = opts.lang ?? "fi";
  const municipality = text(100).transform((s, ctx) => {
    if (!s) return null;
    const code = opts.lookup(s);
    if (!code) {
      ctx.addIssue({ code: "custom", message: V.municipalityUnknown });
      return z.NEVER;
    }
    return code;
  });
  const programme = text(40).transform((s, ctx) => {
    if (!s) return null;
    const m = s.match(/^(\d{1,9})(?::(\d{1,9}))?$/);
    if (!m) {
      ctx.addIssue({ code: "custom", message: M.invalid });
      return z.NEVER;
    }
    return { programmeId: Number(m[1]), phaseId: m[2] ? Number(m[2]) : null };
  });
  const partner = z
    .object({ organisation: idField, role: enumField(PARTNER_ROLES) })
    .superRefine(
      (r, ctx) => {
        if (r.organisation == null && r.role != null)
          ctx.addIssue({ code: "custom", message: V.required, path: ["organisation"] });
      },
      { when: () => true },
    )
    .transform((r) => (r.organisation == null ? null : { organisationId: r.organisation, role: r.role ?? "partner" }));
  const funding = z
    .object({ funder: idField, amount: moneyField, kind: enumField(FUNDING_KINDS) })
    .superRefine(
      (r, ctx) => {
        const blank = r.funder == null && r.amount == null;
        if (blank) return;
        if (r.funder == null) ctx.addIssue({ code: "custom", message: V.funderRequired, path: ["funder"] });
        if (r.amount == null) ctx.addIssue({ code: "custom", message: V.amountRequired, path: ["amount"] });
      },
      { when: () => true },
    )
    .transform((r) =>
      r.funder == null || r.amount == null
        ? null
        : { funderId: r.funder, amountCents: r.amount, kind: r.kind ?? "grant" },
    );
  const employment = z
    .object({
      artist: idField,
      name: str(200),
      role: str(200),
      days: decimalField(10000),
      fee: moneyField,
      professional: enumField(["yes", "no"] as const),
    })
    .superRefine(
      (r, ctx) => {
        const blank =
          r.artist == null && !r.name && !r.role && r.days == null && r.fee == null && r.professional == null;
        if (!blank && r.artist == null && !r.name)
          ctx.addIssue({ code: "custom", message: V.artistRequired, path: ["name"] });
      },
      { when: () => true },
    )
    .transform((r) =>
      r.artist == null && !r.name
        ? null
        : {
            artistId: r.artist,
            artistName: r.artist == null ? r.name : null,
            role: r.role,
            days: r.days,
            feeCents: r.fee,
            // Asked in the form and unset by default: null is "not stated".
            professional: r.professional == null ? null : r.professional === "yes",
          },
    );
  const source = z
    .object({ title: str(300), url: httpUrl, document: str(300) })
    .superRefine(
      (r, ctx) => {
        const blank = !r.title && !r.url && !r.document;
        if (blank) return;
        if (!r.title) ctx.addIssue({ code: "custom", message: V.sourceTitle, path: ["title"] });
        if (!r.url && !r.document) ctx.addIssue({ code: "custom", message: V.sourceTarget, path: ["url"] });
      },
      { when: () => true },
    )
    .transform((r) => (r.title && (r.url || r.document) ? { title: r.title, url: r.url, document: r.document } : null));

  return z
    .object({
      title: localizedText(TEXT_LIMITS.title),
      summary: localizedText(TEXT_LIMITS.summary, true),
      easyRead: localizedText(TEXT_LIMITS.easyRead, true),
      description: localizedText(TEXT_LIMITS.description, true),
      programmes: rows(programme),
      leadMunicipality: municipality,
      municipalities: rows(municipality),
      implementer: idField,
      partners: rows(partner),
      sectors: codes,
      targetGroups: codes,
      artForms: codes,
      startDate: dateField,
      endDate: dateField,
      funding: rows(funding),
      employments: rows(employment),
      sessionsHeld: intField(),
      participants: z
        .record(z.string().regex(/^[\w-]{1,40}$/), intField())
        .optional()
        .transform((r) => r ?? {}),
      gpProblem: localizedText(TEXT_LIMITS.gpProblem, true),
      gpSolution: localizedText(TEXT_LIMITS.gpSolution, true),
      gpResultsClient: localizedText(TEXT_LIMITS.gpResultsClient, true),
      gpResultsService: localizedText(TEXT_LIMITS.gpResultsService, true),
      gpResultsSociety: localizedText(TEXT_LIMITS.gpResultsSociety, true),
      costPerSession: moneyField,
      maxGroupSize: intField(100000, 1),
      sessionHours: decimalField(999),
      sources: rows(source),
      contactName: str(200),
      contactEmail: emailField,
      // The contact person agreed to be shown publicly (docs/decisions/065): a checkbox, absent when unticked.
      contactPublic: z.preprocess((x) => x === "on" || x === "true", z.boolean()),
    })
    .superRefine(
      (v, ctx) => {
        // Runs even when single fields failed, so every error is shown at once; values of failed fields are not strings.
        const s = (x: unknown) => (typeof x === "string" && x ? x : null);
        const arr = (x: unknown) => (Array.isArray(x) ? x : []);
        const title = (v.title ?? {}) as Record<string, unknown>;
        const summary = (v.summary ?? {}) as Record<string, unknown>;
        if (!title.fi && !title.sv) ctx.addIssue({ code: "custom", message: V.titleRequired, path: ["title", lang] });
        const start = s(v.startDate);
        const end = s(v.endDate);
        if (start && end && end < start) ctx.addIssue({ code: "custom", message: V.endBeforeStart, path: ["endDate"] });
        const lead = s(v.leadMunicipality);
        const seen = new Set<string>(lead ? [lead] : []);
        arr(v.municipalities).forEach((code, i) => {
          if (typeof code !== "string") return;
          if (seen.has(code))
            ctx.addIssue({ code: "custom", message: V.municipalityTwice, path: ["municipalities", i] });
          seen.add(code);
        });
        const progs = new Set<number>();
        arr(v.programmes).forEach((p, i) => {
          const id = (p as { programmeId?: unknown } | null)?.programmeId;
          if (typeof id !== "number") return;
          if (progs.has(id)) ctx.addIssue({ code: "custom", message: V.programmeTwice, path: ["programmes", i] });
          progs.add(id);
        });
        const leadTyped = v.leadMunicipality !== null && v.leadMunicipality !== undefined;
        if (!leadTyped && arr(v.municipalities).some((x) => x != null))
          ctx.addIssue({ code: "custom", message: V.leadRequired, path: ["leadMunicipality"] });
        if (opts.complete) {
          // What a pilot needs before it goes to the council (and while it is submitted or published).
          if (!leadTyped) ctx.addIssue({ code: "custom", message: V.leadRequired, path: ["leadMunicipality"] });
          // A pilot taken from sources may not tell when it started: its start is then "not known".
          if (v.startDate == null && !arr(v.sources).some((x) => x != null))
            ctx.addIssue({ code: "custom", message: V.startRequired, path: ["startDate"] });
          if (v.endDate == null) ctx.addIssue({ code: "custom", message: V.required, path: ["endDate"] });
          if (!summary.fi && !summary.sv)
            ctx.addIssue({ code: "custom", message: V.summaryRequired, path: ["summary", lang] });
          if (!arr(v.targetGroups).length)
            ctx.addIssue({ code: "custom", message: V.chooseOne, path: ["targetGroups"] });
          if (!arr(v.artForms).length) ctx.addIssue({ code: "custom", message: V.chooseOne, path: ["artForms"] });
        }
      },
      { when: () => true },
    );
}

/**
 * Whether a save is checked as complete: a new pilot or a draft only when it is sent for approval
 * (`intent` "submit"), a submitted or published one always. The action and the browser ask the same.
 */
export function checkedComplete(from: PilotState | "new", intent: unknown) {
  return from === "new" || from === "draft" ? intent === "submit" : true;
}

/** The form carried to the other language is posted as it is: unchecked, like the action takes it. */
export const carried = z.any();

export type PilotInput = z.infer<ReturnType<typeof pilotSchema>>;
