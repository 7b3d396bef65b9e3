/**
 * What the pilot form's sections share: the values and errors by field name, the page's language,
 * and the labels the error summary names fields by.
 */
import type { TFunction } from "i18next";
import type { Localized } from "~shared/codes";
import { formatDateTime } from "~/utils/format";
import { LOCALIZED_FIELDS, type FormValues } from "~/utils/pilot-fields";
import { rowCount } from "~/utils/pilot-form-values";
import type { Lang } from "~/i18n";
import type { ArtistSearch, PickedArtist } from "~/utils/artist-picker";

type Named = { name: Localized };

export type PilotFormOptions = {
  programmes: ({ id: number } & Named)[];
  phases: ({ id: number; programmeId: number } & Named)[];
  municipalities: ({ code: string } & Named)[];
  organisations: ({ id: number } & Named)[];
  sectors: ({ code: string } & Named)[];
  targetGroups: ({ code: string } & Named)[];
  artForms: ({ code: string } & Named)[];
  /** The artists the form's values name (the rows search the directory: docs/decisions/148). */
  artists: PickedArtist[];
  /** A row's search without JavaScript, answered with the form. */
  artistSearch?: ArtistSearch | null;
};

export type Conflict = { changes: { at: string; by: string; fields: string[] }[]; differing: string[] };

/** One section's helpers: `v` a field's value, `list` a checkbox group's, `e` its error, `rows` a group's row indexes. */
export type Kit = {
  t: TFunction<"pilots">;
  lang: Lang;
  options: PilotFormOptions;
  v: (name: string) => string;
  list: (name: string) => string[];
  e: (name: string) => string | undefined;
  rows: (group: string, spare: number) => number[];
  L: (x: Localized) => string;
  orgOptions: { value: string; label: string }[];
};

export function makeKit(
  t: TFunction<"pilots">,
  lang: Lang,
  options: PilotFormOptions,
  values: FormValues,
  errors: Record<string, string> | undefined,
  L: (x: Localized) => string,
): Kit {
  const v = (name: string) => {
    const x = values[name];
    return Array.isArray(x) ? (x[0] ?? "") : (x ?? "");
  };
  const list = (name: string) => {
    const x = values[name];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  const orgOptions = [...options.organisations]
    .sort((a, b) => L(a.name).localeCompare(L(b.name), lang))
    .map((o) => ({ value: String(o.id), label: L(o.name) }));
  return {
    t,
    lang,
    options,
    v,
    list,
    e: (name) => errors?.[name],
    rows: (group, spare) => Array.from({ length: rowCount(values, group, spare) }, (_, i) => i),
    L,
    orgOptions,
  };
}

const ROW_LABELS: Record<string, string> = {
  "programmes.": "form.programmeRow",
  "municipalities.": "form.otherMunicipality",
  "partners.organisation": "form.partner",
  "partners.role": "form.partnerRole",
  "funding.funder": "form.funder",
  "funding.amount": "form.amount",
  "funding.kind": "form.kind",
  "employments.artist": "form.artist",
  "employments.name": "form.artistName",
  "employments.role": "form.role",
  "employments.days": "form.days",
  "employments.fee": "form.fee",
  "employments.professional": "form.professional",
  "sources.title": "form.sourceTitle",
  "sources.url": "form.sourceUrl",
  "sources.document": "form.sourceDocument",
};

/** Labels for the error summary, by field name. */
export function errorLabels(kit: Kit, errors: Record<string, string> | undefined) {
  const { t, L, options } = kit;
  const labels: Record<string, string> = {};
  for (const f of LOCALIZED_FIELDS) {
    const base = f.startsWith("gp") ? t(`gp.${f.slice(2, 3).toLowerCase()}${f.slice(3)}`) : t(`form.${f}`);
    labels[`${f}.fi`] = `${base} ${t("form.inLang.fi")}`;
    labels[`${f}.sv`] = `${base} ${t("form.inLang.sv")}`;
  }
  Object.assign(labels, {
    leadMunicipality: t("form.leadMunicipality"),
    implementer: t("form.implementer"),
    startDate: t("form.startDate"),
    endDate: t("form.endDate"),
    sectors: t("field.sectors"),
    targetGroups: t("field.targetGroups"),
    artForms: t("field.artForms"),
    sessionsHeld: t("form.sessionsHeld"),
    costPerSession: t("form.costPerSession"),
    maxGroupSize: t("form.maxGroupSize"),
    sessionHours: t("form.sessionHours"),
    contactName: t("form.contactName"),
    contactEmail: t("form.contactEmail"),
  });
  for (const key of Object.keys(errors ?? {})) {
    if (labels[key]) continue;
    const m = key.match(/^(\w+)\.(\d+)(?:\.(\w+))?$/);
    if (m) {
      const [, group, idx, field] = m;
      const labelKey = ROW_LABELS[`${group}.${field ?? ""}`];
      if (labelKey) labels[key] = t(labelKey, { n: Number(idx) + 1 });
    }
    const p = key.match(/^participants\.([\w-]+)$/);
    if (p) {
      const g = options.targetGroups.find((x) => x.code === p[1]);
      labels[key] = t("form.participants", { group: g ? L(g.name) : p[1] });
    }
  }
  return labels;
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`s-${id}`} className="form-section" id={`section-${id}`}>
      <h2 id={`s-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** Someone else saved the pilot meanwhile: who changed what, and which fields differ from what was typed. */
export function ConflictNotice({ conflict, kit }: { conflict: Conflict; kit: Kit }) {
  const { t, lang } = kit;
  const names = (fields: string[]) => fields.map((f) => t(`form.fieldName.${f}`, { defaultValue: f })).join(", ");
  return (
    <div className="notice notice-warning conflict" role="alert" tabIndex={-1}>
      <p>
        <strong>{t("form.conflict")}</strong>
      </p>
      {conflict.changes.length ? (
        <>
          <p>{t("form.conflictChanges")}</p>
          <ul>
            {conflict.changes.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of past changes, never reordered
              <li key={i}>
                {t("form.conflictBy", { date: formatDateTime(lang, c.at), name: c.by, fields: names(c.fields) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {conflict.differing.length ? <p>{t("form.conflictFields", { fields: names(conflict.differing) })}</p> : null}
      <p>{t("form.conflictKeep")}</p>
    </div>
  );
}
