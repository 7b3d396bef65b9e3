import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { cleanQuery } from "~/utils/validators";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { listUsers } from "~db/queries/accounts.server";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { RowTable } from "~/components/row-table";
import { getI18n, isLang } from "~/i18n";
import { collator, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { requireAdmin } from "~/utils/permissions.server";
import { useLang } from "~/utils/use-lang";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireAdmin(request, lang);
  const db = await getDb();
  const url = new URL(request.url);
  const q = cleanQuery(url.searchParams.get("q"));
  return { ...(await listUsers(db, pageFromUrl(url), q || undefined)), q };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:users.title") },
];

export default function Users() {
  const { rows, total, page, pageSize, q } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const lang = useLang();
  const sort = collator(lang);
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/admin`}>{t("hub.title")}</Link>
      </p>
      <h1>{t("users.title")}</h1>
      <p>
        <Link to={`/${lang}/admin/users/invite`} className="button">
          {t("invite.title")}
        </Link>
      </p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="f-q">{t("users.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="button">
          {t("users.searchSubmit")}
        </button>
      </Form>
      <p role="status">{t("users.count", { count: total, formatted: formatNumber(lang, total) })}</p>
      <RowTable
        caption={t("users.title")}
        captionHidden
        rows={rows}
        rowKey={(u) => u.id}
        columns={[
          {
            key: "user",
            header: t("users.user"),
            cell: (u) => (
              <>
                <Link to={`/${lang}/admin/users/${u.id}`}>{u.name || u.email}</Link>
                <br />
                <span className="muted">{u.email}</span>
              </>
            ),
          },
          { key: "role", header: t("users.role"), cell: (u) => t(`account:roles.${u.role}`) },
          {
            key: "scope",
            header: t("users.scope"),
            cell: (u) => {
              if (u.role !== "staff") return t(`users.scopeOf.${u.role}`);
              const names = (list: typeof u.municipalities) =>
                list.map((n) => localizedString(n, lang)).sort(sort.compare);
              return [...names(u.municipalities), ...names(u.organisations)].join(", ") || t("users.noScope");
            },
          },
          {
            key: "state",
            header: t("users.state"),
            cell: (u) => (
              <>
                {u.disabled ? <span className="badge">{t("users.disabled")}</span> : t("users.active")}
                {!u.verified ? (
                  <>
                    {" "}
                    <span className="badge">{t("users.unverified")}</span>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
