/**
 * The headline figures: the continuation rate with its note, n, interval, fully continuing share,
 * coverage, the follow-up requests' response rate, the out-of-date answers and the reference, each
 * with its definition; or, under five answers, why no rate is shown.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DashboardFilters, DashboardModel } from "~/utils/dashboard-model.server";
import { formatNumber, formatPercent } from "~/utils/format";
import { rateNote } from "~/utils/rate-note";
import { useLang } from "~/utils/use-lang";
import { REFERENCE_RATE } from "~shared/stats";
import { Definition } from "./sections";

export function HeadlineFigures({ model, filters }: { model: DashboardModel; filters: DashboardFilters }) {
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const h = model.headline;
  const pct = (v: number) => formatPercent(lang, v, 0);
  const responseNote = model.tables.find((x) => x.id === "response")!.rows[0].note;
  return (
    <>
      {!h.suppressed ? (
        <dl className="figures">
          <div className="figure figure-primary">
            <dt>{t("continuation.rate")}</dt>
            <dd>
              <span className="figure-value" data-testid="headline-rate">
                {formatPercent(lang, h.rate)}
              </span>
              <span className="figure-note">{rateNote(t, lang, h)}</span>
              <Definition text={t("def.rate")} />
            </dd>
          </div>
          <div className="figure">
            <dt>{t("continuation.n")}</dt>
            <dd>
              <span data-testid="headline-n">{formatNumber(lang, h.followedUp)}</span>
              <Definition text={t("def.n")} />
            </dd>
          </div>
          <div className="figure">
            <dt>{t("continuation.interval")}</dt>
            <dd>
              {formatPercent(lang, h.interval?.low)}–{formatPercent(lang, h.interval?.high)}
              <Definition text={t("def.interval")} />
            </dd>
          </div>
          <div className="figure">
            <dt>{t("continuation.fully")}</dt>
            <dd>
              {formatPercent(lang, h.fullRate)}
              <Definition text={t("def.fully")} />
            </dd>
          </div>
          <div className="figure">
            <dt>{t("continuation.coverage")}</dt>
            <dd>
              <span data-testid="headline-coverage">
                {formatPercent(lang, h.coverage)} ({formatNumber(lang, h.followedUp)} / {formatNumber(lang, h.eligible)}
                )
              </span>
              <Definition text={t("def.coverage")} />
            </dd>
          </div>
          <div className="figure">
            <dt>{t("continuation.responseRate")}</dt>
            <dd>
              <span data-testid="headline-response-rate">
                {model.response.rate == null
                  ? responseNote
                  : t("continuation.responseRateValue", {
                      rate: formatPercent(lang, model.response.rate),
                      answered: formatNumber(lang, model.response.answered),
                      sent: formatNumber(lang, model.response.sent),
                    })}
              </span>
              <a className="figure-link no-print" href="#h-response">
                {t("table.response")}
              </a>
              <Definition text={t("def.response")} />
            </dd>
          </div>
          <div className="figure">
            <dt>{t("continuation.outOfDate")}</dt>
            <dd>
              <span data-testid="headline-out-of-date">
                {t("continuation.outOfDateValue", {
                  count: h.outOfDate,
                  n: formatNumber(lang, h.outOfDate),
                  of: formatNumber(lang, h.followedUp),
                })}
              </span>
              {h.outOfDate > 0 ? (
                <Link
                  className="figure-link no-print"
                  to={`/${lang}/pilots?${new URLSearchParams({
                    ...Object.fromEntries(
                      Object.entries(filters)
                        // Out of date is counted at the reporting date, whatever the headline's horizon.
                        .filter(([k, v]) => v != null && k !== "horizon")
                        .map(([k, v]) => [k, String(v)]),
                    ),
                    counts: "outOfDate",
                    reportDate: model.reportDate,
                  })}`}
                >
                  {t("showPilotsFor", { what: t("continuation.outOfDate") })}
                </Link>
              ) : null}
              <Definition text={t("def.outOfDate")} />
            </dd>
          </div>
          <div className="figure">
            <dt>{t("continuation.reference")}</dt>
            <dd>
              {pct(REFERENCE_RATE)}
              <Definition text={t("def.reference")} />
            </dd>
          </div>
        </dl>
      ) : (
        <p className="notice" data-testid="headline-suppressed">
          {t(`continuation.${h.suppressed}`, {
            n: formatNumber(lang, h.followedUp),
            eligible: formatNumber(lang, h.eligible),
          })}
        </p>
      )}
    </>
  );
}
