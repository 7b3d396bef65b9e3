import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";
import { formatDate } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";
import type { Pilot } from "./types";

/** The pilot's key facts: programme, municipalities, implementer, partners, period and classifications. */
export function PilotFacts({ pilot: p }: { pilot: Pilot }) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
    <dl className="facts">
      <dt>{t("field.programme")}</dt>
      <dd>
        {p.programmes.length === 0
          ? t("notRecorded")
          : p.programmes.map((pr) => (
              <div key={pr.programmeId}>
                <Link to={`/${lang}/programmes/${pr.programmeId}`}>
                  <LocalizedText value={pr.programme} />
                </Link>
                {pr.phase ? (
                  <>
                    {" – "}
                    <LocalizedText value={pr.phase} />
                  </>
                ) : null}
              </div>
            ))}
      </dd>
      <dt>{t("field.municipalities")}</dt>
      <dd>
        {p.municipalities.map((m, i) => (
          <span key={m.code}>
            {i > 0 ? ", " : ""}
            <LocalizedText value={m.name} />
            {m.isLead ? ` (${t("lead")})` : ""}
          </span>
        ))}
      </dd>
      <dt>{t("field.implementer")}</dt>
      <dd>{p.implementer ? <LocalizedText value={p.implementer} /> : t("notRecorded")}</dd>
      {p.partners.length ? (
        <>
          <dt>{t("field.partners")}</dt>
          <dd>
            {p.partners.map((o) => (
              <div key={`${o.id}-${o.role}`}>
                <LocalizedText value={o.name} /> ({t(`partnerRole.${o.role}`)})
              </div>
            ))}
          </dd>
        </>
      ) : null}
      <dt>{t("field.period")}</dt>
      <dd>
        {/* A pilot taken from sources may not tell when it started: "not known", not "not recorded". */}
        {p.startDate ? formatDate(lang, p.startDate) : p.sources.length ? t("startUnknown") : t("notRecorded")} –{" "}
        {p.endDate ? formatDate(lang, p.endDate) : t("notRecorded")}
      </dd>
      <dt>{t("field.sectors")}</dt>
      <dd>{p.sectors.length ? p.sectors.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}</dd>
      <dt>{t("field.targetGroups")}</dt>
      <dd>
        {p.targetGroups.length ? p.targetGroups.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}
      </dd>
      <dt>{t("field.artForms")}</dt>
      <dd>{p.artForms.length ? p.artForms.map((s) => localizedString(s.name, lang)).join(", ") : t("notRecorded")}</dd>
    </dl>
  );
}
