/**
 * The workflow emails (docs/decisions/111): a pilot submitted for review (to the council), returned
 * for correction or published (to its editors). Plain text and simple HTML in the recipient's
 * language, with the service's name, the pilot's name, who took the step in which role, a link from
 * PUBLIC_URL, and why the recipient gets it — the same builder pattern as the follow-up request
 * (follow-up-mail.server.ts). Free of React: composed inside the write's transaction.
 */
import { createInstance } from "i18next";
import type { ComposeWorkflowMail } from "~db/queries/pilot-people.server";
import type { Role } from "~shared/codes";
import commonFi from "../../locales/fi/common.json";
import commonSv from "../../locales/sv/common.json";
import pilotsFi from "../../locales/fi/pilots.json";
import pilotsSv from "../../locales/sv/pilots.json";
import { publicUrl } from "./email.server";

const i18n = createInstance();
void i18n.init({
  resources: { fi: { common: commonFi, pilots: pilotsFi }, sv: { common: commonSv, pilots: pilotsSv } },
  lng: "fi",
  fallbackLng: false,
  defaultNS: "pilots",
  initImmediate: false,
  interpolation: { escapeValue: false },
});

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The composer for one workflow step taken by `actor`; `comment` is the council's return comment.
 * The link opens the pilot (the edit form, for a returned one) in the recipient's language.
 */
export function workflowMail(
  actor: { name: string; email: string; role: Role },
  comment: string | null = null,
  baseUrl = publicUrl(),
): ComposeWorkflowMail {
  return (recipient, pilot) => {
    const lang = recipient.language;
    const t = i18n.getFixedT(lang, "pilots");
    const service = i18n.getFixedT(lang, "common")("serviceName");
    const role = i18n.getFixedT(lang, "common")(`roles.${actor.role}`);
    const title =
      (lang === "sv" ? (pilot.title.sv ?? pilot.title.fi) : (pilot.title.fi ?? pilot.title.sv))?.trim() ||
      t("untitled");
    const key = pilot.event;
    const url = `${baseUrl}/${lang}/pilots/${pilot.id}${key === "returned" ? "/edit" : ""}`;
    const who = `${actor.name || actor.email} (${role})`;
    const subject = t(`workflowMail.${key}.subject`, { title, service });
    const paragraphs = [
      t("workflowMail.greeting"),
      t(`workflowMail.${key}.lead`, { title, who, service }),
      ...(key === "returned" && comment ? [t("workflowMail.comment", { comment })] : []),
      t(`workflowMail.${key}.action`),
    ];
    const why = t(recipient.role === "council" ? "workflowMail.whyCouncil" : "workflowMail.whyEditor", { service });
    const sender = t("workflowMail.sender", { service });
    const body = [...paragraphs, url, why, sender].join("\n\n");
    const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;max-width:40em">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(url)}" style="color:#2a6ebb">${escapeHtml(t(`workflowMail.${key}.link`, { title }))}</a></p>
<p style="color:#4a4f55">${escapeHtml(why)}</p>
<p style="color:#4a4f55">${escapeHtml(sender)}</p>
</body></html>`;
    return { to: recipient.email, language: lang, subject, body, html };
  };
}
