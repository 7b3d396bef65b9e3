import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getI18n, isLang } from "~/i18n";
import { requireLang } from "~/utils/lang.server";
import { can, requireUserWho } from "~/utils/permissions.server";
import { useLang } from "~/utils/use-lang";

/** The admin area's hub: links to the pages the signed-in role may use. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.administer);
  return { admin: can.manageUsers(user) };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:hub.title") },
];

export default function AdminHub() {
  const { admin } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const lang = useLang();
  const links = [
    ...(admin
      ? [
          { to: `/${lang}/admin/users`, label: t("hub.users"), text: t("hub.usersText") },
          { to: `/${lang}/admin/outbox`, label: t("hub.outbox"), text: t("hub.outboxText") },
        ]
      : []),
    { to: `/${lang}/admin/audit`, label: t("hub.audit"), text: t("hub.auditText") },
    { to: `/${lang}/admin/feedback`, label: t("hub.feedback"), text: t("hub.feedbackText") },
    { to: `/${lang}/dashboard/parity`, label: t("hub.parity"), text: t("hub.parityText") },
  ];
  return (
    <div>
      <h1>{t("hub.title")}</h1>
      <p className="lead">{admin ? t("hub.leadAdmin") : t("hub.leadCouncil")}</p>
      <ul className="card-list">
        {links.map((l) => (
          <li key={l.to} className="card">
            <h2 className="card-title">
              <Link to={l.to}>{l.label}</Link>
            </h2>
            <p>{l.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
