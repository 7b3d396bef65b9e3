/**
 * The pilot form (create and edit): checked in the browser with the action's schema (on leaving a
 * field and on submit, loaded when the form is used), and by the action without JavaScript (`result`: its answer).
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Localized, PilotState } from "~shared/codes";
import { ErrorSummary } from "~/components/field";
import { SWITCH_LANGUAGE } from "~/i18n";
import { localizedString } from "~/utils/localized";
import type { FormValues } from "~/utils/pilot-fields";
import { municipalityLookup } from "~/utils/pilot-municipalities";
import { useLang } from "~/utils/use-lang";
import { type FormResult, useValidatedForm } from "~/utils/use-validated-form";
import { type Conflict, ConflictNotice, errorLabels, makeKit, type PilotFormOptions } from "./pilot-form-kit";
import {
  ActivitySection,
  ArtistsSection,
  ContactSection,
  FundingSection,
  GoodPracticeSection,
  SourcesSection,
} from "./pilot-form-rows";
import {
  GroupsSection,
  MunicipalitiesSection,
  OrganisationsSection,
  PeriodSection,
  ProgrammeSection,
  TextsSection,
} from "./pilot-form-sections";

export type { Conflict, PilotFormOptions };

/** The pilot form's id: the language switch carries it to the other language (a route's `handle.carryForm`). */
export const PILOT_FORM_ID = "pilot-form";

const SECTIONS = [
  "texts",
  "programme",
  "municipalities",
  "organisations",
  "period",
  "groups",
  "funding",
  "artists",
  "activity",
  "goodPractice",
  "sources",
  "contact",
] as const;

export function PilotForm({
  values,
  result,
  options,
  version,
  state,
  returnComment,
  conflict,
  cancelTo,
  carried: wasCarried,
}: {
  values: FormValues;
  /** The action's answer to a refused save: its reply and errors. */
  result: FormResult;
  options: PilotFormOptions;
  version?: number;
  state: "new" | PilotState;
  returnComment?: string | null;
  conflict?: Conflict | null;
  cancelTo: string;
  /** The form came over from the other language's page, unsaved. */
  carried?: boolean;
}) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const lookup = useMemo(() => municipalityLookup(options.municipalities), [options.municipalities]);
  // The schema is imported when the form is used (docs/decisions/146), not with the page.
  const loadSchema = useCallback(async () => {
    const { carried, checkedComplete, pilotSchema } = await import("~/utils/pilot-form");
    const draft = pilotSchema({ lookup, complete: false, lang });
    const complete = pilotSchema({ lookup, complete: true, lang });
    return (formData: FormData) => {
      const intent = formData.get("intent");
      if (intent === SWITCH_LANGUAGE) return carried;
      return checkedComplete(state, intent) ? complete : draft;
    };
  }, [lookup, lang, state]);
  const { formProps, errors } = useValidatedForm(loadSchema, result, { id: PILOT_FORM_ID });
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save because someone else saved first, move focus to the message.
  useEffect(() => {
    if (conflict) formRef.current?.querySelector<HTMLElement>(".conflict")?.focus();
  }, [conflict]);
  // biome-ignore lint/correctness/noComponentHookFactories: L is a string helper, not a component
  const L = (x: Localized) => localizedString(x, lang);
  const kit = makeKit(t, lang, options, values, errors, L);

  return (
    <Form method="post" className="pilot-form" ref={formRef} {...formProps}>
      {/* Enter in a field saves, as before the rows had their own search buttons (the first submit button is the default). */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {state === "new" || state === "draft" ? t("form.saveDraft") : t("form.save")}
      </button>
      {wasCarried ? (
        <p className="notice notice-warning" role="status">
          {t("form.carried")}
        </p>
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} kit={kit} /> : null}
      <ErrorSummary errors={errors} labels={errorLabels(kit, errors)} />
      {returnComment && state === "draft" ? (
        <p className="notice notice-warning">{t("form.returned", { comment: returnComment })}</p>
      ) : null}
      {state === "published" ? <p className="notice">{t("form.publishedNote")}</p> : null}
      {state === "submitted" ? <p className="notice">{t("form.submittedNote")}</p> : null}
      <p>{t("form.intro")}</p>
      <nav aria-labelledby="form-contents" className="form-contents no-print">
        <h2 id="form-contents" className="visually-hidden">
          {t("form.contents")}
        </h2>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#section-${s}`}>{t(`form.section.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {version != null ? <input type="hidden" name="version" value={version} /> : null}
      <TextsSection kit={kit} />
      <ProgrammeSection kit={kit} />
      <MunicipalitiesSection kit={kit} />
      <OrganisationsSection kit={kit} />
      <PeriodSection kit={kit} />
      <GroupsSection kit={kit} />
      <FundingSection kit={kit} />
      <ArtistsSection kit={kit} />
      <ActivitySection kit={kit} />
      <GoodPracticeSection kit={kit} />
      <SourcesSection kit={kit} />
      <ContactSection kit={kit} />
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {state === "new" || state === "draft" ? t("form.saveDraft") : t("form.save")}
        </button>{" "}
        {state === "new" || state === "draft" ? (
          <button type="submit" name="intent" value="submit" className="button button-secondary" disabled={busy}>
            {t("form.submit")}
          </button>
        ) : null}{" "}
        <Link to={cancelTo}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
