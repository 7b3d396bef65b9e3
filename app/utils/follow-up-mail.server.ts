/**
 * The follow-up request email (docs/decisions/088): plain text and simple HTML, in the recipient's
 * language, with one link per status, the service's name, the pilot's name, the sender's role and
 * why the recipient gets it. Server-only and free of React: the job runner builds these messages.
 */
import { createInstance } from "i18next";
import type { Localized } from "~shared/codes";
import commonFi from "../../locales/fi/common.json";
import commonSv from "../../locales/sv/common.json";
import followupsFi from "../../locales/fi/followups.json";
import followupsSv from "../../locales/sv/followups.json";
import type { Email } from "./email.server";
import { ANSWER_STATUSES } from "./follow-up-answer";
import { formatDate } from "./format";

type Lang = "fi" | "sv";

const i18n = createInstance();
void i18n.init({
  resources: { fi: { common: commonFi, followups: followupsFi }, sv: { common: commonSv, followups: followupsSv } },
  lng: "fi",
  fallbackLng: false,
  defaultNS: "followups",
  initImmediate: false,
  interpolation: { escapeValue: false },
});

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The pilot's title in the language, else the other one, else "untitled". */
function titleIn(title: Localized, lang: Lang, t: (k: string) => string) {
  return (lang === "sv" ? (title.sv ?? title.fi) : (title.fi ?? title.sv))?.trim() || t("email.untitled");
}

export function followUpEmail(input: {
  to: string;
  language: Lang;
  role: "contact" | "staff";
  title: Localized;
  endDate: string | null;
  statusNames: Record<string, Localized>;
  /** The link without the status, e.g. https://rajaton.example/fi/follow-up/<token>. */
  link: string;
  expiresAt: Date;
  /** The first mailing, a reminder (or the council's resend), or a new one after the answer was deleted. */
  mailing: "first" | "reminder" | "reopened";
}): Email {
  const lang = input.language;
  const t = i18n.getFixedT(lang, "followups");
  const service = i18n.getFixedT(lang, "common")("serviceName");
  const title = titleIn(input.title, lang, t);
  const subject = t(
    { first: "email.subject", reminder: "email.subjectRemind", reopened: "email.subjectReopened" }[input.mailing],
    { title },
  );
  const lead = [
    t("email.lead", { service, title, ended: formatDate(lang, input.endDate) }),
    input.mailing === "reopened" ? t("email.reopened", { service }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const why = t(input.role === "contact" ? "email.whyContact" : "email.whyStaff");
  const sender = t("email.sender", { service });
  const expires = t("email.expires", { date: formatDate(lang, input.expiresAt) });
  const links = ANSWER_STATUSES.map((code) => ({
    label: (lang === "sv" ? input.statusNames[code]?.sv : input.statusNames[code]?.fi) ?? code,
    url: `${input.link}?status=${code}`,
  }));
  const body = [
    t("email.greeting"),
    "",
    lead,
    "",
    t("email.question"),
    "",
    ...links.map((l) => `- ${l.label}: ${l.url}`),
    "",
    expires,
    "",
    why,
    "",
    sender,
  ].join("\n");
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;max-width:40em">
<p>${escapeHtml(t("email.greeting"))}</p>
<p>${escapeHtml(lead)}</p>
<p>${escapeHtml(t("email.question"))}</p>
<ul>
${links.map((l) => `<li><a href="${escapeHtml(l.url)}" style="color:#2a6ebb">${escapeHtml(l.label)}</a></li>`).join("\n")}
</ul>
<p>${escapeHtml(expires)}</p>
<p style="color:#4a4f55">${escapeHtml(why)}</p>
<p style="color:#4a4f55">${escapeHtml(sender)}</p>
</body></html>`;
  return { to: input.to, language: lang, subject, body, html, kind: "follow-up" };
}
