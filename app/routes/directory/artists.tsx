import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { directoryOptions, listArtists } from "~db/queries/artist-directory.server";
import { SelectField } from "~/components/field";
import { LocalizedText } from "~/components/localized-text";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { getI18n, isLang } from "~/i18n";
import { parseArtistFilters } from "~/utils/artist-schemas";
import { dataGeneration } from "~db/data-cache.server";
import { collator, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { can } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";
import { useLang } from "~/utils/use-lang";
import { ARTIST_KINDS, SERVICE_FORMATS, WORKING_LANGUAGES } from "~shared/codes";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const url = new URL(request.url);
  const filters = parseArtistFilters(url.searchParams);
  const db = await getDb();
  const [generation, user] = await Promise.all([dataGeneration(db), getUser(request)]);
  const [result, options] = await Promise.all([
    listArtists(db, { filters, page: pageFromUrl(url), generation, lang }),
    directoryOptions(db, generation),
  ]);
  return {
    ...result,
    options,
    filters,
    filtered: Object.keys(filters).length > 0,
    moderator: can.moderate(user),
    accountDeleted: url.searchParams.get("accountDeleted") === "1",
  };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:list.title") },
];

export default function ArtistList() {
  const { rows, total, capped, hasMore, page, pageSize, options, filters, filtered, moderator, accountDeleted } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const name = (v: { fi?: string | null; sv?: string | null }) => localizedString(v, lang);
  // Words repeated on every card, translated once per page rather than once per card.
  const card = {
    languages: t("languages"),
    area: t("area"),
    kind: Object.fromEntries(ARTIST_KINDS.map((k) => [k, t(`kind.${k}`)])) as Record<string, string>,
    language: Object.fromEntries(WORKING_LANGUAGES.map((l) => [l, t(`language.${l}`)])) as Record<string, string>,
  };
  return (
    <div>
      {accountDeleted ? (
        <p className="notice notice-success" role="status">
          {t("deleteAccount.done")}
        </p>
      ) : null}
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.lead")}</p>
      {moderator ? (
        <p>
          <Link to={`/${lang}/moderation`}>{t("moderation.title")}</Link>
        </p>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label={t("filters.label")}>
        <div className="field">
          <label htmlFor="f-q">{t("filters.q")}</label>
          <p className="hint" id="f-q-hint">
            {t("filters.qHint")}
          </p>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="f-q-hint" />
        </div>
        <div className="filter-grid">
          <SelectField
            name="artForm"
            label={t("filters.artForm")}
            value={filters.artForm}
            none={t("filters.any")}
            options={options.artForms.map((o) => ({ value: o.code, label: name(o.name) }))}
          />
          <SelectField
            name="targetGroup"
            label={t("filters.targetGroup")}
            value={filters.targetGroup}
            none={t("filters.any")}
            options={options.targetGroups.map((o) => ({ value: o.code, label: name(o.name) }))}
          />
          <SelectField
            name="language"
            label={t("languages")}
            value={filters.language}
            none={t("filters.any")}
            options={WORKING_LANGUAGES.map((l) => ({ value: l, label: card.language[l] }))}
          />
          <SelectField name="area" label={t("filters.area")} value={filters.area} none={t("filters.any")} options={[]}>
            <optgroup label={t("filters.regions")}>
              {options.regions.map((r) => (
                <option key={r.code} value={`r:${r.code}`}>
                  {name(r.name)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("filters.municipalities")}>
              {[...options.municipalities]
                .sort((a, b) => collator(lang).compare(name(a.name), name(b.name)))
                .map((m) => (
                  <option key={m.code} value={`m:${m.code}`}>
                    {name(m.name)}
                  </option>
                ))}
            </optgroup>
          </SelectField>
          <SelectField
            name="format"
            label={t("filters.format")}
            value={filters.format}
            none={t("filters.any")}
            options={SERVICE_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
          />
          <div className="field">
            <label htmlFor="f-priceMin">{t("filters.priceMin")}</label>
            <input id="f-priceMin" name="priceMin" inputMode="numeric" size={6} defaultValue={filters.priceMin ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="f-priceMax">{t("filters.priceMax")}</label>
            <input id="f-priceMax" name="priceMax" inputMode="numeric" size={6} defaultValue={filters.priceMax ?? ""} />
          </div>
        </div>
        <button type="submit" className="button">
          {t("filters.submit")}
        </button>
      </Form>
      <p role="status">
        {t(capped ? "list.countCapped" : "list.count", { count: total, formatted: formatNumber(lang, total) })}
        {filtered ? (
          <>
            {" "}
            <Link to={`/${lang}/artists`}>{t("filters.clear")}</Link>
          </>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <ul className="card-grid">
          {rows.map((a) => (
            <li key={a.id} className="card">
              <h2 className="card-title">
                <Link to={`/${lang}/artists/${a.id}`}>{a.name}</Link>
              </h2>
              <p className="card-meta">
                {card.kind[a.kind]} · {a.artForms.map(name).join(", ")}
              </p>
              <p className="card-meta">
                {card.languages}: {a.languages.map((l) => card.language[l]).join(", ")}
              </p>
              <p className="card-meta">
                {card.area}: {a.areas.map(name).sort(collator(lang).compare).join(", ")}
              </p>
              <LocalizedText value={a.bio} as="p" clamp emptyText={t("noBio")} />
              <p className="card-meta">{t("serviceCount", { count: a.services })}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} capped={capped} hasMore={hasMore} />
    </div>
  );
}
