import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getI18n, isLang } from "~/i18n";
import { publicUrl } from "~/utils/email.server";
import { requireLang } from "~/utils/lang.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const dashboard = getI18n(lang).getFixedT(lang, "dashboard");
  // The dashboard's own words for the horizons, so the two never define it differently.
  return { api: `${publicUrl()}/api/v1`, horizons: dashboard("def.horizons") };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("opendata:title") },
];

const ENDPOINTS = [
  ["pilots", "/pilots"],
  ["pilot", "/pilots/{id}"],
  ["jsonl", "/pilots.jsonl"],
  ["artists", "/artists"],
  ["artist", "/artists/{id}"],
  ["continuation", "/figures/continuation"],
  ["network", "/figures/network"],
  ["reference", "/reference/{municipalities|regions|target-groups|art-forms|sectors|statuses|programmes}"],
] as const;

const EXAMPLES = [
  ["pilotsInRegion", "/pilots?region=14"],
  ["changed", "/pilots?updatedSince=2026-01-01"],
  ["dump", "/pilots.jsonl"],
  ["rate", "/figures/continuation?cut=region"],
  ["municipalities", "/reference/municipalities"],
] as const;

const FIELDS = ["localized", "codes", "dates", "money", "consent", "visible"] as const;
const SECTIONS = ["licence", "api", "http", "fields", "continuation", "examples"] as const;

/** How to use the open data: the licence, the API's addresses, its rules, the fields and examples. */
export default function OpenData() {
  const { api, horizons } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("opendata");
  const deed = `https://creativecommons.org/licenses/by/4.0/deed.${i18n.language === "sv" ? "sv" : "fi"}`;
  return (
    <div className="prose open-data">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <nav aria-labelledby="od-toc">
        <h2 id="od-toc">{t("toc")}</h2>
        <ul className="link-list">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`${s}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="licence" aria-labelledby="h-licence">
        <h2 id="h-licence">{t("licence.title")}</h2>
        <p>{t("licence.text")}</p>
        <p>
          <a href={deed} rel="license noopener noreferrer">
            {t("licence.link")}
          </a>
        </p>
        <p>{t("licence.attributionLabel")}</p>
        <blockquote className="attribution">{t("licence.attribution")}</blockquote>
      </section>

      <section id="api" aria-labelledby="h-api">
        <h2 id="h-api">{t("api.title")}</h2>
        <p>{t("api.text")}</p>
        <p>
          <a href={`${api}/openapi.json`}>{t("api.openapi")}</a>
        </p>
        <div className="table-wrap" role="region" aria-labelledby="h-api" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("api.colPath")}</th>
                <th scope="col">{t("api.colWhat")}</th>
              </tr>
            </thead>
            <tbody>
              {ENDPOINTS.map(([key, path]) => (
                <tr key={key}>
                  <td>
                    <code>{`/api/v1${path}`}</code>
                  </td>
                  <td>{t(`api.${key}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="http" aria-labelledby="h-http">
        <h2 id="h-http">{t("http.title")}</h2>
        <p>{t("http.paging")}</p>
        <p>{t("http.caching")}</p>
        <p>{t("http.errors")}</p>
        <p>{t("http.rateLimit")}</p>
      </section>

      <section id="fields" aria-labelledby="h-fields">
        <h2 id="h-fields">{t("fields.title")}</h2>
        <dl>
          {FIELDS.map((f) => (
            <div key={f}>
              <dt>{t(`fields.${f}Term`)}</dt>
              <dd>{t(`fields.${f}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section id="continuation" aria-labelledby="h-continuation">
        <h2 id="h-continuation">{t("continuation.title")}</h2>
        <p>{t("continuation.text")}</p>
        <h3>{t("continuation.horizonTitle")}</h3>
        <p>{horizons}</p>
      </section>

      <section id="examples" aria-labelledby="h-examples">
        <h2 id="h-examples">{t("examples.title")}</h2>
        {EXAMPLES.map(([key, path]) => (
          <div key={key}>
            <p>{t(`examples.${key}`)}</p>
            <pre>
              <code>{`curl '${api}${path}'`}</code>
            </pre>
          </div>
        ))}
      </section>
    </div>
  );
}
