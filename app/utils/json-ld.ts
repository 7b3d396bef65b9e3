/**
 * schema.org descriptions of the public pages as JSON-LD (docs/decisions/106): a pilot is a
 * `Project` (funders, municipalities, funded period), an artist a `Person`, `PerformingGroup` or
 * `Organization` with an `Offer` per approved service. Typed with schema-dts, so every type and
 * property is checked against the schema.org vocabulary by the compiler. Built only from what the
 * public page shows: no contact details without the artist's consent, no working days or fees, and
 * a pilot's contact person not at all.
 */
import type {
  AdministrativeArea,
  Offer,
  Organization,
  PerformingGroup,
  Person,
  Project,
  WithContext,
} from "schema-dts";
import type { getPublicArtist } from "~db/queries/artist-directory.server";
import type { PilotDetailRow } from "~db/queries/pilots.server";
import type { Localized } from "~shared/codes";
import type { Lang } from "~/i18n";
import { localizedString } from "./localized";

type PublicArtist = NonNullable<Awaited<ReturnType<typeof getPublicArtist>>>;
type L = { fi?: string | null; sv?: string | null } | null | undefined;

/** Text in the page's language, else the other language (as the page shows it), else nothing. */
const text = (value: L, lang: Lang) => localizedString(value as Localized, lang) || undefined;

/** One value or a list, the way JSON-LD writes them; nothing for an empty list. */
const many = <T>(xs: T[]) => (xs.length === 0 ? undefined : xs.length === 1 ? xs[0] : xs);

/**
 * A published pilot as a schema.org Project. A Project is an Organization in schema.org, which has no
 * startDate/endDate: the funded period is its `foundingDate` and `dissolutionDate`.
 */
export function pilotJsonLd(p: PilotDetailRow, lang: Lang, base: string): WithContext<Project> {
  const url = `${base}/${lang}/pilots/${p.id}`;
  const funders = [...new Map(p.funding.map((f) => [f.funderId, f.funder])).values()];
  const areas: AdministrativeArea[] = p.municipalities.map((m) => ({
    "@type": "AdministrativeArea",
    name: text(m.name, lang),
    identifier: m.code,
  }));
  return {
    "@context": "https://schema.org",
    "@type": "Project",
    "@id": url,
    url,
    name: text(p.title, lang),
    description: text(p.summary, lang),
    foundingDate: p.startDate ?? undefined,
    dissolutionDate: p.endDate ?? undefined,
    funder: many(funders.map((f): Organization => ({ "@type": "Organization", name: text(f, lang) }))),
    areaServed: many(areas),
    parentOrganization: p.implementer ? { "@type": "Organization", name: text(p.implementer, lang) } : undefined,
    knowsAbout: many(p.artForms.map((f) => text(f.name, lang)).filter((x): x is string => Boolean(x))),
  };
}

/** An approved artist as a Person (a person), PerformingGroup (a group) or Organization, with their services. */
export function artistJsonLd(
  a: PublicArtist,
  lang: Lang,
  base: string,
): WithContext<Person> | WithContext<PerformingGroup> | WithContext<Organization> {
  const url = `${base}/${lang}/artists/${a.id}`;
  const areas = [...a.regions, ...a.municipalities].map(
    (m): AdministrativeArea => ({ "@type": "AdministrativeArea", name: text(m, lang) }),
  );
  const offers = a.services.map(
    (s): Offer => ({
      "@type": "Offer",
      itemOffered: {
        "@type": "Service",
        name: text(s.title, lang),
        description: text(s.description, lang),
        audience: many(s.targetGroups.map((g) => ({ "@type": "Audience" as const, audienceType: text(g.name, lang) }))),
      },
      areaServed: many(areas),
      priceSpecification:
        s.priceOnRequest || s.priceFromCents == null
          ? undefined
          : {
              "@type": "PriceSpecification",
              priceCurrency: "EUR",
              minPrice: s.priceFromCents / 100,
              maxPrice: s.priceToCents == null ? undefined : s.priceToCents / 100,
            },
    }),
  );
  const common = {
    "@id": url,
    url,
    name: a.name,
    description: text(a.bio, lang),
    sameAs: a.website ?? undefined,
    // Contact details only with the artist's consent (the page shows them on the same condition).
    email: a.contact?.email ?? undefined,
    telephone: a.contact?.phone ?? undefined,
    knowsLanguage: many(a.languages),
    knowsAbout: many(a.artForms.map((f) => text(f, lang)).filter((x): x is string => Boolean(x))),
    makesOffer: many(offers),
  };
  if (a.kind === "person") return { "@context": "https://schema.org", "@type": "Person", ...common };
  if (a.kind === "group") return { "@context": "https://schema.org", "@type": "PerformingGroup", ...common };
  return { "@context": "https://schema.org", "@type": "Organization", ...common };
}

/**
 * JSON for inside a <script> element: `<`, `>` and `&` written as \u escapes, so no text in the data
 * can close the element or open a comment; the line and paragraph separators likewise.
 */
export function serializeJsonLd(value: unknown) {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
